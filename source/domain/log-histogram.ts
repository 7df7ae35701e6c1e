// DDSketch-style log-bucket histogram (Masson, Rim, Lee, VLDB 2019), hand-rolled rather than
// @datadog/sketches-js because (a) that library's quantile uses rank q·(n−1), which is not the
// nearest-rank definition we promise ("within 1 % of the exact nearest-rank value" fails on small
// samples), and (b) we want subtract for sliding windows. See performance.md §3.

/** Relative accuracy α: every reported quantile is within α of some value of the right rank. */
export const RELATIVE_ACCURACY = 0.005;
const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const INV_LN_GAMMA = 1 / Math.log(GAMMA);
/** Below this a value is counted as zero (log buckets cannot reach 0). */
export const ZERO_THRESHOLD = 1e-6;
/** Values above this share the top bucket; the exact maximum is still tracked. */
const MAX_TRACKED = 1e12;
const MIN_INDEX = Math.ceil(Math.log(ZERO_THRESHOLD) * INV_LN_GAMMA);
const MAX_INDEX = Math.ceil(Math.log(MAX_TRACKED) * INV_LN_GAMMA);
/** Hard bound on the dense store: memory never depends on how many values were added. */
export const MAX_BINS = MAX_INDEX - MIN_INDEX + 1;
// Small counters keep the many per-bucket histograms small: a store starts as Uint16 and is widened
// (Uint32, then Float64) only when its total could exceed what a bin can hold.
const UINT16_LIMIT = 0xff_ff;
const UINT32_LIMIT = 0xff_ff_ff_ff;
const GROW_PAD = 16;

type Store = Uint16Array | Uint32Array | Float64Array;

/** Bucket of the zero-bucket values. */
const ZERO_BUCKET = Number.NEGATIVE_INFINITY;

/**
 * Bucket index of a value: compute it once with this and use `addToBucket` to add one value to
 * several histograms (the logarithm is the costliest part of an add). NaN for non-finite values.
 */
export function bucketOf(value: number): number {
	if (!Number.isFinite(value)) return Number.NaN;
	if (value < ZERO_THRESHOLD) return ZERO_BUCKET;
	const index = Math.ceil(Math.log(value) * INV_LN_GAMMA);
	return index > MAX_INDEX ? MAX_INDEX : index < MIN_INDEX ? MIN_INDEX : index;
}

/** Midpoint (in relative terms) of bucket i = (γ^(i−1), γ^i]: at most α away from any value in it. */
function representative(index: number): number {
	return (2 * Math.pow(GAMMA, index)) / (GAMMA + 1);
}

export class LogHistogram {
	private store: Store | null = null;
	/** Largest total the store's bins can hold. */
	private limit = UINT16_LIMIT;
	/** Bucket index held by store[0]. */
	private offset = 0;
	/** Lowest and highest bucket index that may be non-zero (lo > hi when none). */
	private lo = Number.POSITIVE_INFINITY;
	private hi = Number.NEGATIVE_INFINITY;
	private zeroCount = 0;
	private total = 0;
	/** Exact extremes; NaN when unknown (after subtract). */
	private minValue = Number.NaN;
	private maxValue = Number.NaN;

	/** Number of values held. */
	get count(): number {
		return this.total;
	}

	/** Exact smallest value, or null when empty or unknown (after subtract). */
	get min(): number | null {
		return this.total > 0 && Number.isFinite(this.minValue) ? this.minValue : null;
	}

	/** Exact largest value, or null when empty or unknown (after subtract). */
	get max(): number | null {
		return this.total > 0 && Number.isFinite(this.maxValue) ? this.maxValue : null;
	}

	/** Bins currently allocated (for memory checks); never above MAX_BINS. */
	get allocatedBins(): number {
		return this.store?.length ?? 0;
	}

	/** Adds one value. Non-finite values are ignored; values below 1e-6 (and negatives) count as 0. */
	add(value: number): void {
		this.addToBucket(value, bucketOf(value));
	}

	/** Adds one value whose bucket is already known: `bucket` must be `bucketOf(value)`. */
	addToBucket(value: number, bucket: number): void {
		if (Number.isNaN(bucket) || !Number.isFinite(value)) return;
		this.addChecked(value < 0 ? 0 : value, bucket);
	}

	/** addToBucket for a value known to be finite and not negative (as a BucketRun's values are). */
	addChecked(value: number, bucket: number): void {
		const total = this.total;
		if (total === 0) {
			this.minValue = value;
			this.maxValue = value;
		} else if (value < this.minValue) {
			this.minValue = value;
		} else if (value > this.maxValue) {
			this.maxValue = value;
		}

		if (total >= this.limit) this.widen(total + 1);
		this.total = total + 1;
		if (bucket === ZERO_BUCKET) {
			this.zeroCount++;
			return;
		}

		let store = this.store;
		let index = bucket - this.offset;
		if (store === null || index < 0 || index >= store.length) {
			store = this.ensureRange(bucket, bucket);
			index = bucket - this.offset;
		}

		store[index]!++;
		if (bucket < this.lo) this.lo = bucket;
		if (bucket > this.hi) this.hi = bucket;
	}

	/**
	 * Adds the values of a run: the same as adding them one by one with `addChecked`, with the
	 * bookkeeping (extremes, total, range) done once for the run rather than once per value.
	 */
	addRun(run: BucketRun): void {
		const count = run.count;
		if (count === 0) return;
		if (this.total === 0) {
			this.minValue = run.min;
			this.maxValue = run.max;
		} else {
			if (run.min < this.minValue) this.minValue = run.min;
			if (run.max > this.maxValue) this.maxValue = run.max;
		}

		if (this.total + count > this.limit) this.widen(this.total + count);
		this.total += count;
		this.zeroCount += run.zeroCount;
		const held = run.held;
		if (held === 0) return;
		const store = this.ensureRange(run.lo, run.hi);
		const offset = this.offset;
		const buckets = run.buckets;
		for (let index = 0; index < held; index++) store[buckets[index]! - offset]!++;
		if (run.lo < this.lo) this.lo = run.lo;
		if (run.hi > this.hi) this.hi = run.hi;
	}

	/** Adds every value of `other` (exact: the result equals adding the values one by one). */
	merge(other: LogHistogram): void {
		if (other === this || other.total === 0) return;
		if (this.total === 0) {
			this.minValue = other.minValue;
			this.maxValue = other.maxValue;
		} else {
			this.minValue = Math.min(this.minValue, other.minValue);
			this.maxValue = Math.max(this.maxValue, other.maxValue);
		}

		if (this.total + other.total > this.limit) this.widen(this.total + other.total);
		const wasEmpty = this.lo > this.hi;
		this.total += other.total;
		this.zeroCount += other.zeroCount;
		const source = other.store;
		if (source === null || other.lo > other.hi) return;
		const store = this.ensureRange(other.lo, other.hi);
		const shift = other.offset - this.offset;
		if (wasEmpty) {
			// Every bin here is zero (see clear): a native copy is the same as adding (copyFrom).
			store.set(source.subarray(other.lo - other.offset, other.hi - other.offset + 1), other.lo - this.offset);
		} else {
			for (let i = other.lo - other.offset, end = other.hi - other.offset; i <= end; i++) {
				const c = source[i]!;
				if (c !== 0) store[i + shift]! += c;
			}
		}

		if (other.lo < this.lo) this.lo = other.lo;
		if (other.hi > this.hi) this.hi = other.hi;
	}

	/**
	 * Removes the values of `other`, which should have been merged into this one earlier.
	 * Counts never go below 0. The exact min and max become unknown (quantiles stay within α).
	 */
	subtract(other: LogHistogram): void {
		if (other === this) {
			this.clear();
			return;
		}

		if (other.total === 0 || this.total === 0) return;
		let removed = Math.min(this.zeroCount, other.zeroCount);
		this.zeroCount -= removed;
		const store = this.store;
		const source = other.store;
		if (store !== null && source !== null) {
			const from = Math.max(this.lo, other.lo);
			const to = Math.min(this.hi, other.hi);
			for (let index = from; index <= to; index++) {
				const have = store[index - this.offset]!;
				const take = Math.min(have, source[index - other.offset]!);
				if (take > 0) {
					store[index - this.offset] = have - take;
					removed += take;
				}
			}
		}

		this.total -= removed;
		if (this.total <= 0) {
			this.clear();
			return;
		}

		this.minValue = Number.NaN;
		this.maxValue = Number.NaN;
		this.tighten();
	}

	/** Empties the histogram, keeping its store for reuse (no allocation when refilled). */
	clear(): void {
		if (this.store !== null && this.lo <= this.hi) {
			this.store.fill(0, this.lo - this.offset, this.hi - this.offset + 1);
		}

		this.lo = Number.POSITIVE_INFINITY;
		this.hi = Number.NEGATIVE_INFINITY;
		this.zeroCount = 0;
		this.total = 0;
		this.minValue = Number.NaN;
		this.maxValue = Number.NaN;
	}

	/** Makes this an exact copy of `other`. */
	copyFrom(other: LogHistogram): void {
		if (other === this) return;
		this.clear();
		this.merge(other);
	}

	/**
	 * Nearest-rank quantile: the k-th smallest value with k = max(1, ⌈q·n⌉), as the representative of
	 * its bucket (relative error ≤ α), clamped to the exact [min, max] when known (ranks 1 and n are
	 * the exact min and max). null when empty.
	 */
	quantile(q: number): number | null {
		const n = this.total;
		if (n <= 0 || Number.isNaN(q)) return null;
		const p = q < 0 ? 0 : q > 1 ? 1 : q;
		// The tiny shave keeps float noise (0.07 × 100 = 7.000000000000001) from skipping a rank.
		const k = Math.max(1, Math.ceil(p * n * (1 - 1e-12)));
		// The first and last ranks are the exact extremes whenever those are known.
		if (k >= n && Number.isFinite(this.maxValue)) return this.maxValue;
		if (k === 1 && Number.isFinite(this.minValue)) return this.minValue;
		let value: number;
		if (k <= this.zeroCount) {
			value = 0;
		} else {
			value = this.hi >= this.lo ? representative(this.hi) : 0;
			let seen = this.zeroCount;
			const store = this.store;
			if (store !== null) {
				for (let index = this.lo; index <= this.hi; index++) {
					seen += store[index - this.offset]!;
					if (seen >= k) {
						value = representative(index);
						break;
					}
				}
			}
		}

		if (Number.isFinite(this.minValue) && value < this.minValue) value = this.minValue;
		if (Number.isFinite(this.maxValue) && value > this.maxValue) value = this.maxValue;
		return value;
	}

	/**
	 * `quantile(q)` for several q in one scan of the bins: `qs` ascending, results in `out` (same
	 * positions). The snapshot asks each histogram for three quantiles at every frame.
	 */
	quantilesInto(qs: readonly number[], out: Array<number | null>): void {
		let pending = 0;
		for (let index = 0; index < qs.length; index++) {
			const value = this.quantileWithoutScan(qs[index]!);
			out[index] = value;
			if (value !== null && Number.isNaN(value)) pending++;
		}

		if (pending === 0) return;
		const isPending = (index: number): boolean => {
			const value = out[index];
			return value !== null && value !== undefined && Number.isNaN(value);
		};

		const store = this.store;
		let seen = this.zeroCount;
		let next = 0;
		// The quantiles left for the scan, in the order of qs (ascending q, so ascending rank).
		while (next < qs.length && !isPending(next)) next++;
		if (store !== null) {
			for (let index = this.lo; index <= this.hi && next < qs.length; index++) {
				seen += store[index - this.offset]!;
				while (next < qs.length && seen >= this.rank(qs[next]!)) {
					out[next] = this.clamp(representative(index));
					next++;
					while (next < qs.length && !isPending(next)) next++;
				}
			}
		}

		// Past the last bin (counts lost to a subtract): the top bin, as quantile() does.
		for (; next < qs.length; next++) if (isPending(next)) out[next] = this.clamp(this.hi >= this.lo ? representative(this.hi) : 0);
	}

	/** Nearest rank k of quantile q over the values held. */
	private rank(q: number): number {
		const p = q < 0 ? 0 : q > 1 ? 1 : q;
		return Math.max(1, Math.ceil(p * this.total * (1 - 1e-12)));
	}

	/** quantile(q) when it needs no scan (empty, extremes, zero bucket), else NaN. */
	private quantileWithoutScan(q: number): number | null {
		const n = this.total;
		if (n <= 0 || Number.isNaN(q)) return null;
		const k = this.rank(q);
		if (k >= n && Number.isFinite(this.maxValue)) return this.maxValue;
		if (k === 1 && Number.isFinite(this.minValue)) return this.minValue;
		if (k <= this.zeroCount) return this.clamp(0);
		return Number.NaN;
	}

	private clamp(value: number): number {
		if (Number.isFinite(this.minValue) && value < this.minValue) return this.minValue;
		if (Number.isFinite(this.maxValue) && value > this.maxValue) return this.maxValue;
		return value;
	}

	/** Makes sure bucket indexes [from, to] (already clamped) are addressable; returns the store. */
	private ensureRange(from: number, to: number): Store {
		const store = this.store;
		const empty = this.lo > this.hi;
		const needLo = empty ? from : Math.min(this.lo, from);
		const needHi = empty ? to : Math.max(this.hi, to);
		if (store !== null && needLo >= this.offset && needHi < this.offset + store.length) return store;
		const span = needHi - needLo + 1;
		if (store !== null && span <= store.length) {
			// Slide the live bins inside the existing array: a recycled bucket whose values moved
			// (another hour, another model) reuses its memory instead of growing to the union.
			const newOffset = Math.max(MIN_INDEX, Math.min(needLo - ((store.length - span) >> 1), MAX_INDEX - store.length + 1));
			if (!empty) {
				const shift = this.offset - newOffset;
				store.copyWithin(this.lo - this.offset + shift, this.lo - this.offset, this.hi - this.offset + 1);
				// Zero whatever the old bins left behind outside their new place.
				const oldFrom = this.lo - this.offset;
				const oldTo = this.hi - this.offset;
				const newFrom = oldFrom + shift;
				const newTo = oldTo + shift;
				if (shift > 0) store.fill(0, oldFrom, Math.min(oldTo + 1, newFrom));
				else if (shift < 0) store.fill(0, Math.max(oldFrom, newTo + 1), oldTo + 1);
			}

			this.offset = newOffset;
			return store;
		}

		const capacity = Math.min(MAX_BINS, Math.max(span + 2 * GROW_PAD, store === null ? 0 : Math.ceil(store.length * 1.5)));
		const newOffset = Math.max(MIN_INDEX, Math.min(needLo - ((capacity - span) >> 1), MAX_INDEX - capacity + 1));
		const grown = newStore(this.limit, capacity);
		if (store !== null && !empty) {
			grown.set(store.subarray(this.lo - this.offset, this.hi - this.offset + 1), this.lo - newOffset);
		}

		this.store = grown;
		this.offset = newOffset;
		return grown;
	}

	/** Switches to a wider store so that `total` values fit in any bin. */
	private widen(total: number): void {
		const needed = total > UINT32_LIMIT ? Number.POSITIVE_INFINITY : total > UINT16_LIMIT ? UINT32_LIMIT : UINT16_LIMIT;
		if (needed <= this.limit) return;
		this.limit = needed;
		const store = this.store;
		if (store === null) return;
		const wider = newStore(this.limit, store.length);
		wider.set(store);
		this.store = wider;
	}

	/** Narrows [lo, hi] to the non-zero bins after a subtract. */
	private tighten(): void {
		const store = this.store;
		if (store === null) return;
		while (this.lo <= this.hi && store[this.lo - this.offset] === 0) this.lo++;
		while (this.hi >= this.lo && store[this.hi - this.offset] === 0) this.hi--;
		if (this.lo > this.hi) {
			this.lo = Number.POSITIVE_INFINITY;
			this.hi = Number.NEGATIVE_INFINITY;
		}
	}
}

function newStore(limit: number, capacity: number): Store {
	if (limit <= UINT16_LIMIT) return new Uint16Array(capacity);
	return limit <= UINT32_LIMIT ? new Uint32Array(capacity) : new Float64Array(capacity);
}

/**
 * Values (finite, not negative) waiting to be added to histograms with `addRun`: their buckets and
 * what the histograms track about them. Filled one value at a time, added to several histograms at once.
 */
export class BucketRun {
	/** Values held, the zero-bucket ones included. */
	count = 0;
	zeroCount = 0;
	min = Number.NaN;
	max = Number.NaN;
	/** Lowest and highest bucket of the non-zero values. */
	lo = Number.POSITIVE_INFINITY;
	hi = Number.NEGATIVE_INFINITY;
	/** Buckets of the non-zero values, `held` of them. */
	buckets = new Int32Array(16);
	held = 0;

	/** `value` finite and not negative, `bucket` = bucketOf(value). */
	add(value: number, bucket: number): void {
		if (this.count === 0) {
			this.min = value;
			this.max = value;
		} else if (value < this.min) {
			this.min = value;
		} else if (value > this.max) {
			this.max = value;
		}

		this.count++;
		if (bucket === ZERO_BUCKET) {
			this.zeroCount++;
			return;
		}

		if (this.held === this.buckets.length) {
			const grown = new Int32Array(this.buckets.length * 2);
			grown.set(this.buckets);
			this.buckets = grown;
		}

		this.buckets[this.held++] = bucket;
		if (bucket < this.lo) this.lo = bucket;
		if (bucket > this.hi) this.hi = bucket;
	}

	clear(): void {
		this.count = 0;
		this.zeroCount = 0;
		this.min = Number.NaN;
		this.max = Number.NaN;
		this.lo = Number.POSITIVE_INFINITY;
		this.hi = Number.NEGATIVE_INFINITY;
		this.held = 0;
	}
}
