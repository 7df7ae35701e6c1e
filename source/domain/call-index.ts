import type {LlmCallEvent, ScoreEvent} from '../events/types.js';
import {finishHash, hashText} from './text-hash.js';

export type CallIndexOptions = {
	/** Keys kept (one call may take up to four); the oldest are evicted first. Default 100 000. */
	readonly maxEntries?: number;
	/** A call can be joined for this long after its `ts`. Default 15 minutes. */
	readonly ttlMs?: number;
};

export type ResolvedTarget = {
	readonly model: string;
	readonly feature: string;
	/** True when the score was attributed through a remembered call. */
	readonly joined: boolean;
};

export type CallIndexCounters = {
	readonly entries: number;
	/** Keys dropped to stay within maxEntries. */
	readonly evicted: number;
	/** Keys dropped because their call was older than the TTL. */
	readonly expired: number;
	readonly joined: number;
	/** Scores that named a call we no longer (or never) had. */
	readonly unmatched: number;
};

export const UNKNOWN_MODEL = '(unknown)';
export const NO_FEATURE = '(none)';

/** The references a call is remembered by, in eviction order within one call. */
const CALL = 0;
const RESPONSE = 1;
const SPAN = 2;
const TRACE = 3;
type Kind = typeof CALL | typeof RESPONSE | typeof SPAN | typeof TRACE;
const KINDS = 4;
const ALL_BITS = 0b1111;

/** Empty table position. */
const FREE = -1;
const MIN_TABLE = 1024;
const MIN_RING = 64;

// A slot's strings, TEXTS per slot.
const MODEL = 0;
const FEATURE = 1;
const CALL_ID = 2;
const RESPONSE_ID = 3;
const TRACE_ID = 4;
const SPAN_ID = 5;
const TEXTS = 6;
// A slot's numbers, NUMBERS per slot: its key bits, then a table position per kind.
const BITS = 0;
const POSITIONS = 1;
const NUMBERS = 1 + KINDS;

// Per kind, so that equal ids of two kinds start their probes apart.
const CALL_SEED = 0x27_d4_eb_2f;
const RESPONSE_SEED = 0x16_56_67_b1;
const TRACE_SEED = 0x3c_6e_f3_72;

/** Key hash of trace + span from the trace's hashText (computed once for both trace keys). */
function spanKeyHash(traceHash: number, spanId: string): number {
	return finishHash(traceHash ^ Math.imul(hashText(spanId), 0xcc_9e_2d_51));
}

/**
 * Recent calls by every reference a score may carry, so that a score inherits its call's model and
 * feature (protocols.md §4: kept 15 min).
 *
 * Keys (call id, response id, trace + span, trace) are kept and evicted in the order they were
 * last set, the oldest first, like a Map used as a FIFO. At tens of thousands of calls a second a
 * Map holding 100 000 keys with an entry object each cost a fifth of ingest, mostly in garbage
 * collection (every entry outlives the young generation) and in the holes V8 walks at the front of
 * a Map evicted in order. So here:
 * - calls sit in a ring of slots, oldest first; a slot's bits say which of its four keys are still
 *   current, and eviction takes the oldest slot's first key;
 * - keys sit in an open-addressing table (linear probing, backward-shift deletion) of 32-bit hashes
 *   and slot references, checked against the ids the slot holds, so nothing is allocated per call;
 * - re-setting a key moves it to the new call's slot and clears the old slot's bit.
 * A slot is stored as rows (its strings side by side, its bits and table positions side by side):
 * a call reaches back to the slots its keys last pointed to, written long ago, and a row costs one
 * cache miss where a column per field cost one each.
 * Every operation is O(1) amortised; memory is bounded by maxEntries.
 */
export class CallIndex {
	private readonly maxEntries: number;
	private readonly ttlMs: number;
	/** Keys currently held. */
	private liveCount = 0;
	/** Ring slots holding at least one current key. */
	private liveSlots = 0;
	// The ring: slots [head, tail) in call order, circular over ringSize (a power of two).
	private ringSize = 0;
	private ringMask = 0;
	private head = 0;
	private tail = 0;
	private ts = new Float64Array(0);
	/** Per slot, TEXTS cells: model, feature and the ids ('' when absent). */
	private texts: string[] = [];
	/** Per slot, NUMBERS cells: the key bits, then per kind the key's table position. */
	private numbers = new Int32Array(0);
	/**
	 * The table: per position its key's hash, then slot × 4 + kind (FREE when empty), side by side
	 * so that a probe reads one cache line rather than one in each of two arrays.
	 */
	private tableMask = 0;
	private table = new Int32Array(0);
	private newestTs = Number.NEGATIVE_INFINITY;
	/** Where remember() puts what it read ahead from the table, so the reads are not optimised away. */
	private touched = 0;
	private evictedCount = 0;
	private expiredCount = 0;
	private joinedCount = 0;
	private unmatchedCount = 0;

	constructor(options: CallIndexOptions = {}) {
		this.maxEntries = Math.max(1, Math.floor(options.maxEntries ?? 100_000));
		this.ttlMs = Math.max(0, options.ttlMs ?? 15 * 60_000);
		this.resizeTable(MIN_TABLE);
		this.relayout(MIN_RING);
	}

	get counters(): CallIndexCounters {
		return {
			entries: this.liveCount,
			evicted: this.evictedCount,
			expired: this.expiredCount,
			joined: this.joinedCount,
			unmatched: this.unmatchedCount,
		};
	}

	/** Ring slots in use, current or not yet reclaimed (for memory checks). */
	get queuedSlots(): number {
		return (this.tail - this.head) & this.ringMask;
	}

	/**
	 * Keys: callId, responseId, traceId + spanId, and traceId alone (the trace's latest call, so a
	 * trace-level score still finds its feature).
	 */
	remember(call: LlmCallEvent): void {
		if (!Number.isFinite(call.ts)) return;
		if (call.ts > this.newestTs) this.newestTs = call.ts;
		const {callId, responseId, traceId, spanId} = call;
		if (callId !== undefined || responseId !== undefined || traceId !== undefined) {
			// Every hash first, and their table lines read together: the reads are independent, so the
			// processor fetches the (usually uncached) lines in parallel rather than one per key.
			const callHash = callId === undefined ? 0 : hashText(callId) ^ CALL_SEED;
			const responseHash = responseId === undefined ? 0 : hashText(responseId) ^ RESPONSE_SEED;
			const traceHash = traceId === undefined ? 0 : hashText(traceId);
			const spanHash = traceId === undefined || spanId === undefined ? 0 : spanKeyHash(traceHash, spanId);
			const mask = this.tableMask;
			const table = this.table;
			this.touched ^= table[2 * (callHash & mask)]! ^ table[2 * (responseHash & mask)]! ^ table[2 * (spanHash & mask)]! ^ table[2 * ((traceHash ^ TRACE_SEED) & mask)]!;
			const slot = this.newSlot(call);
			if (callId !== undefined) this.put(slot, CALL, callHash, callId, '');
			if (responseId !== undefined) this.put(slot, RESPONSE, responseHash, responseId, '');
			if (traceId !== undefined) {
				if (spanId !== undefined) this.put(slot, SPAN, spanHash, traceId, spanId);
				this.put(slot, TRACE, traceHash ^ TRACE_SEED, traceId, '');
			}
		}

		this.expire(this.newestTs);
	}

	/**
	 * Model and feature for a score: the referenced call's when it is still remembered (and not
	 * older than the TTL at `now`), else the score's own, else `(unknown)` model and `(none)` feature.
	 */
	resolve(score: ScoreEvent, now: number): ResolvedTarget {
		const {callId, responseId, traceId, spanId} = score;
		let slot = callId === undefined ? -1 : this.fresh(this.find(CALL, hashText(callId) ^ CALL_SEED, callId, ''), now);
		if (slot < 0 && responseId !== undefined) slot = this.fresh(this.find(RESPONSE, hashText(responseId) ^ RESPONSE_SEED, responseId, ''), now);
		if (slot < 0 && traceId !== undefined) {
			const traceHash = hashText(traceId);
			if (spanId !== undefined) slot = this.fresh(this.find(SPAN, spanKeyHash(traceHash, spanId), traceId, spanId), now);
			if (slot < 0) slot = this.fresh(this.find(TRACE, traceHash ^ TRACE_SEED, traceId, ''), now);
		}

		if (slot >= 0) {
			this.joinedCount++;
			return {model: this.texts[slot * TEXTS + MODEL]!, feature: this.texts[slot * TEXTS + FEATURE]!, joined: true};
		}

		if (callId !== undefined || responseId !== undefined || traceId !== undefined) this.unmatchedCount++;
		return {
			model: score.model === undefined || score.model === '' ? UNKNOWN_MODEL : score.model,
			feature: score.feature === undefined || score.feature === '' ? NO_FEATURE : score.feature,
			joined: false,
		};
	}

	/** The slot when it exists and its call is not older than the TTL at `now` (any age when `now` is unusable); else -1. */
	private fresh(slot: number, now: number): number {
		if (slot < 0) return -1;
		if (Number.isFinite(now) && now - this.ts[slot]! > this.ttlMs) return -1;
		return slot;
	}

	private newSlot(call: LlmCallEvent): number {
		if (((this.tail + 1) & this.ringMask) === this.head) {
			// Full: grow when most slots still hold a key, else only squeeze out the reclaimed ones.
			this.relayout(this.liveSlots * 2 >= this.ringSize ? this.ringSize * 2 : this.ringSize);
		}

		const slot = this.tail;
		this.tail = (slot + 1) & this.ringMask;
		this.ts[slot] = call.ts;
		this.numbers[slot * NUMBERS + BITS] = 0;
		const at = slot * TEXTS;
		const texts = this.texts;
		texts[at + MODEL] = call.model;
		texts[at + FEATURE] = call.feature;
		texts[at + CALL_ID] = call.callId ?? '';
		texts[at + RESPONSE_ID] = call.responseId ?? '';
		texts[at + TRACE_ID] = call.traceId ?? '';
		texts[at + SPAN_ID] = call.spanId ?? '';
		return slot;
	}

	/** Whether table reference `ref` is the key (kind, id, spanId). */
	private holds(ref: number, kind: Kind, id: string, spanId: string): boolean {
		if ((ref & 3) !== kind) return false;
		const at = (ref >> 2) * TEXTS;
		const texts = this.texts;
		switch (kind) {
			case CALL: {
				return texts[at + CALL_ID] === id;
			}

			case RESPONSE: {
				return texts[at + RESPONSE_ID] === id;
			}

			case SPAN: {
				return texts[at + TRACE_ID] === id && texts[at + SPAN_ID] === spanId;
			}

			case TRACE: {
				return texts[at + TRACE_ID] === id;
			}
		}
	}

	/** The hash a slot's key of `kind` was stored under (for rebuilding the table). */
	private keyHash(slot: number, kind: Kind): number {
		const at = slot * TEXTS;
		const texts = this.texts;
		switch (kind) {
			case CALL: {
				return hashText(texts[at + CALL_ID]!) ^ CALL_SEED;
			}

			case RESPONSE: {
				return hashText(texts[at + RESPONSE_ID]!) ^ RESPONSE_SEED;
			}

			case SPAN: {
				return spanKeyHash(hashText(texts[at + TRACE_ID]!), texts[at + SPAN_ID]!);
			}

			case TRACE: {
				return hashText(texts[at + TRACE_ID]!) ^ TRACE_SEED;
			}
		}
	}

	/** The slot holding a key, or -1. */
	private find(kind: Kind, hash: number, id: string, spanId: string): number {
		const mask = this.tableMask;
		const table = this.table;
		for (let position = hash & mask; ; position = (position + 1) & mask) {
			const ref = table[2 * position + 1]!;
			if (ref === FREE) return -1;
			if (table[2 * position] === hash && this.holds(ref, kind, id, spanId)) return ref >> 2;
		}
	}

	/** Sets key (kind, id, spanId) to `slot`: moves it when present, else inserts it (evicting the oldest key past maxEntries). */
	private put(slot: number, kind: Kind, hash: number, id: string, spanId: string): void {
		const ref = slot * KINDS + kind;
		const bit = 1 << kind;
		const mask = this.tableMask;
		const table = this.table;
		let position = hash & mask;
		for (; ; position = (position + 1) & mask) {
			const held = table[2 * position + 1]!;
			if (held === FREE) break;
			if (table[2 * position] === hash && this.holds(held, kind, id, spanId)) {
				this.clearBit(held >> 2, bit);
				table[2 * position + 1] = ref;
				this.setPosition(ref, position);
				this.setBit(slot, bit);
				return;
			}
		}

		table[2 * position] = hash;
		table[2 * position + 1] = ref;
		this.setPosition(ref, position);
		this.setBit(slot, bit);
		this.liveCount++;
		// Load up to 3/4: probes stay within a cache line or two, and the table is half the size it is at 1/2.
		if (this.liveCount > (mask >> 2) * 3) this.resizeTable((mask + 1) * 2);
		if (this.liveCount > this.maxEntries) {
			this.dropOldestKey();
			this.evictedCount++;
		}
	}

	/** Table position of key `ref` (slot × 4 + kind). */
	private positionOf(ref: number): number {
		return this.numbers[(ref >> 2) * NUMBERS + POSITIONS + (ref & 3)]!;
	}

	private setPosition(ref: number, position: number): void {
		this.numbers[(ref >> 2) * NUMBERS + POSITIONS + (ref & 3)] = position;
	}

	private bitsOf(slot: number): number {
		return this.numbers[slot * NUMBERS + BITS]!;
	}

	private setBit(slot: number, bit: number): void {
		const at = slot * NUMBERS + BITS;
		if (this.numbers[at] === 0) this.liveSlots++;
		this.numbers[at]! |= bit;
	}

	private clearBit(slot: number, bit: number): void {
		const at = slot * NUMBERS + BITS;
		const bits = this.numbers[at]! & ~bit & ALL_BITS;
		this.numbers[at] = bits;
		if (bits === 0) this.liveSlots--;
	}

	/** Drops expired keys from the front; calls arrive roughly in time order, so this is cheap. */
	private expire(now: number): void {
		while (this.head !== this.tail) {
			const slot = this.head;
			if (this.bitsOf(slot) !== 0) {
				if (now - this.ts[slot]! <= this.ttlMs) return;
				while (this.bitsOf(slot) !== 0) {
					this.dropKey(slot, lowestKind(this.bitsOf(slot)));
					this.expiredCount++;
				}
			}

			this.advanceHead();
		}
	}

	/** Removes the oldest key (there is one whenever liveCount > 0). */
	private dropOldestKey(): void {
		while (this.head !== this.tail && this.bitsOf(this.head) === 0) this.advanceHead();
		if (this.head === this.tail) return;
		const slot = this.head;
		this.dropKey(slot, lowestKind(this.bitsOf(slot)));
		if (this.bitsOf(slot) === 0) this.advanceHead();
	}

	private dropKey(slot: number, kind: Kind): void {
		this.deleteAt(this.positionOf(slot * KINDS + kind));
		this.clearBit(slot, 1 << kind);
		this.liveCount--;
	}

	/** Frees the head slot (all its keys gone) and lets its strings be collected (one row: one cache line). */
	private advanceHead(): void {
		const at = this.head * TEXTS;
		const texts = this.texts;
		for (let field = CALL_ID; field < TEXTS; field++) texts[at + field] = '';
		this.head = (this.head + 1) & this.ringMask;
	}

	/** Empties a table position, shifting later entries of the same probe run back (no tombstones). */
	private deleteAt(position: number): void {
		const mask = this.tableMask;
		const table = this.table;
		let hole = position;
		table[2 * hole + 1] = FREE;
		for (let next = (hole + 1) & mask; table[2 * next + 1] !== FREE; next = (next + 1) & mask) {
			const hash = table[2 * next]!;
			const home = hash & mask;
			// The entry may stay when its home lies cyclically in (hole, next].
			const stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
			if (stays) continue;
			const ref = table[2 * next + 1]!;
			table[2 * hole] = hash;
			table[2 * hole + 1] = ref;
			this.setPosition(ref, hole);
			table[2 * next + 1] = FREE;
			hole = next;
		}
	}

	private resizeTable(size: number): void {
		this.tableMask = size - 1;
		this.table = new Int32Array(size * 2).fill(FREE);
		for (let slot = this.head; slot !== this.tail; slot = (slot + 1) & this.ringMask) {
			const bits = this.bitsOf(slot);
			for (let kind = 0 as Kind; kind < KINDS; kind++) if ((bits & (1 << kind)) !== 0) this.place(slot * KINDS + kind, this.keyHash(slot, kind));
		}
	}

	/** Puts an existing key (known not to be in the table) at the first free position of its run. */
	private place(ref: number, hash: number): void {
		const mask = this.tableMask;
		const table = this.table;
		let position = hash & mask;
		while (table[2 * position + 1] !== FREE) position = (position + 1) & mask;
		table[2 * position] = hash;
		table[2 * position + 1] = ref;
		this.setPosition(ref, position);
	}

	/**
	 * Moves the slots that still hold a key together, in order, from the head: into new rows of
	 * `size` when growing, in place otherwise (the write position never passes the read position).
	 * Table entries are repointed in place.
	 */
	private relayout(size: number): void {
		const oldMask = this.ringMask;
		const {ts, texts, numbers} = this;
		const grow = size !== this.ringSize;
		if (grow) {
			this.ringSize = size;
			this.ringMask = size - 1;
			this.ts = new Float64Array(size);
			this.texts = Array.from({length: size * TEXTS}, () => '');
			this.numbers = new Int32Array(size * NUMBERS);
		}

		const mask = this.ringMask;
		const table = this.table;
		let write = grow ? 0 : this.head;
		for (let read = this.head; read !== this.tail; read = (read + 1) & oldMask) {
			const slotBits = numbers[read * NUMBERS + BITS]!;
			if (slotBits === 0) continue;
			if (write !== read || grow) {
				this.ts[write] = ts[read]!;
				for (let field = 0; field < TEXTS; field++) this.texts[write * TEXTS + field] = texts[read * TEXTS + field]!;
				this.numbers[write * NUMBERS + BITS] = slotBits;
				for (let kind = 0; kind < KINDS; kind++) {
					if ((slotBits & (1 << kind)) === 0) continue;
					const position = numbers[read * NUMBERS + POSITIONS + kind]!;
					this.numbers[write * NUMBERS + POSITIONS + kind] = position;
					table[2 * position + 1] = write * KINDS + kind;
				}
			}

			write = (write + 1) & mask;
		}

		if (grow) this.head = 0;
		this.tail = write;
		// Let the ids of the slots past the new tail be collected (slots past the old tail are empty).
		let slot = write;
		while (slot !== this.head && this.clearIds(slot)) slot = (slot + 1) & mask;
	}

	/** Empties a slot's ids; false when they were empty already (the slots after it are too). */
	private clearIds(slot: number): boolean {
		const at = slot * TEXTS;
		const texts = this.texts;
		let held = false;
		for (let field = CALL_ID; field < TEXTS; field++) {
			if (texts[at + field] !== '') held = true;
			texts[at + field] = '';
		}

		return held;
	}
}

/** The first of a slot's current keys in eviction order. */
function lowestKind(bits: number): Kind {
	if ((bits & 1) !== 0) return CALL;
	if ((bits & 2) !== 0) return RESPONSE;
	return (bits & 4) !== 0 ? SPAN : TRACE;
}
