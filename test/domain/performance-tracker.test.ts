import {describe, expect, it} from 'vitest';
import type {LlmCallEvent} from '../../source/events/types.js';
import {mulberry32} from '../../source/demo/prng.js';
import {PerformanceTracker} from '../../source/domain/performance-tracker.js';

function call(ts: number, latencyMs: number, extra: Partial<LlmCallEvent> = {}): LlmCallEvent {
	return {type: 'llm_call', ts, model: 'gpt-4o', provider: 'openai', operation: 'chat', feature: '(none)', latencyMs, status: 'ok', ...extra};
}

/** Sketch quantiles are within α = 0.5 % of the exact nearest-rank value. */
function expectWithin(actual: number | null, exact: number, relative = 0.005): void {
	expect(actual).not.toBeNull();
	expect(Math.abs(actual! - exact) / exact).toBeLessThanOrEqual(relative + 1e-12);
}

describe('PerformanceTracker', () => {
	it('reports nulls, not zeros, for an empty window', () => {
		const t = new PerformanceTracker();
		const s = t.snapshot(1_000_000, 300);
		expect(s.calls).toBe(0);
		expect(s.errors).toBe(0);
		expect(s.error_rate).toBeNull();
		expect(s.throughput_rps).toBeNull();
		expect(s.input_tokens_per_s).toBeNull();
		expect(s.latency_ms).toEqual({p50: null, p95: null, p99: null, avg: null, max: null});
		expect(s.ttft_ms).toEqual({p50: null, p95: null, samples: 0});
		expect(s.covered_s).toBe(0);
		expect(s.window_s).toBe(300);
		expect(s.by_model).toEqual({});
		expect(s.by_provider).toEqual({});
	});

	it('computes every figure of a hand-checked 5-minute window', () => {
		const t = new PerformanceTracker();
		// 300 s window, g = 5 s. now = 1 000 000 → epoch 200, window start (200 − 59) · 5000 = 705 000.
		t.record(call(700_000, 5000)); // before the window start: only in longer windows
		t.record(call(710_000, 100, {ttftMs: 20, inputTokens: 10, outputTokens: 5}));
		t.record(call(800_000, 300, {ttftMs: 40, inputTokens: 20, outputTokens: 15, status: 'error', errorType: 'rate_limit'}));
		t.record(call(900_000, 200, {model: 'claude', provider: 'anthropic', inputTokens: 30}));
		t.record(call(999_000, 400, {model: 'claude', provider: 'anthropic', status: 'error', errorType: 'timeout'}));
		const s = t.snapshot(1_000_000, 300);
		// Earliest call 700 000 < window start, so covered = (1 000 000 − 705 000) / 1000 = 295 s.
		expect(s.window_s).toBe(300);
		expect(s.covered_s).toBe(295);
		expect(s.calls).toBe(4);
		expect(s.errors).toBe(2);
		expect(s.error_rate).toBe(0.5); // 2 / 4
		expect(s.throughput_rps).toBeCloseTo(4 / 295, 12);
		expect(s.input_tokens_per_s).toBeCloseTo(60 / 295, 12); // 10 + 20 + 30
		expect(s.output_tokens_per_s).toBeCloseTo(20 / 295, 12); // 5 + 15
		// Latencies 100, 200, 300, 400: p50 → k = 2 → 200; p95 and p99 → k = 4 → 400 (exact max).
		expectWithin(s.latency_ms.p50, 200);
		expect(s.latency_ms.p95).toBe(400);
		expect(s.latency_ms.p99).toBe(400);
		expect(s.latency_ms.avg).toBe(250); // 1000 / 4
		expect(s.latency_ms.max).toBe(400);
		// TTFT 20, 40: p50 → k = 1 → 20 (exact min); p95 → k = 2 → 40 (exact max).
		expect(s.ttft_ms).toEqual({p50: 20, p95: 40, samples: 2});
		expect(s.errors_by_type).toEqual({rate_limit: 1, timeout: 1});

		const gpt = s.by_model['gpt-4o']!;
		expect(gpt.calls).toBe(2);
		expect(gpt.error_rate).toBe(0.5);
		expect(gpt.latency_ms).toEqual({p50: 100, p95: 300, p99: 300, avg: 200, max: 300});
		expect(gpt.throughput_rps).toBeCloseTo(2 / 295, 12);
		const claude = s.by_model.claude!;
		expect(claude.ttft_ms).toEqual({p50: null, p95: null, samples: 0});
		expect(claude.input_tokens_per_s).toBeCloseTo(30 / 295, 12);
		// No claude call reported output tokens: unknown, not 0.
		expect(claude.output_tokens_per_s).toBeNull();
		expect(claude.errors_by_type).toEqual({timeout: 1});
		expect(Object.keys(s.by_provider).sort()).toEqual(['anthropic', 'openai']);
		expect(s.by_provider.anthropic!.calls).toBe(2);
	});

	it('reports 1.0 req/s for a stream 60 s old with 60 calls, not 60 / 300', () => {
		const t = new PerformanceTracker();
		for (let i = 0; i < 60; i++) t.record(call(1_000_000 + i * 1000, 100));
		// now = 1 060 000: window start (212 − 59) · 5000 = 765 000 < first call 1 000 000,
		// so covered = (1 060 000 − 1 000 000) / 1000 = 60 s.
		const s = t.snapshot(1_060_000, 300);
		expect(s.covered_s).toBe(60);
		expect(s.throughput_rps).toBe(1);
	});

	it('floors the covered time at one second', () => {
		const t = new PerformanceTracker();
		t.record(call(5_000_000, 100, {outputTokens: 7}));
		const s = t.snapshot(5_000_000, 60);
		expect(s.covered_s).toBe(1);
		expect(s.throughput_rps).toBe(1);
		expect(s.output_tokens_per_s).toBe(7);
	});

	it('keeps a ring per window size, each with its own start', () => {
		const t = new PerformanceTracker();
		const now = 10_000_000;
		t.record(call(now - 30_000, 100));
		t.record(call(now - 120_000, 100));
		t.record(call(now - 1_000_000, 100));
		// 60 s: epoch 10 000, start 9 941 000 → 1 call. 300 s: epoch 2000, start 9 705 000 → 2 calls.
		// 900 s: g = 15 s, epoch 666, start (666 − 59) · 15 000 = 9 105 000 → still 2 (9 000 000 is before).
		// 3600 s: epoch 166, start (166 − 59) · 60 000 = 6 420 000 → 3 calls, covered (now − 9 000 000) / 1000 = 1000 s.
		expect(t.snapshot(now, 60).calls).toBe(1);
		expect(t.snapshot(now, 300).calls).toBe(2);
		expect(t.snapshot(now, 900).calls).toBe(2);
		const hour = t.snapshot(now, 3600);
		expect(hour.calls).toBe(3);
		expect(hour.covered_s).toBe(1000);
	});

	it('drops calls as the window moves past them (boundary inclusive at the window start)', () => {
		const t = new PerformanceTracker();
		t.record(call(66_000, 100)); // epoch 66 in the 60 s ring
		// now = 125 999: epochs 66..125 → included. now = 126 000: epochs 67..126 → gone.
		expect(t.snapshot(125_999, 60).calls).toBe(1);
		const later = t.snapshot(126_000, 60);
		expect(later.calls).toBe(0);
		expect(later.covered_s).toBe(0);
		expect(later.latency_ms.p50).toBeNull();
	});

	it('counts a call with a future completion time once now reaches its bucket', () => {
		const t = new PerformanceTracker();
		t.record(call(100_500, 100)); // epoch 100 of the 60 s ring; now = 99 900 is epoch 99
		expect(t.snapshot(99_900, 60).calls).toBe(0);
		expect(t.snapshot(100_000, 60).calls).toBe(1);
	});

	it('uses the closest kept window for an unknown size and says which', () => {
		const t = new PerformanceTracker();
		expect(t.snapshot(0, 120).window_s).toBe(300);
		expect(t.snapshot(0, 10_000).window_s).toBe(3600);
		expect(t.snapshot(0, Number.NaN).window_s).toBe(3600);
		expect(t.snapshot(0, 900).window_s).toBe(900);
	});

	it('folds models and providers beyond the cap into (other) and counts them', () => {
		const t = new PerformanceTracker({maxKeys: 2});
		for (const model of ['a', 'b', 'c', 'd', 'a']) t.record(call(1000, 100, {model}));
		const s = t.snapshot(1000, 60);
		expect(Object.keys(s.by_model)).toEqual(['a', 'b', '(other)']);
		expect(s.by_model.a!.calls).toBe(2);
		expect(s.by_model['(other)']!.calls).toBe(2);
		expect(t.counters.foldedModelCalls).toBe(2);
		expect(t.counters.foldedProviderCalls).toBe(0);
	});

	it('labels errors without a type and treats odd input without throwing', () => {
		const t = new PerformanceTracker();
		t.record(call(1000, 100, {status: 'error'}));
		t.record(call(Number.NaN, 100));
		t.record(call(1000, Number.NaN, {model: ''}));
		const s = t.snapshot(1000, 60);
		expect(s.errors_by_type).toEqual({'(unknown)': 1});
		// The NaN-latency call counts as a call but not as a latency sample.
		expect(s.calls).toBe(2);
		expect(s.latency_ms.avg).toBe(100);
		expect(Object.keys(s.by_model).sort()).toEqual(['(unknown)', 'gpt-4o']);
		expect(t.counters.invalidCalls).toBe(1);
		const nowless = t.snapshot(Number.NaN, 60);
		expect(nowless.calls).toBe(0);
		expect(nowless.covered_s).toBe(0);
	});

	it('keeps keys named like Object.prototype members as plain data', () => {
		const t = new PerformanceTracker();
		t.record(call(1000, 100, {model: '__proto__', status: 'error', errorType: 'constructor'}));
		const s = t.snapshot(1000, 60);
		expect(Object.getPrototypeOf(s.by_model)).toBe(Object.prototype);
		expect(Object.keys(s.by_model)).toEqual(['__proto__']);
		expect(s.errors_by_type.constructor).toBe(1);
	});

	it('reuses the merge of closed buckets between queries, yet sees late and current events', () => {
		const t = new PerformanceTracker({windowsS: [60]});
		t.record(call(10_000, 100));
		t.record(call(50_000, 200));
		const first = t.snapshot(50_500, 60);
		const rebuilds = t.counters.cacheRebuilds;
		// Same bucket, one more call into the current bucket: no rebuild, but it is counted.
		t.record(call(50_700, 300));
		const second = t.snapshot(50_800, 60);
		expect(t.counters.cacheRebuilds).toBe(rebuilds);
		expect(first.calls).toBe(2);
		expect(second.calls).toBe(3);
		// A late call into a closed bucket invalidates the cache: it must be counted too.
		t.record(call(20_000, 400));
		const third = t.snapshot(50_900, 60);
		expect(third.calls).toBe(4);
		expect(third.latency_ms.max).toBe(400);
		expect(third.latency_ms.avg).toBe(250); // (100 + 200 + 300 + 400) / 4
		expect(t.counters.cacheRebuilds).toBeGreaterThan(rebuilds);
	});

	it('stays right after the rings wrap many times (2 hours at one call per second)', () => {
		const t = new PerformanceTracker();
		for (let i = 0; i < 7200; i++) t.record(call(i * 1000, 100 + (i % 10), {status: i % 4 === 0 ? 'error' : 'ok'}));
		const now = 7_199_000;
		// 3600 s: epoch 119, start (119 − 59) · 60 000 = 3 600 000 → i = 3600..7199 = 3600 calls, covered 3599 s.
		const hour = t.snapshot(now, 3600);
		expect(hour.calls).toBe(3600);
		expect(hour.covered_s).toBe(3599);
		expect(hour.errors).toBe(900); // every 4th
		expect(hour.latency_ms.avg).toBe(104.5); // 100..109 equally often
		// 60 s: epoch 7199, start (7199 − 59) · 1000 = 7 140 000 → i = 7140..7199 = 60 calls over 59 s.
		const minute = t.snapshot(now, 60);
		expect(minute.calls).toBe(60);
		expect(minute.throughput_rps).toBeCloseTo(60 / 59, 12);
	});

	it('matches exact nearest-rank percentiles over a window of random latencies', () => {
		const t = new PerformanceTracker({windowsS: [300]});
		let seed = 12_345;
		const random = (): number => {
			seed = (seed * 16_807) % 2_147_483_647;
			return seed / 2_147_483_647;
		};

		const inWindow: number[] = [];
		const now = 3_000_000;
		const start = (Math.floor(now / 5000) - 59) * 5000;
		for (let i = 0; i < 20_000; i++) {
			const ts = now - 600_000 + Math.floor(random() * 600_000);
			const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
			const latency = Math.exp(6.5 + z);
			t.record(call(ts, latency));
			if (ts >= start) inWindow.push(latency);
		}

		inWindow.sort((a, b) => a - b);
		const s = t.snapshot(now, 300);
		expect(s.calls).toBe(inWindow.length);
		for (const [percent, value] of [
			[50, s.latency_ms.p50],
			[95, s.latency_ms.p95],
			[99, s.latency_ms.p99],
		] as const) {
			expectWithin(value, inWindow[Math.ceil((percent * inWindow.length) / 100) - 1]!);
		}

		expect(s.latency_ms.max).toBe(inWindow.at(-1));
	});
});

describe('PerformanceTracker snapshots over time', () => {
	it('match a tracker fed the same calls at once, however calls and snapshots interleave', () => {
		// Calls are queued and each key keeps its current buckets' figures aside until they are
		// read: the result must not depend on when snapshots force them back, to the last bit.
		const random = mulberry32(5);
		const live = new PerformanceTracker();
		const fed: LlmCallEvent[] = [];
		let now = 50_000_000;
		for (let step = 0; step < 3000; step++) {
			now += Math.floor(random() * 400);
			// Mostly fresh, some minutes late, a few too old for every ring.
			const roll = random();
			const ts = roll < 0.85 ? now - random() * 3000 : roll < 0.97 ? now - random() * 1_500_000 : now - 10_000_000;
			const event = call(ts, random() < 0.05 ? Number.NaN : Math.round(random() * 5000) / 7, {
				model: `m${Math.floor(random() * 4)}`,
				provider: `p${Math.floor(random() * 2)}`,
				ttftMs: random() < 0.5 ? random() * 300 : undefined,
				inputTokens: random() < 0.8 ? Math.floor(random() * 5000) : undefined,
				outputTokens: random() < 0.8 ? Math.floor(random() * 900) : undefined,
				status: random() < 0.1 ? 'error' : 'ok',
				errorType: random() < 0.5 ? 'rate_limit' : undefined,
			});
			live.record(event);
			fed.push(event);
			if (step % 37 === 0 || step > 2950) {
				const windowS = [60, 300, 900, 3600][step % 4]!;
				const fresh = new PerformanceTracker();
				for (const e of fed) fresh.record(e);
				expect(live.snapshot(now, windowS), `step ${step}`).toEqual(fresh.snapshot(now, windowS));
				// Cache rebuilds follow the snapshots taken; every other counter follows the calls.
				expect({...live.counters, cacheRebuilds: 0}).toEqual({...fresh.counters, cacheRebuilds: 0});
			}
		}
	});

	it('sums latencies in call order, as one add per call would', () => {
		const t = new PerformanceTracker();
		const latencies = [0.1, 0.2, 0.3, 1e-9, 12_345.678, 0.7, 1 / 3];
		for (const latency of latencies) t.record(call(1000, latency));
		let sum = 0;
		for (const latency of latencies) sum += latency;
		expect(t.snapshot(1000, 60).latency_ms.avg).toBe(sum / latencies.length);
	});

	it('counts every call too old for the shortest ring once', () => {
		const t = new PerformanceTracker();
		for (let second = 0; second < 120; second++) t.record(call(1_000_000 + second * 1000, 100));
		// Older than the 61 buckets of the 60 s ring, in runs of one bucket and alone.
		for (let index = 0; index < 5; index++) t.record(call(1_000_000, 100));
		t.record(call(1_001_000, 100));
		for (let index = 0; index < 3; index++) t.record(call(1_000_000, 100));
		expect(t.counters.tooOldForShortest).toBe(9);
		expect(t.snapshot(1_119_000, 300).calls).toBe(129);
	});
});
