// Traces by id for the trace store: an open-addressing table (linear probing, backward-shift
// deletion) of entries and their ids' hashes. A busy stream starts a trace every few events and
// evicts the stalest one as often; with a Map that churn (a lookup, an insert and a delete per new
// trace, the delete re-reading an id written long ago) was a third of the trace store's time. Here an
// entry keeps its hash, so evicting it reads no string, and the table holds only the kept traces.

/** What the table needs of an entry: its id and that id's hashText. */
export type Keyed = {readonly traceId: string; readonly hash: number};

const MIN_SIZE = 64;

export class TraceTable<Entry extends Keyed> {
	private mask = MIN_SIZE - 1;
	private hashes = new Int32Array(MIN_SIZE);
	private entries: Array<Entry | undefined> = Array.from({length: MIN_SIZE}, () => undefined);
	private count = 0;

	get size(): number {
		return this.count;
	}

	/** The entry of `traceId` (whose hashText is `hash`), or undefined. */
	get(traceId: string, hash: number): Entry | undefined {
		const {mask, hashes, entries} = this;
		for (let position = hash & mask; ; position = (position + 1) & mask) {
			const entry = entries[position];
			if (entry === undefined) return undefined;
			if (hashes[position] === hash && entry.traceId === traceId) return entry;
		}
	}

	/** Adds an entry whose id is not in the table. */
	add(entry: Entry): void {
		if ((this.count + 1) * 2 > this.mask + 1) this.resize((this.mask + 1) * 2);
		this.place(entry);
		this.count++;
	}

	/** Removes an entry that is in the table. */
	delete(entry: Entry): void {
		const {mask, hashes, entries} = this;
		let hole = entry.hash & mask;
		while (entries[hole] !== entry) hole = (hole + 1) & mask;
		entries[hole] = undefined;
		this.count--;
		for (let next = (hole + 1) & mask; entries[next] !== undefined; next = (next + 1) & mask) {
			const home = hashes[next]! & mask;
			// The entry may stay when its home lies cyclically in (hole, next].
			const stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
			if (stays) continue;
			hashes[hole] = hashes[next]!;
			entries[hole] = entries[next];
			entries[next] = undefined;
			hole = next;
		}
	}

	private place(entry: Entry): void {
		const {mask, hashes, entries} = this;
		let position = entry.hash & mask;
		while (entries[position] !== undefined) position = (position + 1) & mask;
		hashes[position] = entry.hash;
		entries[position] = entry;
	}

	private resize(size: number): void {
		const old = this.entries;
		this.mask = size - 1;
		this.hashes = new Int32Array(size);
		this.entries = Array.from({length: size}, () => undefined);
		for (const entry of old) if (entry !== undefined) this.place(entry);
	}
}
