// Remembers the last `capacity` distinct keys (first-seen order), so a replayed or re-sent event
// is counted once while memory stays fixed on an endless stream.
//
// A key is an id within a kind (the event type): one set of ids per kind, rather than one set of
// `type:id` strings, so that checking an event builds no string and hashes only the id (whose hash
// V8 then keeps with the string, for the next time the same id is looked up).
export class IdDeduper {
	readonly capacity: number;
	private readonly kinds = new Map<string, Set<string>>();
	private readonly ringIds: Array<string | undefined>;
	private readonly ringKinds: string[];
	private next = 0;
	private count = 0;
	private evictedCount = 0;

	constructor(capacity = 100_000) {
		this.capacity = Number.isFinite(capacity) && capacity >= 1 ? Math.floor(capacity) : 100_000;
		this.ringIds = [];
		this.ringKinds = [];
	}

	/** True when `id` (of `kind`) was seen among the remembered keys; otherwise remembers it and returns false. */
	seen(id: string, kind = ''): boolean {
		let ids = this.kinds.get(kind);
		if (ids === undefined) {
			ids = new Set();
			this.kinds.set(kind, ids);
		} else if (ids.has(id)) {
			return true;
		}

		if (this.ringIds.length < this.capacity) {
			this.ringIds.push(id);
			this.ringKinds.push(kind);
		} else {
			const oldest = this.ringIds[this.next];
			if (oldest !== undefined) this.kinds.get(this.ringKinds[this.next]!)?.delete(oldest);
			this.evictedCount++;
			this.count--;
			this.ringIds[this.next] = id;
			this.ringKinds[this.next] = kind;
			this.next = (this.next + 1) % this.capacity;
		}

		ids.add(id);
		this.count++;
		return false;
	}

	get size(): number {
		return this.count;
	}

	/** Keys forgotten to make room; a duplicate older than this many keys is no longer detected. */
	get evicted(): number {
		return this.evictedCount;
	}
}
