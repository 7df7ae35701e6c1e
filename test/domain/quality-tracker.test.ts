import {describe, expect, it} from 'vitest';
import type {ScoreEvent} from '../../source/events/types.js';
import {QualityTracker} from '../../source/domain/quality-tracker.js';

const TARGET = {model: 'gpt-4o', feature: 'support'};

function score(ts: number, name: string, value: number | boolean): ScoreEvent {
	return {type: 'score', ts, name, value};
}

function recordMany(t: QualityTracker, ts: number, name: string, values: ReadonlyArray<number | boolean>, target = TARGET): void {
	for (const value of values) t.record(score(ts, name, value), target);
}

function repeat<T>(value: T, times: number): T[] {
	return Array.from({length: times}, () => value);
}

// 300 s window at NOW: g = 5 s, epoch 2000, window start (2000 − 59) · 5000 = 9 705 000.
// Baseline: minute buckets ending at ⌊9 705 000 / 60 000⌋ = 161, i.e. epochs 101..160 =
// [6 060 000, 9 660 000). The 45 s from 9 660 000 to 9 705 000 belong to neither.
const NOW = 10_000_000;
const IN_WINDOW = 9_800_000;
const IN_BASELINE = 9_000_000;

describe('QualityTracker', () => {
	it('computes each mean, the overall formula and the sample counts by hand', () => {
		const t = new QualityTracker();
		recordMany(t, IN_WINDOW, 'grounding', [0.9, 0.7]); // mean 0.8
		recordMany(t, IN_WINDOW, 'relevance', [0.6]); // 0.6
		recordMany(t, IN_WINDOW, 'user_satisfaction', [4, 5]); // 4.5
		recordMany(t, IN_WINDOW, 'hallucination', [true, false, false, false]); // 1 / 4 = 0.25
		recordMany(t, IN_WINDOW, 'toxicity', [0.1, 0.2]);
		const s = t.snapshot(NOW, 300).by_model['gpt-4o']!;
		expect(s.grounding).toBeCloseTo(0.8, 12);
		expect(s.relevance).toBe(0.6);
		expect(s.satisfaction).toBe(4.5);
		expect(s.hallucination_rate).toBe(0.25);
		// (0.8 + 0.6 + 4.5 / 5) / 3 = 2.3 / 3
		expect(s.overall).toBeCloseTo(2.3 / 3, 12);
		expect(s.samples).toBe(9); // 2 + 1 + 2 + 4: toxicity is not a well-known score
		expect(s.samples_by_name).toEqual({grounding: 2, relevance: 1, user_satisfaction: 2, hallucination: 4, toxicity: 2});
		expect(s.regression).toBe(false);
		expect(s.baseline_overall).toBeNull();
		expect(t.snapshot(NOW, 300).by_feature.support).toEqual(s);
	});

	it('leaves overall null unless grounding, relevance and satisfaction are all known', () => {
		const t = new QualityTracker();
		recordMany(t, IN_WINDOW, 'grounding', [0.9]);
		recordMany(t, IN_WINDOW, 'relevance', [0.8]);
		const s = t.snapshot(NOW, 300).by_model['gpt-4o']!;
		expect(s.overall).toBeNull();
		expect(s.satisfaction).toBeNull();
		expect(s.hallucination_rate).toBeNull();
	});

	it('counts hallucination given as 0/1 like booleans', () => {
		const t = new QualityTracker();
		recordMany(t, IN_WINDOW, 'hallucination', [1, 0, 0, true]); // 2 of 4
		expect(t.snapshot(NOW, 300).by_model['gpt-4o']!.hallucination_rate).toBe(0.5);
	});

	it('uses the same window rule as the performance panel and a baseline just before it', () => {
		const t = new QualityTracker();
		recordMany(t, 9_705_000, 'grounding', [0.5]); // first instant of the window
		recordMany(t, 9_704_999, 'grounding', [0.1]); // in the gap: neither
		recordMany(t, 9_659_999, 'grounding', [0.9]); // last instant of the baseline
		for (const name of ['relevance', 'user_satisfaction'] as const) {
			recordMany(t, 9_705_000, name, [name === 'relevance' ? 0.5 : 5]);
			recordMany(t, 9_659_999, name, [name === 'relevance' ? 0.9 : 5]);
		}

		recordMany(t, 6_059_999, 'grounding', [0]); // just before the baseline
		const s = t.snapshot(NOW, 300).by_model['gpt-4o']!;
		expect(s.grounding).toBe(0.5);
		expect(s.samples).toBe(3);
		// Baseline holds only the 9 659 999 scores: (0.9 + 0.9 + 5 / 5) / 3 = 2.8 / 3.
		expect(s.baseline_overall).toBeCloseTo(2.8 / 3, 12);
	});

	it('omits keys without scores in the window and routes by model and feature', () => {
		const t = new QualityTracker();
		recordMany(t, IN_BASELINE, 'grounding', [0.9], {model: 'old', feature: 'old-feature'});
		recordMany(t, IN_WINDOW, 'grounding', [0.7], {model: 'a', feature: 'x'});
		recordMany(t, IN_WINDOW, 'grounding', [0.9], {model: 'b', feature: 'x'});
		recordMany(t, IN_WINDOW, 'grounding', [0.5], {model: '', feature: ''});
		const s = t.snapshot(NOW, 300);
		expect(Object.keys(s.by_model)).toEqual(['a', 'b', '(unknown)']);
		expect(Object.keys(s.by_feature)).toEqual(['x', '(none)']);
		expect(s.by_feature.x!.grounding).toBeCloseTo(0.8, 12); // (0.7 + 0.9) / 2
		expect(s.by_feature.x!.samples).toBe(2);
	});

	it('gives the mean grounding over every model for the alert', () => {
		const t = new QualityTracker();
		recordMany(t, IN_WINDOW, 'grounding', [0.6, 0.7], {model: 'a', feature: 'x'});
		recordMany(t, IN_WINDOW, 'grounding', [0.8], {model: 'b', feature: 'y'});
		recordMany(t, IN_BASELINE, 'grounding', [0], {model: 'b', feature: 'y'});
		recordMany(t, IN_WINDOW, 'relevance', [0.1], {model: 'b', feature: 'y'});
		expect(t.overallGrounding(NOW, 300)).toEqual({mean: expect.closeTo(0.7, 12) as number, samples: 3}); // 2.1 / 3
		expect(t.overallGrounding(NOW + 3_600_000, 300)).toEqual({mean: null, samples: 0});
	});

	describe('regression', () => {
		/** Baseline overall (0.9 + 0.9 + 5/5) / 3 = 2.8 / 3 from 20 scores; recent g = r = x, s = 5. */
		function withRecent(x: number, recentEach = 4, baselineEach = 7): QualityTracker {
			const t = new QualityTracker();
			recordMany(t, IN_BASELINE, 'grounding', repeat(0.9, baselineEach));
			recordMany(t, IN_BASELINE, 'relevance', repeat(0.9, baselineEach));
			recordMany(t, IN_BASELINE, 'user_satisfaction', repeat(5, baselineEach - 1));
			recordMany(t, IN_WINDOW, 'grounding', repeat(x, recentEach));
			recordMany(t, IN_WINDOW, 'relevance', repeat(x, recentEach));
			recordMany(t, IN_WINDOW, 'user_satisfaction', repeat(5, recentEach - 1));
			return t;
		}

		it('fires when overall drops by 0.0667 (≥ 0.05)', () => {
			// Recent (0.8 + 0.8 + 1) / 3 = 2.6 / 3; drop = 0.2 / 3 ≈ 0.0667. 11 recent, 20 baseline scores.
			const s = withRecent(0.8).snapshot(NOW, 300).by_model['gpt-4o']!;
			expect(s.samples).toBe(11);
			expect(s.overall).toBeCloseTo(2.6 / 3, 12);
			expect(s.baseline_overall).toBeCloseTo(2.8 / 3, 12);
			expect(s.regression).toBe(true);
		});

		it('fires at exactly the drop despite float noise', () => {
			// x = 0.825: (2.8 − 2.65) / 3 = 0.05.
			expect(withRecent(0.825).snapshot(NOW, 300).by_model['gpt-4o']!.regression).toBe(true);
			// Grounding 0.85 → 0.80 is a drop of 0.05, though 0.85 − 0.8 = 0.04999999999999993 in floats.
			const t = new QualityTracker();
			recordMany(t, IN_BASELINE, 'grounding', repeat(0.85, 20));
			recordMany(t, IN_WINDOW, 'grounding', repeat(0.8, 10));
			expect(t.snapshot(NOW, 300).by_model['gpt-4o']!.regression).toBe(true);
		});

		it('does not fire just under the drop', () => {
			// x = 0.8265: (2.8 − 2.653) / 3 = 0.049.
			expect(withRecent(0.8265).snapshot(NOW, 300).by_model['gpt-4o']!.regression).toBe(false);
		});

		it('does not fire with too few recent or baseline scores', () => {
			// 3 + 3 + 2 = 8 recent < 10.
			const fewRecent = withRecent(0.5, 3).snapshot(NOW, 300).by_model['gpt-4o']!;
			expect(fewRecent.samples).toBe(8);
			expect(fewRecent.regression).toBe(false);
			// 6 + 6 + 5 = 17 baseline < 20; baseline_overall is still shown.
			const fewBaseline = withRecent(0.5, 4, 6).snapshot(NOW, 300).by_model['gpt-4o']!;
			expect(fewBaseline.regression).toBe(false);
			expect(fewBaseline.baseline_overall).toBeCloseTo(2.8 / 3, 12);
		});

		it('judges grounding alone when overall is unknown', () => {
			const t = new QualityTracker();
			recordMany(t, IN_BASELINE, 'grounding', repeat(0.9, 20));
			recordMany(t, IN_WINDOW, 'grounding', repeat(0.84, 10)); // drop 0.06
			expect(t.snapshot(NOW, 300).by_model['gpt-4o']!.regression).toBe(true);
			const u = new QualityTracker();
			recordMany(u, IN_BASELINE, 'grounding', repeat(0.9, 20));
			recordMany(u, IN_WINDOW, 'grounding', repeat(0.86, 10)); // drop 0.04
			expect(u.snapshot(NOW, 300).by_model['gpt-4o']!.regression).toBe(false);
		});

		it('fires when the hallucination rate rises by the drop', () => {
			const t = new QualityTracker();
			// Baseline 1 of 20 = 0.05; recent 1 of 10 = 0.1: rise 0.05.
			recordMany(t, IN_BASELINE, 'hallucination', [true, ...repeat(false, 19)]);
			recordMany(t, IN_WINDOW, 'hallucination', [true, ...repeat(false, 9)]);
			expect(t.snapshot(NOW, 300).by_model['gpt-4o']!.regression).toBe(true);
			const u = new QualityTracker();
			recordMany(u, IN_BASELINE, 'hallucination', [true, ...repeat(false, 19)]);
			recordMany(u, IN_WINDOW, 'hallucination', repeat(false, 10)); // 0: an improvement
			expect(u.snapshot(NOW, 300).by_model['gpt-4o']!.regression).toBe(false);
		});

		it('honours configured thresholds', () => {
			const t = new QualityTracker({minRecent: 1, minBaseline: 1, drop: 0.2});
			recordMany(t, IN_BASELINE, 'grounding', [0.9]);
			recordMany(t, IN_WINDOW, 'grounding', [0.75]); // drop 0.15 < 0.2
			expect(t.snapshot(NOW, 300).by_model['gpt-4o']!.regression).toBe(false);
			recordMany(t, IN_WINDOW, 'grounding', [0.35]); // mean 0.55: drop 0.35
			expect(t.snapshot(NOW, 300).by_model['gpt-4o']!.regression).toBe(true);
		});
	});

	it('keeps the baseline of the 1-hour window over a 3-hour stream', () => {
		const t = new QualityTracker();
		// One score of each name per minute for 3 h. 3600 s window at now = 10 800 000: epoch 180,
		// start (180 − 59) · 60 000 = 7 260 000; baseline epochs 61..120 = [3 660 000, 7 260 000).
		// Values: 0.1 before the baseline, 0.9 in it, 0.5 in the window.
		for (let minute = 0; minute < 180; minute++) {
			const ts = minute * 60_000;
			const v = ts < 3_660_000 ? 0.1 : ts < 7_260_000 ? 0.9 : 0.5;
			t.record(score(ts, 'grounding', v), TARGET);
			t.record(score(ts, 'relevance', v), TARGET);
			t.record(score(ts, 'user_satisfaction', 5), TARGET);
		}

		const s = t.snapshot(10_800_000, 3600).by_model['gpt-4o']!;
		expect(s.samples).toBe(177); // epochs 121..180 hold minutes 121..179 → 59 × 3
		expect(s.grounding).toBe(0.5);
		expect(s.baseline_overall).toBeCloseTo(2.8 / 3, 12); // (0.9 + 0.9 + 1) / 3
		expect(s.regression).toBe(true);
	});

	it('folds keys past the cap, ignores unusable scores, and never throws', () => {
		const t = new QualityTracker({maxKeys: 1});
		t.record(score(IN_WINDOW, 'grounding', 0.5), {model: 'a', feature: 'x'});
		t.record(score(IN_WINDOW, 'grounding', 0.7), {model: 'b', feature: 'y'});
		t.record(score(Number.NaN, 'grounding', 0.7), TARGET);
		t.record(score(IN_WINDOW, 'grounding', true), TARGET);
		t.record(score(IN_WINDOW, 'relevance', Number.NaN), TARGET);
		const s = t.snapshot(NOW, 300);
		expect(Object.keys(s.by_model)).toEqual(['a', '(other)']);
		expect(s.by_model['(other)']!.grounding).toBe(0.7);
		expect(t.counters).toEqual({foldedModelScores: 1, foldedFeatureScores: 1, invalidScores: 3});
		expect(t.snapshot(Number.NaN, 300)).toEqual({by_model: {}, by_feature: {}});
	});
});

describe('QualityTracker snapshots over time', () => {
	it('match a tracker fed the same scores at once, however scores and snapshots interleave', () => {
		// The cached window and baseline merges must never serve stale sums: late scores, scores
		// in the baseline, a window that moves on and alternating window sizes all invalidate them.
		let state = 7;
		const random = (): number => {
			state = (Math.imul(state, 48_271) + 1) % 2_147_483_647;
			return (state >>> 0) / 2_147_483_647;
		};
		const live = new QualityTracker();
		const names = ['grounding', 'relevance', 'user_satisfaction', 'hallucination', 'tone'];
		const fed: Array<[ScoreEvent, {model: string; feature: string}]> = [];
		let now = 20_000_000;
		for (let step = 0; step < 600; step++) {
			now += Math.floor(random() * 1500);
			// Mostly fresh, some in the last hour (baseline), some minutes late.
			const age = random() < 0.7 ? random() * 5000 : random() * 4_000_000;
			const name = names[Math.floor(random() * names.length)]!;
			const value = name === 'user_satisfaction' ? 1 + Math.floor(random() * 5) : name === 'hallucination' ? random() < 0.2 : Math.round(random() * 100) / 100;
			const target = {model: `m${Math.floor(random() * 3)}`, feature: `f${Math.floor(random() * 2)}`};
			const event = score(now - age, name, value);
			live.record(event, target);
			fed.push([event, target]);
			if (step % 3 === 0) {
				// The same window for a while (so cached merges are reused), then another.
				const windowS = [300, 60, 3600, 900][Math.floor(step / 150)]!;
				const fresh = new QualityTracker();
				for (const [e, t] of fed) fresh.record(e, t);
				expect(live.snapshot(now, windowS), `step ${step}`).toEqual(fresh.snapshot(now, windowS));
				expect(live.overallGrounding(now, windowS)).toEqual(fresh.overallGrounding(now, windowS));
			}
		}
	});
});
