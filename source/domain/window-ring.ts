// One definition of "the last W seconds" shared by every windowed panel, so that performance and
// quality agree on which events a window holds.
//
// Event time is cut into buckets of width g = W / B; bucket index (epoch) = ⌊ts / g⌋. The window at
// `now` is the B buckets with epoch in (⌊now/g⌋ − B, ⌊now/g⌋]: the current partial bucket plus B − 1
// earlier ones, so it starts at (⌊now/g⌋ − B + 1)·g and spans between W − g and W.
//
// The ring has B + lead slots; a slot remembers the epoch it holds and is recycled (reset) when a
// newer epoch claims it. Consequences worth knowing:
// - An event later than `now` keeps its own bucket and is counted once `now` reaches it; `lead`
//   (default 1) future buckets fit without disturbing the window.
// - An event further ahead than `lead` buckets recycles the slot of an older bucket that may still be
//   inside the window (newest wins). Upstream clamps clock skew to 5 minutes, so this is rare.
// - An event whose slot already holds a newer epoch is too old for the ring: it is ignored and
//   counted in `tooOld`.

export type WindowRingOptions<T> = {
	readonly windowMs: number;
	/** B, default 60. */
	readonly buckets?: number;
	/** Future buckets that fit without recycling a bucket of the window, default 1. */
	readonly lead?: number;
	readonly create: () => T;
	/** Empties a slot for reuse (called before a recycled slot takes a new epoch). */
	readonly reset: (slot: T) => void;
};

export const DEFAULT_BUCKETS = 60;

export class WindowRing<T> {
	readonly windowMs: number;
	readonly buckets: number;
	/** Bucket width g in ms. */
	readonly widthMs: number;
	/** Future buckets held besides the window's B. */
	readonly lead: number;
	private readonly size: number;
	private readonly slots: Array<T | undefined>;
	private readonly epochs: Float64Array;
	private readonly create: () => T;
	private readonly resetSlot: (slot: T) => void;
	private tooOldCount = 0;

	constructor(options: WindowRingOptions<T>) {
		const buckets = Math.max(1, Math.floor(options.buckets ?? DEFAULT_BUCKETS));
		const windowMs = options.windowMs > 0 && Number.isFinite(options.windowMs) ? options.windowMs : 60_000;
		this.windowMs = windowMs;
		this.buckets = buckets;
		this.widthMs = windowMs / buckets;
		this.lead = Math.max(0, Math.floor(options.lead ?? 1));
		this.size = buckets + this.lead;
		this.slots = new Array<T | undefined>(this.size).fill(undefined);
		this.epochs = new Float64Array(this.size).fill(Number.NEGATIVE_INFINITY);
		this.create = options.create;
		this.resetSlot = options.reset;
	}

	/** Events ignored because their bucket had already been recycled for a newer one. */
	get tooOld(): number {
		return this.tooOldCount;
	}

	/** Counts one more event ignored as too old, known to be so without a lookup (see PerfKey). */
	countTooOld(): void {
		this.tooOldCount++;
	}

	/** Bucket index of a time. */
	epochOf(ts: number): number {
		return Math.floor(ts / this.widthMs);
	}

	/** Start (inclusive, epoch ms) of the window at `now`. */
	windowStart(now: number): number {
		return (this.epochOf(now) - this.buckets + 1) * this.widthMs;
	}

	/**
	 * Slot to record an event of bucket `epoch` into, or undefined when that bucket is gone.
	 * `index` may be passed when already known (`slotIndexOf(epoch)`, the same for rings of one shape).
	 */
	slotForEpoch(epoch: number, index?: number): T | undefined {
		if (!Number.isFinite(epoch)) return undefined;
		const i = index ?? this.slotIndexOf(epoch);
		const held = this.epochs[i]!;
		if (held === epoch) return this.slots[i];
		if (held > epoch) {
			this.tooOldCount++;
			return undefined;
		}

		let slot = this.slots[i];
		if (slot === undefined) {
			slot = this.create();
			this.slots[i] = slot;
		} else {
			this.resetSlot(slot);
		}

		this.epochs[i] = epoch;
		return slot;
	}

	/** Slot to record an event at `ts` into, or undefined when too old. */
	slotFor(ts: number): T | undefined {
		return this.slotForEpoch(this.epochOf(ts));
	}

	/** The slot holding bucket `epoch`, if the ring still has it (read-only access). */
	get(epoch: number): T | undefined {
		if (!Number.isFinite(epoch)) return undefined;
		const i = this.slotIndexOf(epoch);
		return this.epochs[i] === epoch ? this.slots[i] : undefined;
	}

	/** Visits the slots of buckets from..to (inclusive) that hold data, oldest first. */
	forEachEpoch(from: number, to: number, visit: (slot: T, epoch: number) => void): void {
		if (!Number.isFinite(from) || !Number.isFinite(to)) return;
		// Older than size buckets can never be held, so the loop is bounded by the ring size.
		const start = Math.max(from, to - this.size + 1);
		for (let epoch = start; epoch <= to; epoch++) {
			const i = this.slotIndexOf(epoch);
			if (this.epochs[i] === epoch) visit(this.slots[i]!, epoch);
		}
	}

	/** Visits the slots of the window at `now`, oldest first. */
	forEachInWindow(now: number, visit: (slot: T, epoch: number) => void): void {
		const current = this.epochOf(now);
		this.forEachEpoch(current - this.buckets + 1, current, visit);
	}

	/** Position of bucket `epoch` in the ring. */
	slotIndexOf(epoch: number): number {
		const r = epoch % this.size;
		return r < 0 ? r + this.size : r;
	}
}

/**
 * Which of the kept window lengths answers a request for `windowS`: the same length, else the
 * shortest longer one, else the longest kept (the snapshot's `window_s` says which was used).
 */
export function windowIndexFor(windowsMs: readonly number[], windowS: number): number {
	const wanted = windowS * 1000;
	let best = -1;
	let longest = 0;
	for (let i = 0; i < windowsMs.length; i++) {
		const ms = windowsMs[i]!;
		if (ms === wanted) return i;
		if (ms >= wanted && (best < 0 || ms < windowsMs[best]!)) best = i;
		if (ms > windowsMs[longest]!) longest = i;
	}

	return best >= 0 && Number.isFinite(wanted) ? best : longest;
}
