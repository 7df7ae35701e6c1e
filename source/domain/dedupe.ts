// Remembers the last `capacity` distinct keys (first-seen order), so a replayed or re-sent event
// is counted once while memory stays fixed on an endless stream.
export class IdDeduper {
	readonly capacity: number;
	private readonly keys = new Set<string>();
	private readonly ring: Array<string | undefined>;
	private next = 0;
	private evictedCount = 0;

	constructor(capacity = 100_000) {
		this.capacity = Number.isFinite(capacity) && capacity >= 1 ? Math.floor(capacity) : 100_000;
		this.ring = [];
	}

	/** True when `key` was seen among the remembered keys; otherwise remembers it and returns false. */
	seen(key: string): boolean {
		if (this.keys.has(key)) return true;
		if (this.ring.length < this.capacity) {
			this.ring.push(key);
		} else {
			const oldest = this.ring[this.next];
			if (oldest !== undefined) this.keys.delete(oldest);
			this.evictedCount++;
			this.ring[this.next] = key;
			this.next = (this.next + 1) % this.capacity;
		}
		this.keys.add(key);
		return false;
	}

	get size(): number {
		return this.keys.size;
	}

	/** Keys forgotten to make room; a duplicate older than this many keys is no longer detected. */
	get evicted(): number {
		return this.evictedCount;
	}
}
