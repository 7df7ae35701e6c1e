// Stored spans as columns rather than as the parsed event objects. The trace store keeps tens of
// thousands of spans; as objects every one of them outlives the young generation and is copied and
// marked by the garbage collector (performance.md §7: compact columns gave +7–14 % throughput and a
// much smaller heap). Here a span costs typed-array cells plus references to its id strings and to
// values mostly shared anyway (interned names and services, the empty attributes of many spans).
// Packing the hex ids into numbers as well was measured: parsing them cost more per span than it saved.
import type {AttributeValue, SpanEvent, SpanKind, SpanStatusCode} from '../events/types.js';

const KINDS: readonly SpanKind[] = ['internal', 'server', 'client', 'producer', 'consumer'];
const STATUS_CODES: readonly SpanStatusCode[] = ['unset', 'ok', 'error'];

/** No slot (end of a chain, empty free list). */
export const NO_SLOT = -1;

const MIN_CAPACITY = 256;

type Attributes = Readonly<Record<string, AttributeValue>>;
type SpanEvents = SpanEvent['events'];

/**
 * A pool of span records in columns, linked into one chain per trace (in insertion order); freed
 * records are reused. Grows by doubling up to `maxCapacity`.
 */
export class SpanSlab {
	private readonly maxCapacity: number;
	private capacity = 0;
	/** Records never handed out yet start here; below it, freed records are chained from freeHead. */
	private fresh = 0;
	private freeHead = NO_SLOT;
	private ts = new Float64Array(0);
	private startTs = new Float64Array(0);
	private durationMs = new Float64Array(0);
	/** kind × 4 + status code. */
	private codes = new Uint8Array(0);
	/** Next record of the same trace, or of the free list. */
	private nextSlot = new Int32Array(0);
	private spanIds: string[] = [];
	private parentIds: Array<string | undefined> = [];
	private names: string[] = [];
	private services: Array<string | undefined> = [];
	private eventIds: Array<string | undefined> = [];
	private statusMessages: Array<string | undefined> = [];
	private attributes: Attributes[] = [];
	private events: SpanEvents[] = [];

	constructor(maxCapacity: number) {
		this.maxCapacity = Math.max(1, Math.floor(maxCapacity));
		this.grow(Math.min(MIN_CAPACITY, this.maxCapacity));
	}

	/** Records allocated (for memory checks). */
	get allocated(): number {
		return this.capacity;
	}

	/** Stores a span (its trace id is the caller's) and returns its record; `next` starts as NO_SLOT. */
	add(span: SpanEvent): number {
		const slot = this.take();
		this.ts[slot] = span.ts;
		this.startTs[slot] = span.startTs;
		this.durationMs[slot] = span.durationMs;
		this.codes[slot] = KINDS.indexOf(span.kind) * 4 + STATUS_CODES.indexOf(span.statusCode);
		this.nextSlot[slot] = NO_SLOT;
		this.spanIds[slot] = span.spanId;
		this.parentIds[slot] = span.parentSpanId;
		this.names[slot] = span.name;
		this.services[slot] = span.service;
		this.eventIds[slot] = span.id;
		this.statusMessages[slot] = span.statusMessage;
		this.attributes[slot] = span.attributes;
		this.events[slot] = span.events;
		return slot;
	}

	/** Returns a record to the pool and lets go of what it referenced. */
	release(slot: number): void {
		this.spanIds[slot] = '';
		this.parentIds[slot] = undefined;
		this.names[slot] = '';
		this.services[slot] = undefined;
		this.eventIds[slot] = undefined;
		this.statusMessages[slot] = undefined;
		this.attributes[slot] = EMPTY_ATTRIBUTES;
		this.events[slot] = EMPTY_EVENTS;
		this.nextSlot[slot] = this.freeHead;
		this.freeHead = slot;
	}

	next(slot: number): number {
		return this.nextSlot[slot]!;
	}

	link(slot: number, next: number): void {
		this.nextSlot[slot] = next;
	}

	startOf(slot: number): number {
		return this.startTs[slot]!;
	}

	nameOf(slot: number): string {
		return this.names[slot]!;
	}

	spanIdOf(slot: number): string {
		return this.spanIds[slot]!;
	}

	parentOf(slot: number): string | undefined {
		return this.parentIds[slot];
	}

	/** The span as it was recorded. */
	span(slot: number, traceId: string): SpanEvent {
		const code = this.codes[slot]!;
		return {
			type: 'span',
			ts: this.ts[slot]!,
			id: this.eventIds[slot],
			traceId,
			spanId: this.spanIds[slot]!,
			parentSpanId: this.parentIds[slot],
			name: this.names[slot]!,
			startTs: this.startTs[slot]!,
			durationMs: this.durationMs[slot]!,
			kind: KINDS[code >> 2]!,
			statusCode: STATUS_CODES[code & 3]!,
			statusMessage: this.statusMessages[slot],
			attributes: this.attributes[slot]!,
			events: this.events[slot]!,
			service: this.services[slot],
		};
	}

	private take(): number {
		if (this.freeHead !== NO_SLOT) {
			const slot = this.freeHead;
			this.freeHead = this.nextSlot[slot]!;
			return slot;
		}

		if (this.fresh === this.capacity) {
			if (this.capacity >= this.maxCapacity) throw new RangeError('SpanSlab: more spans than its capacity');
			this.grow(Math.min(this.maxCapacity, this.capacity * 2));
		}

		return this.fresh++;
	}

	private grow(capacity: number): void {
		const copy = <T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T => {
			to.set(from);
			return to;
		};

		this.ts = copy(this.ts, new Float64Array(capacity));
		this.startTs = copy(this.startTs, new Float64Array(capacity));
		this.durationMs = copy(this.durationMs, new Float64Array(capacity));
		this.codes = copy(this.codes, new Uint8Array(capacity));
		this.nextSlot = copy(this.nextSlot, new Int32Array(capacity));
		for (let slot = this.capacity; slot < capacity; slot++) {
			this.spanIds.push('');
			this.parentIds.push(undefined);
			this.names.push('');
			this.services.push(undefined);
			this.eventIds.push(undefined);
			this.statusMessages.push(undefined);
			this.attributes.push(EMPTY_ATTRIBUTES);
			this.events.push(EMPTY_EVENTS);
		}

		this.capacity = capacity;
	}
}

const EMPTY_ATTRIBUTES: Attributes = Object.freeze({});
const EMPTY_EVENTS: SpanEvents = Object.freeze([]);
