import {PerfBucket} from './perf-bucket.js';
import {WindowRing} from './window-ring.js';

/**
 * One key's calls over one window size. Queries merge the ring on demand, but the merge of the
 * closed buckets is cached and rebuilt only when the current bucket moves on (once per bucket width)
 * or a late event lands in a closed bucket; a query then costs one copy plus one merge.
 */
export class PerfWindow {
	readonly ring: WindowRing<PerfBucket>;
	private readonly closed = new PerfBucket();
	/** Current epoch the closed merge was built for; it holds (top − B, top − 1]. */
	private closedTop = Number.NaN;
	private closedValid = false;
	private rebuildCount = 0;

	constructor(windowMs: number, buckets: number) {
		this.ring = new WindowRing<PerfBucket>({
			windowMs,
			buckets,
			create: () => new PerfBucket(),
			reset: (bucket) => {
				bucket.reset();
			},
		});
	}

	/** Times the closed-bucket merge was rebuilt (to verify the cache works). */
	get rebuilds(): number {
		return this.rebuildCount;
	}

	/**
	 * The bucket to record a call of bucket `epoch` into (undefined when the ring no longer has it),
	 * marking the cached merge stale when that bucket is closed. `slotIndex` is `ring.slotIndexOf(epoch)`,
	 * shared by every key's ring of this window size.
	 */
	open(epoch: number, slotIndex: number): PerfBucket | undefined {
		const slot = this.ring.slotForEpoch(epoch, slotIndex);
		if (slot === undefined) return undefined;
		// A write into a closed bucket, or far enough ahead to recycle one, makes the cache stale.
		if (this.closedValid && (epoch < this.closedTop || epoch > this.closedTop + this.ring.lead)) {
			this.closedValid = false;
		}

		return slot;
	}

	/** Resets `target` to the merge of the window at `now`. */
	collect(now: number, target: PerfBucket): void {
		const current = this.ring.epochOf(now);
		if (!this.closedValid || this.closedTop !== current) {
			const closed = this.closed;
			closed.reset();
			this.ring.forEachEpoch(current - this.ring.buckets + 1, current - 1, (bucket) => {
				closed.merge(bucket);
			});
			this.closedTop = current;
			this.closedValid = Number.isFinite(current);
			this.rebuildCount++;
		}

		target.copyFrom(this.closed);
		const open = this.ring.get(current);
		if (open !== undefined) target.merge(open);
	}
}
