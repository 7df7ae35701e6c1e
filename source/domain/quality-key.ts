import {OTHER_SCORE, QualityBucket, type ScoreKind} from './quality-bucket.js';
import {WindowRing} from './window-ring.js';

/**
 * A cached merge of some buckets, valid for `at` (the window's current epoch, or the baseline's
 * end epoch) until a write could change one of them. Snapshots run ten times a second over every
 * model and feature; re-merging 60 window and 60 baseline buckets per key each time was most of
 * their cost with many keys. Merging the same buckets in the same order gives the same sums.
 */
export type MergeCache = {readonly merged: QualityBucket; at: number; valid: boolean};

/** Baseline buckets per baseline period: minute buckets for the default hour. */
export const BASELINE_BUCKETS = 60;

// A bucket's sums and counts while its batch is open: per ring, FIELDS cells, a sum and a count per
// well-known kind (kind × 2, kind × 2 + 1), in QualityBucket's order.
const FIELDS = 8;

function newCache(): MergeCache {
	return {merged: new QualityBucket(), at: Number.NaN, valid: false};
}

function createBucket(): QualityBucket {
	return new QualityBucket();
}

function resetBucket(bucket: QualityBucket): void {
	bucket.reset();
}

export type QualityKeyShape = {
	readonly windowsMs: readonly number[];
	readonly buckets: number;
	readonly baselineWidthMs: number;
	readonly baselineRingBuckets: number;
};

/**
 * One key's scores (overall, a model, a feature): a ring per window and a coarse baseline ring.
 *
 * As in PerfKey, consecutive scores of a key nearly always fall in the same buckets, so the key
 * holds the buckets of its current batch (until the bucket of any ring changes) and runs their sums
 * and counts in one Float64Array, started from the buckets' values and added in score order (the
 * same sums to the last bit), written back when the batch ends: before a score for another bucket,
 * and before any read (`flush`). Scores of other names are counted in the buckets directly.
 */
export class QualityKey {
	readonly windows: ReadonlyArray<WindowRing<QualityBucket>>;
	/** Per window: the merge of its closed buckets, (at − B, at − 1]. */
	readonly closed: readonly MergeCache[];
	/** Coarse ring for baselines: covers the longest window plus the baseline period. */
	readonly baseline: WindowRing<QualityBucket>;
	/** The baseline merge for the baseline ending (exclusive) at epoch `at`. */
	readonly base: MergeCache;
	/** Per ring (the windows, then the baseline): the batch's epoch (NaN when no batch is open) and bucket. */
	private readonly epochs: Float64Array;
	private readonly buckets: Array<QualityBucket | undefined>;
	private readonly figures: Float64Array;

	constructor(shape: QualityKeyShape) {
		this.windows = shape.windowsMs.map(windowMs => new WindowRing({windowMs, buckets: shape.buckets, create: createBucket, reset: resetBucket}));
		this.closed = shape.windowsMs.map(() => newCache());
		this.baseline = new WindowRing({
			windowMs: shape.baselineWidthMs * shape.baselineRingBuckets,
			buckets: shape.baselineRingBuckets,
			create: createBucket,
			reset: resetBucket,
		});
		this.base = newCache();
		const rings = shape.windowsMs.length + 1;
		this.epochs = new Float64Array(rings).fill(Number.NaN);
		this.buckets = Array.from({length: rings}, () => undefined);
		this.figures = new Float64Array(rings * FIELDS);
	}

	/**
	 * `value`: the score (1 or 0 for a hallucination); `epochs`: per window and then the baseline, the
	 * score's bucket (the same for every key).
	 */
	record(kind: ScoreKind, value: number, name: string, epochs: Float64Array): void {
		if (!this.inBatch(epochs)) this.startBatch(epochs);
		const {buckets, figures} = this;
		const windows = this.windows.length;
		for (let index = 0, at = 0; index <= windows; index++, at += FIELDS) {
			const bucket = buckets[index];
			if (bucket === undefined) {
				(index < windows ? this.windows[index]! : this.baseline).countTooOld();
			} else if (kind === OTHER_SCORE) {
				bucket.addKind(kind, value, name);
			} else {
				figures[at + kind * 2]! += value;
				figures[at + kind * 2 + 1]!++;
			}
		}
	}

	/** Ends the batch, written back to its buckets. Call before reading any bucket. */
	flush(): void {
		const {buckets, figures} = this;
		for (let index = 0, at = 0; index < buckets.length; index++, at += FIELDS) {
			const bucket = buckets[index];
			if (bucket === undefined) continue;
			bucket.groundingSum = figures[at]!;
			bucket.groundingCount = figures[at + 1]!;
			bucket.relevanceSum = figures[at + 2]!;
			bucket.relevanceCount = figures[at + 3]!;
			bucket.satisfactionSum = figures[at + 4]!;
			bucket.satisfactionCount = figures[at + 5]!;
			bucket.hallucinationTrue = figures[at + 6]!;
			bucket.hallucinationCount = figures[at + 7]!;
			buckets[index] = undefined;
		}

		this.epochs[0] = Number.NaN;
	}

	private inBatch(epochs: Float64Array): boolean {
		for (let index = 0; index < epochs.length; index++) if (this.epochs[index] !== epochs[index]) return false;
		return true;
	}

	private startBatch(epochs: Float64Array): void {
		this.flush();
		const {buckets, figures, closed} = this;
		const windows = this.windows.length;
		for (let index = 0, at = 0; index <= windows; index++, at += FIELDS) {
			const epoch = epochs[index]!;
			this.epochs[index] = epoch;
			let bucket: QualityBucket | undefined;
			if (index < windows) {
				const ring = this.windows[index]!;
				bucket = ring.slotForEpoch(epoch);
				// A write into a closed bucket, or far enough ahead to recycle one, makes the merge stale.
				const cache = closed[index]!;
				if (cache.valid && (epoch < cache.at || epoch > cache.at + ring.lead)) cache.valid = false;
			} else {
				const baseline = this.baseline;
				bucket = baseline.slotForEpoch(epoch);
				// The cached baseline holds [at − 60, at − 1]: a write there, or one that recycles a slot of it.
				const base = this.base;
				const from = base.at - BASELINE_BUCKETS;
				if (base.valid && ((epoch >= from && epoch < base.at) || epoch >= from + baseline.buckets + baseline.lead)) base.valid = false;
			}

			buckets[index] = bucket;
			if (bucket === undefined) continue;
			figures[at] = bucket.groundingSum;
			figures[at + 1] = bucket.groundingCount;
			figures[at + 2] = bucket.relevanceSum;
			figures[at + 3] = bucket.relevanceCount;
			figures[at + 4] = bucket.satisfactionSum;
			figures[at + 5] = bucket.satisfactionCount;
			figures[at + 6] = bucket.hallucinationTrue;
			figures[at + 7] = bucket.hallucinationCount;
		}
	}
}
