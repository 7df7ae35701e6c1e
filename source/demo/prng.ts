// Seeded randomness for the demo and the bench: the same seed always gives the same stream,
// so tests can compare runs line for line.

export type Random = {
	/** Uniform in [0, 1). */
	next(): number;
	/** Uniform in [min, max). */
	between(min: number, max: number): number;
	/** Integer in [min, max]. */
	int(min: number, max: number): number;
	chance(p: number): boolean;
	/** Standard normal (Box–Muller). */
	normal(): number;
	/** exp(N(mu, sigma)): the usual shape of latencies and token counts. */
	logNormal(median: number, sigma: number): number;
	pick<T>(items: readonly T[]): T;
	pickWeighted<T extends {readonly weight: number}>(items: readonly T[]): T;
	/** `length` lower-case hex digits, never all zeros (trace and span ids must not be zero). */
	hex(length: number): string;
};

/** mulberry32: tiny, fast, good enough for synthetic data (not for anything secret). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d_2b_79_f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

const HEX = '0123456789abcdef';

export function createRandom(seed: number): Random {
	const next = mulberry32(seed);
	const random: Random = {
		next,
		between: (min, max) => min + (max - min) * next(),
		int: (min, max) => min + Math.floor((max - min + 1) * next()),
		chance: p => next() < p,
		normal() {
			// 1 - u keeps the log argument in (0, 1].
			const u = 1 - next();
			const v = next();
			return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
		},
		logNormal: (median, sigma) => median * Math.exp(sigma * random.normal()),
		pick<T>(items: readonly T[]): T {
			const item = items[Math.floor(next() * items.length)];
			if (item === undefined) {
				throw new RangeError('pick from an empty list');
			}

			return item;
		},
		pickWeighted<T extends {readonly weight: number}>(items: readonly T[]): T {
			let total = 0;
			for (const item of items) {
				total += item.weight;
			}

			let r = next() * total;
			for (const item of items) {
				r -= item.weight;
				if (r < 0) {
					return item;
				}
			}

			return random.pick(items);
		},
		hex(length) {
			let out = '';
			for (let i = 0; i < length; i++) {
				out += HEX[Math.floor(next() * 16)];
			}

			// A zero id is invalid in the schema; the chance is negligible but cheap to rule out.
			return /^0+$/.test(out) ? `1${out.slice(1)}` : out;
		},
	};
	return random;
}
