import {QualityBucket, type ScoreKind} from './quality-bucket.js';
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
 * Consecutive scores of a key mostly fall in the same buckets, so the key holds the buckets of its
 * current batch (until the bucket of any ring changes): a score is added to them directly, without
 * finding them in their rings again or re-checking the cached merges, which only a bucket change or
 * a read (`flush`) can affect.
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
	}

	/**
	 * `value`: the score (1 or 0 for a hallucination); `epochs`: per window and then the baseline, the
	 * score's bucket (the same for every key).
	 */
	record(kind: ScoreKind, value: number, name: string, epochs: Float64Array): void {
		// The lookups that start a batch count its first score when too old; later ones are counted here.
		const started = !this.inBatch(epochs);
		if (started) this.startBatch(epochs);
		const buckets = this.buckets;
		const windows = this.windows.length;
		for (let index = 0; index <= windows; index++) {
			const bucket = buckets[index];
			if (bucket !== undefined) bucket.addKind(kind, value, name);
			else if (!started) (index < windows ? this.windows[index]! : this.baseline).countTooOld();
		}
	}

	/** Ends the batch. Call before reading any bucket (a read may change what the next score must invalidate). */
	flush(): void {
		this.buckets.fill(undefined);
		this.epochs[0] = Number.NaN;
	}

	private inBatch(epochs: Float64Array): boolean {
		for (let index = 0; index < epochs.length; index++) if (this.epochs[index] !== epochs[index]) return false;
		return true;
	}

	private startBatch(epochs: Float64Array): void {
		this.flush();
		const {buckets, closed} = this;
		const windows = this.windows.length;
		for (let index = 0; index <= windows; index++) {
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
		}
	}
}
