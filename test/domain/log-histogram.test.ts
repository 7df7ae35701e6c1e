import {describe, expect, it} from 'vitest';
import {createRandom, mulberry32} from '../../source/demo/prng.js';
import {BucketRun, bucketOf, LogHistogram, MAX_BINS, RELATIVE_ACCURACY} from '../../source/domain/log-histogram.js';


/** Log-normal latencies around e^6.5 ≈ 665 ms with σ = 1 (like performance.md §3a), from the demo's seeded PRNG. */
function logNormal(n: number, seed: number): number[] {
	const random = createRandom(seed);
	return Array.from({length: n}, () => Math.exp(6.5 + random.normal()));
}

/** Exact nearest rank: the k-th smallest with k = max(1, ⌈percent·n/100⌉), in integer arithmetic. */
function nearestRank(values: readonly number[], percent: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	const k = Math.max(1, Math.ceil((percent * sorted.length) / 100));
	return sorted[k - 1]!;
}

function histogramOf(values: readonly number[]): LogHistogram {
	const h = new LogHistogram();
	for (const v of values) h.add(v);
	return h;
}

function relativeError(estimate: number | null, exact: number): number {
	if (estimate === null) return Number.POSITIVE_INFINITY;
	return Math.abs(estimate - exact) / exact;
}

describe('LogHistogram', () => {
	it('is empty until a value arrives: every quantile is null', () => {
		const h = new LogHistogram();
		expect(h.count).toBe(0);
		expect(h.quantile(0.5)).toBeNull();
		expect(h.quantile(0.99)).toBeNull();
		expect(h.min).toBeNull();
		expect(h.max).toBeNull();
	});

	it('returns the one value exactly for a single sample (clamped to the exact min and max)', () => {
		const h = histogramOf([1234.5]);
		expect(h.quantile(0)).toBe(1234.5);
		expect(h.quantile(0.5)).toBe(1234.5);
		expect(h.quantile(0.99)).toBe(1234.5);
		expect(h.quantile(1)).toBe(1234.5);
	});

	it('uses nearest rank on a hand-checked set', () => {
		// [10, 20, 30, 40]: p50 → k = ⌈0.5·4⌉ = 2 → 20; p75 → k = 3 → 30; p95 → k = ⌈3.8⌉ = 4 → 40 = max.
		// p25 → k = 1 → 10 = min. Each within α = 0.5 % of the exact value.
		const h = histogramOf([40, 10, 30, 20]);
		expect(relativeError(h.quantile(0.5), 20)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
		expect(relativeError(h.quantile(0.75), 30)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
		expect(h.quantile(0.95)).toBeLessThanOrEqual(40);
		expect(relativeError(h.quantile(0.95), 40)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
		expect(relativeError(h.quantile(0.25), 10)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
		expect(h.quantile(1)).toBeLessThanOrEqual(40);
		expect(h.quantile(0)).toBeGreaterThanOrEqual(10);
	});

	it('does not skip a rank on float noise (0.07 × 100 = 7.000000000000001)', () => {
		// 1..100: p7 → k = 7 → 7. Rounding the product up to 8 would give 8 (14 % off).
		const h = histogramOf(Array.from({length: 100}, (_, i) => i + 1));
		expect(relativeError(h.quantile(0.07), 7)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
		expect(relativeError(h.quantile(0.29), 29)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
		expect(relativeError(h.quantile(0.57), 57)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
	});

	it.each([1, 2, 3, 10, 100, 10_000])('is within 1 %% of exact nearest rank for %i log-normal values', (n) => {
		for (const seed of [1, 2, 3]) {
			const values = logNormal(n, seed * 7919 + n);
			const h = histogramOf(values);
			expect(h.count).toBe(n);
			for (const percent of [50, 95, 99]) {
				const error = relativeError(h.quantile(percent / 100), nearestRank(values, percent));
				// The guarantee is α = 0.5 %; the goal is 1 %.
				expect(error).toBeLessThanOrEqual(RELATIVE_ACCURACY + 1e-12);
			}
		}
	});

	it('counts values below 1e-6 (and negatives) as zero and ignores non-finite values', () => {
		const h = new LogHistogram();
		for (const v of [0, 0, -3, 1e-9, 5, Number.NaN, Number.POSITIVE_INFINITY]) h.add(v);
		// Kept: 0, 0, 0 (for −3), 1e-9, 5 → n = 5. p50 → k = 3 → 0; p80 → k = 4 → 1e-9 (zero bucket → 0); p99 → k = 5 → 5.
		expect(h.count).toBe(5);
		expect(h.quantile(0.5)).toBe(0);
		expect(h.quantile(0.8)).toBe(0);
		expect(relativeError(h.quantile(0.99), 5)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
		expect(h.min).toBe(0);
		expect(h.max).toBe(5);
	});

	it('clamps q outside [0, 1] and returns null for NaN q', () => {
		const h = histogramOf([1, 2, 3]);
		expect(h.quantile(-1)).toBe(h.quantile(0));
		expect(h.quantile(7)).toBe(3);
		expect(h.quantile(Number.NaN)).toBeNull();
	});

	it('merges exactly: the merge of two halves answers like one histogram of everything', () => {
		const values = logNormal(5000, 42);
		const odd = histogramOf(values.filter((_, i) => i % 2 === 1));
		const even = histogramOf(values.filter((_, i) => i % 2 === 0));
		const all = histogramOf(values);
		odd.merge(even);
		expect(odd.count).toBe(5000);
		expect(odd.min).toBe(all.min);
		expect(odd.max).toBe(all.max);
		for (const q of [0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1]) expect(odd.quantile(q)).toBe(all.quantile(q));
	});

	it('merges into an empty histogram and ignores empty ones', () => {
		const a = new LogHistogram();
		const b = histogramOf([3, 300]);
		a.merge(new LogHistogram());
		a.merge(b);
		expect(a.count).toBe(2);
		expect(a.quantile(1)).toBe(300);
		expect(a.min).toBe(3);
	});

	it('subtracts what was merged in, leaving the other part', () => {
		const first = logNormal(2000, 5);
		const second = logNormal(3000, 6).map((v) => v * 10);
		const a = histogramOf(first);
		const total = histogramOf(first);
		const b = histogramOf(second);
		total.merge(b);
		total.subtract(b);
		expect(total.count).toBe(2000);
		// min and max are no longer known after a subtract, so quantiles are the unclamped bucket
		// representatives: still within α of the exact nearest-rank values of `first`.
		expect(total.min).toBeNull();
		for (const percent of [50, 95, 99]) {
			expect(relativeError(total.quantile(percent / 100), nearestRank(first, percent))).toBeLessThanOrEqual(RELATIVE_ACCURACY + 1e-12);
			expect(relativeError(total.quantile(percent / 100), a.quantile(percent / 100)!)).toBeLessThanOrEqual(2 * RELATIVE_ACCURACY);
		}
	});

	it('subtracting everything empties it, and counts never go negative', () => {
		const a = histogramOf([1, 2, 3]);
		a.subtract(histogramOf([1, 2, 3]));
		expect(a.count).toBe(0);
		expect(a.quantile(0.5)).toBeNull();
		const b = histogramOf([5]);
		b.subtract(histogramOf([5, 5, 9, 0]));
		expect(b.count).toBe(0);
		const c = histogramOf([5, 7]);
		c.subtract(c);
		expect(c.count).toBe(0);
	});

	it('copies exactly and clears for reuse', () => {
		const source = histogramOf(logNormal(300, 9));
		const copy = histogramOf([1e9, 1e-3]);
		copy.copyFrom(source);
		expect(copy.count).toBe(300);
		for (const q of [0.5, 0.95, 0.99]) expect(copy.quantile(q)).toBe(source.quantile(q));
		copy.clear();
		expect(copy.count).toBe(0);
		expect(copy.quantile(0.5)).toBeNull();
		copy.add(42);
		expect(copy.quantile(0.5)).toBe(42);
	});

	it('keeps memory bounded: bins depend on the value range, not the count', () => {
		const h = new LogHistogram();
		const random = mulberry32(11);
		for (let i = 0; i < 1_000_000; i++) h.add(100 + 900 * random());
		expect(h.count).toBe(1_000_000);
		// [100, 1000] spans ln(10)/ln(γ) ≈ 230 buckets; the store may add some padding.
		expect(h.allocatedBins).toBeLessThan(400);
		for (const v of [1e-7, 1e-5, 1, 1e6, 1e13, 1e300]) h.add(v);
		expect(h.allocatedBins).toBeLessThanOrEqual(MAX_BINS);
		expect(h.max).toBe(1e300);
	});

	it('reuses its store when a recycled histogram sees another range', () => {
		const h = histogramOf([100, 200, 400]);
		const bins = h.allocatedBins;
		h.clear();
		for (const v of [50_000, 70_000, 90_000]) h.add(v);
		expect(h.allocatedBins).toBe(bins);
		expect(relativeError(h.quantile(0.5), 70_000)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
	});

	it('slides live bins within the store without losing counts', () => {
		// 100 and 122 are ≈ 20 buckets apart and 90 ≈ 10 below 100: all fit in the first store, so
		// the live bins are moved rather than the store grown.
		const h = histogramOf([100]);
		const bins = h.allocatedBins;
		h.add(122);
		h.add(90);
		h.add(122);
		expect(h.allocatedBins).toBe(bins);
		expect(h.count).toBe(4);
		// Sorted 90, 100, 122, 122: p25 → k = 1 → 90; p50 → k = 2 → 100; p75 → k = 3 → 122.
		expect(relativeError(h.quantile(0.25), 90)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
		expect(relativeError(h.quantile(0.5), 100)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
		expect(relativeError(h.quantile(0.75), 122)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
		h.add(1e6);
		expect(h.allocatedBins).toBeGreaterThan(bins);
		// Sorted 90, 100, 122, 122, 1e6: p40 → k = 2 → 100; p60 → k = 3 → 122; p100 → 1e6.
		expect(relativeError(h.quantile(0.4), 100)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
		expect(relativeError(h.quantile(0.6), 122)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
		expect(h.quantile(1)).toBe(1e6);
	});

	it('widens its counters when one bin passes 65 535 values', () => {
		const h = new LogHistogram();
		for (let i = 0; i < 70_000; i++) h.add(250);
		h.add(900);
		// 70 001 values: p50 → k = 35 001 → 250; p99.99 → k = ⌈69 994.0⌉ → 250; p100 → 900. A wrapped 16-bit bin would lose 65 536.
		expect(h.count).toBe(70_001);
		expect(relativeError(h.quantile(0.5), 250)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
		expect(relativeError(h.quantile(0.9999), 250)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
		expect(h.quantile(1)).toBe(900);
	});

	it('does not overflow past 2^32 values in one bin', () => {
		const a = histogramOf([10, 1000]);
		const b = histogramOf([10, 1000]);
		// Alternate merges double the count: after 32 rounds a holds 2 · 2^32 ... values.
		for (let i = 0; i < 32; i++) {
			a.merge(b);
			b.merge(a);
		}

		const n = a.count;
		expect(n).toBeGreaterThan(2 ** 32);
		// Half the values are 10 and half 1000, so p50 is 10 and p51 is 1000.
		expect(relativeError(a.quantile(0.5), 10)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
		expect(relativeError(a.quantile(0.51), 1000)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
	});
});

describe('LogHistogram.quantilesInto', () => {
	it('gives what quantile() gives for each q, in one scan', () => {
		let state = 11;
		const random = (): number => {
			state = (Math.imul(state, 48_271) + 1) % 2_147_483_647;
			return (state >>> 0) / 2_147_483_647;
		};
		const qs = [0, 0.01, 0.5, 0.9, 0.95, 0.99, 1];
		const out: Array<number | null> = [];
		const check = (h: LogHistogram, label: string): void => {
			h.quantilesInto(qs, out);
			expect(out, label).toEqual(qs.map(q => h.quantile(q)));
		};
		check(new LogHistogram(), 'empty');
		for (let round = 0; round < 40; round++) {
			const h = new LogHistogram();
			const other = new LogHistogram();
			const n = 1 + Math.floor(random() * 300);
			for (let i = 0; i < n; i++) {
				// Some zeros, some tiny, most log-normal-ish latencies.
				const v = random() < 0.1 ? 0 : random() < 0.05 ? 1e-9 : Math.exp(random() * 10);
				h.add(v);
				if (random() < 0.3) other.add(v);
			}
			check(h, `round ${round}`);
			// After a subtract the extremes are unknown and counts may be short.
			h.subtract(other);
			check(h, `round ${round} after subtract`);
		}
	});

	it('copies into an empty histogram exactly (merge after clear)', () => {
		const source = new LogHistogram();
		for (const v of [0, 3, 3, 50, 1200, 98_000]) source.add(v);
		const target = new LogHistogram();
		for (const v of [7, 7, 7]) target.add(v);
		target.copyFrom(source);
		// 6 values: p50 is rank 3 (the value 3, within α), p99 is rank 6 (the exact max, 98 000).
		expect(target.count).toBe(6);
		expect(target.quantile(0.5)).toBe(source.quantile(0.5));
		expect(target.quantile(0.99)).toBe(98_000);
		target.merge(source);
		expect(target.count).toBe(12);
		expect(target.quantile(0.25)).toBe(source.quantile(0.25));
	});
});

describe('LogHistogram.addRun', () => {
	function runOf(values: readonly number[]): BucketRun {
		const run = new BucketRun();
		for (const value of values) run.add(value, bucketOf(value));
		return run;
	}

	function state(h: LogHistogram): unknown {
		return {count: h.count, min: h.min, max: h.max, quantiles: [0, 0.01, 0.25, 0.5, 0.9, 0.99, 1].map(q => h.quantile(q))};
	}

	it('adds a run exactly as one add per value, into several histograms', () => {
		const random = mulberry32(11);
		const values = Array.from({length: 500}, (_, index) => (index % 29 === 0 ? 0 : Math.exp(2 + random() * 8)));
		for (const [from, to] of [
			[0, 500],
			[0, 1],
			[17, 18],
			[100, 263],
			[29, 30],
		] as const) {
			const run = runOf(values.slice(from, to));
			const batched = [new LogHistogram(), new LogHistogram()];
			const oneByOne = [new LogHistogram(), new LogHistogram()];
			// One holds something already, so extremes and range merge with what was added before.
			batched[1]!.add(250);
			oneByOne[1]!.add(250);
			for (const h of batched) h.addRun(run);
			for (const h of oneByOne) for (const value of values.slice(from, to)) h.addChecked(value, bucketOf(value));
			expect(batched.map(state), `[${from}, ${to})`).toEqual(oneByOne.map(state));
		}
	});

	it('adds nothing for an empty run, and is empty again once cleared', () => {
		const h = new LogHistogram();
		const run = new BucketRun();
		h.addRun(run);
		expect(h.count).toBe(0);
		for (const value of [0, 0, 7, 3000]) run.add(value, bucketOf(value));
		run.clear();
		h.addRun(run);
		expect(h.count).toBe(0);
		run.add(7, bucketOf(7));
		h.addRun(run);
		expect(state(h)).toEqual(state(histogramOf([7])));
	});

	it('widens its counters when a run takes a bin past 65 535 values', () => {
		const h = new LogHistogram();
		const run = runOf(Array.from({length: 70_000}, () => 42));
		h.addRun(run);
		h.addRun(runOf([42, 42]));
		expect(h.count).toBe(70_002);
		expect(h.quantile(0.5)).toBe(42);
	});
});
