import type {ScoreEvent} from '../events/types.js';
import {WINDOWS_S} from './monitor-config.js';
import {HALLUCINATION, QualityBucket, scoreKind} from './quality-bucket.js';
import {BASELINE_BUCKETS, QualityKey, type QualityKeyShape} from './quality-key.js';
import {ScoreQueue} from './score-queue.js';
import type {QualitySnapshot, QualityStats} from './snapshot-types.js';
import type { WindowRing} from './window-ring.js';
import {DEFAULT_BUCKETS, windowIndexFor} from './window-ring.js';

export type QualityTrackerOptions = {
	/** Baseline period right before the window start, seconds. Default 3600. */
	readonly baselineS?: number;
	/** Well-known scores needed in the window before a regression can be flagged. Default 10. */
	readonly minRecent?: number;
	/** Well-known scores needed in the baseline before a regression can be flagged. Default 20. */
	readonly minBaseline?: number;
	/** Drop in overall (or grounding) / rise in hallucination rate that counts as a regression. Default 0.05. */
	readonly drop?: number;
	/** Window sizes kept live, seconds (default WINDOWS_S). */
	readonly windowsS?: readonly number[];
	/** Buckets per window (default 60, the same rule as the performance panel). */
	readonly buckets?: number;
	/** Distinct models and features kept each; later ones are folded into `(other)`. Default 200. */
	readonly maxKeys?: number;
};

export type QualityCounters = {
	readonly foldedModelScores: number;
	readonly foldedFeatureScores: number;
	/** Scores with an unusable timestamp, or a well-known name with a value of the wrong kind. */
	readonly invalidScores: number;
};

/** Float tolerance so that 0.80 → 0.75 counts as a drop of 0.05. */
const EPSILON = 1e-9;
const OTHER_KEY = '(other)';
/** Scores queued before they are recorded in one go. */
const QUEUED_SCORES = 256;

type KeyState = QualityKey;

/**
 * Score means per model and per feature over sliding windows, with a regression flag that compares
 * the window with the baseline period just before it.
 *
 * The baseline uses buckets of baselineS/60 (a minute by default) and ends at the last such bucket
 * boundary at or before the window start, so a gap shorter than one baseline bucket may separate it
 * from the window; baseline and window never share a score.
 */
export class QualityTracker {
	private readonly windowsMs: readonly number[];
	private readonly maxKeys: number;
	private readonly baselineMs: number;
	private readonly baselineWidthMs: number;
	/** The rings every key has. */
	private readonly shape: QualityKeyShape;
	private readonly minRecent: number;
	private readonly minBaseline: number;
	private readonly drop: number;
	private readonly overall: KeyState;
	private readonly models = new Map<string, KeyState>();
	private readonly features = new Map<string, KeyState>();
	private otherModel: KeyState | null = null;
	private otherFeature: KeyState | null = null;
	private foldedModels = 0;
	private foldedFeatures = 0;
	private invalid = 0;
	private readonly recentScratch = new QualityBucket();
	/** Per window, then the baseline: the bucket of the score being recorded. */
	private readonly epochs: Float64Array;
	/** Scores not yet recorded in their keys, with their model and feature keys (see ScoreQueue). */
	private readonly queue = new ScoreQueue<KeyState>(QUEUED_SCORES);

	constructor(options: QualityTrackerOptions = {}) {
		const windows = (options.windowsS ?? WINDOWS_S).filter((s) => Number.isFinite(s) && s > 0);
		this.windowsMs = (windows.length > 0 ? [...new Set(windows)] : [...WINDOWS_S]).map((s) => s * 1000);
		this.maxKeys = Math.max(1, Math.floor(options.maxKeys ?? 200));
		const baselineS = options.baselineS !== undefined && Number.isFinite(options.baselineS) && options.baselineS > 0 ? options.baselineS : 3600;
		this.baselineMs = baselineS * 1000;
		this.baselineWidthMs = this.baselineMs / BASELINE_BUCKETS;
		const longest = Math.max(...this.windowsMs);
		this.shape = {
			windowsMs: this.windowsMs,
			buckets: Math.max(1, Math.floor(options.buckets ?? DEFAULT_BUCKETS)),
			baselineWidthMs: this.baselineWidthMs,
			// Enough buckets to reach back from the newest bucket over the longest window and the baseline.
			baselineRingBuckets: Math.ceil(longest / this.baselineWidthMs) + BASELINE_BUCKETS + 2,
		};
		this.minRecent = Math.max(0, options.minRecent ?? 10);
		this.minBaseline = Math.max(0, options.minBaseline ?? 20);
		this.drop = options.drop ?? 0.05;
		this.overall = this.newKey();
		this.epochs = new Float64Array(this.windowsMs.length + 1);
	}

	get counters(): QualityCounters {
		return {foldedModelScores: this.foldedModels, foldedFeatureScores: this.foldedFeatures, invalidScores: this.invalid};
	}

	record(score: ScoreEvent, target: {readonly model: string; readonly feature: string}): void {
		const ts = score.ts;
		if (!Number.isFinite(ts) || !isUsable(score)) {
			this.invalid++;
			return;
		}

		const model = this.key(this.models, target.model === '' ? '(unknown)' : target.model, 'model');
		const feature = this.key(this.features, target.feature === '' ? '(none)' : target.feature, 'feature');
		const kind = scoreKind(score.name);
		const raw = score.value;
		// isUsable passed: a number is finite, a boolean is a hallucination or another name.
		const value = kind === HALLUCINATION ? (raw === true || (typeof raw === 'number' && raw !== 0) ? 1 : 0) : typeof raw === 'number' ? raw : 0;
		if (this.queue.push(ts, kind, value, score.name, model, feature)) this.drain();
	}

	snapshot(now: number, windowS: number): QualitySnapshot {
		this.flush();
		const index = this.windowIndex(windowS);
		return {
			by_model: this.statsByKey(this.models, this.otherModel, index, now),
			by_feature: this.statsByKey(this.features, this.otherFeature, index, now),
		};
	}

	/** Mean grounding over every score of the window (what the grounding alert judges). */
	overallGrounding(now: number, windowS: number): {mean: number | null; samples: number} {
		this.flush();
		const recent = this.recentScratch;
		this.collectWindow(this.overall, this.windowIndex(windowS), now, recent);
		return {mean: mean(recent.groundingSum, recent.groundingCount), samples: recent.groundingCount};
	}

	private statsByKey(
		keys: ReadonlyMap<string, KeyState>,
		other: KeyState | null,
		index: number,
		now: number,
	): Readonly<Record<string, QualityStats>> {
		const entries: Array<[string, QualityStats]> = [];
		const visit = (name: string, key: KeyState): void => {
			const stats = this.stats(key, index, now);
			if (stats !== null) entries.push([name, stats]);
		};

		for (const [name, key] of keys) visit(name, key);
		if (other !== null) visit(OTHER_KEY, other);
		return Object.fromEntries(entries);
	}

	/** null when the window holds no score for this key. */
	private stats(key: KeyState, index: number, now: number): QualityStats | null {
		const recent = this.recentScratch;
		const ring = this.collectWindow(key, index, now, recent);
		if (recent.samples === 0 && recent.otherNames.size === 0) return null;
		const end = Math.floor(ring.windowStart(now) / this.baselineWidthMs);
		const cache = key.base;
		if (!cache.valid || cache.at !== end) {
			cache.merged.reset();
			key.baseline.forEachEpoch(end - BASELINE_BUCKETS, end - 1, (bucket) => {
				cache.merged.merge(bucket);
			});
			cache.at = end;
			cache.valid = Number.isFinite(end);
		}

		const base = cache.merged;

		const grounding = mean(recent.groundingSum, recent.groundingCount);
		const relevance = mean(recent.relevanceSum, recent.relevanceCount);
		const satisfaction = mean(recent.satisfactionSum, recent.satisfactionCount);
		const hallucinationRate = mean(recent.hallucinationTrue, recent.hallucinationCount);
		const overall = overallOf(grounding, relevance, satisfaction);
		const baseGrounding = mean(base.groundingSum, base.groundingCount);
		const baseOverall = overallOf(baseGrounding, mean(base.relevanceSum, base.relevanceCount), mean(base.satisfactionSum, base.satisfactionCount));
		const baseHallucination = mean(base.hallucinationTrue, base.hallucinationCount);

		let regression = false;
		if (recent.samples >= this.minRecent && base.samples >= this.minBaseline) {
			const drop = this.drop - EPSILON;
			// Grounding is part of overall, so it is judged on its own only when overall is unknown;
			// hallucination is not part of overall and is always judged.
			const qualityDropped =
				overall !== null && baseOverall !== null
					? baseOverall - overall >= drop
					: grounding !== null && baseGrounding !== null && baseGrounding - grounding >= drop;
			const hallucinationRose = hallucinationRate !== null && baseHallucination !== null && hallucinationRate - baseHallucination >= drop;
			regression = qualityDropped || hallucinationRose;
		}

		const byName: Array<[string, number]> = [];
		if (recent.groundingCount > 0) byName.push(['grounding', recent.groundingCount]);
		if (recent.relevanceCount > 0) byName.push(['relevance', recent.relevanceCount]);
		if (recent.satisfactionCount > 0) byName.push(['user_satisfaction', recent.satisfactionCount]);
		if (recent.hallucinationCount > 0) byName.push(['hallucination', recent.hallucinationCount]);
		for (const entry of recent.otherNames) byName.push(entry);

		return {
			grounding,
			relevance,
			satisfaction,
			hallucination_rate: hallucinationRate,
			overall,
			samples: recent.samples,
			samples_by_name: Object.fromEntries(byName),
			regression,
			baseline_overall: baseOverall,
		};
	}

	private collectWindow(key: KeyState, index: number, now: number, target: QualityBucket): WindowRing<QualityBucket> {
		const ring = key.windows[index]!;
		const cache = key.closed[index]!;
		const current = ring.epochOf(now);
		if (!cache.valid || cache.at !== current) {
			cache.merged.reset();
			ring.forEachEpoch(current - ring.buckets + 1, current - 1, (bucket) => {
				cache.merged.merge(bucket);
			});
			cache.at = current;
			cache.valid = Number.isFinite(current);
		}

		target.reset();
		target.merge(cache.merged);
		const open = ring.get(current);
		if (open !== undefined) target.merge(open);
		return ring;
	}

	private windowIndex(windowS: number): number {
		return windowIndexFor(this.windowsMs, windowS);
	}

	private key(map: Map<string, KeyState>, name: string, dimension: 'model' | 'feature'): KeyState {
		const known = map.get(name);
		if (known !== undefined) return known;
		if (map.size < this.maxKeys) {
			const created = this.newKey();
			map.set(name, created);
			return created;
		}

		if (dimension === 'model') {
			this.foldedModels++;
			this.otherModel ??= this.newKey();
			return this.otherModel;
		}

		this.foldedFeatures++;
		this.otherFeature ??= this.newKey();
		return this.otherFeature;
	}

	private newKey(): KeyState {
		return new QualityKey(this.shape);
	}

	/** Records the queued scores. */
	private drain(): void {
		const {queue, epochs, overall} = this;
		const windows = overall.windows;
		for (let index = 0; index < queue.length; index++) {
			const ts = queue.ts(index);
			for (let window = 0; window < windows.length; window++) epochs[window] = windows[window]!.epochOf(ts);
			epochs[windows.length] = overall.baseline.epochOf(ts);
			const kind = queue.kind(index);
			const value = queue.value(index);
			const name = queue.name(index);
			overall.record(kind, value, name, epochs);
			queue.first(index).record(kind, value, name, epochs);
			queue.second(index).record(kind, value, name, epochs);
		}

		queue.clear();
	}

	/** Records the queued scores and ends every key's batch (see QualityKey), so the buckets hold every score. */
	private flush(): void {
		this.drain();
		this.overall.flush();
		for (const key of this.models.values()) key.flush();
		for (const key of this.features.values()) key.flush();
		this.otherModel?.flush();
		this.otherFeature?.flush();
	}
}

function mean(sum: number, count: number): number | null {
	return count > 0 ? sum / count : null;
}

/** The guide's formula: (grounding + relevance + satisfaction/5) / 3, only when all three are known. */
function overallOf(grounding: number | null, relevance: number | null, satisfaction: number | null): number | null {
	return grounding !== null && relevance !== null && satisfaction !== null ? (grounding + relevance + satisfaction / 5) / 3 : null;
}

/** Well-known names need a number (hallucination also takes a boolean); other names take either. */
function isUsable(score: ScoreEvent): boolean {
	const value = score.value;
	if (typeof value === 'boolean') return score.name !== 'grounding' && score.name !== 'relevance' && score.name !== 'user_satisfaction';
	return Number.isFinite(value);
}
