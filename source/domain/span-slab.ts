// Stored spans as records in two flat arrays rather than as the parsed event objects. The trace
// store keeps tens of thousands of spans; as objects every one of them outlives the young generation
// and is copied and marked by the garbage collector (performance.md §7: compact records gave +7–14 %
// throughput and a much smaller heap). Here a span costs a few numbers plus references to its id
// strings and to values mostly shared anyway (interned names and services, the empty attributes of
// many spans). Records are rows (a span's numbers side by side, its references side by side), so
// storing one touches two or three cache lines rather than one per field.
import type {AttributeValue, SpanEvent, SpanKind, SpanStatusCode} from '../events/types.js';

const KINDS: readonly SpanKind[] = ['internal', 'server', 'client', 'producer', 'consumer'];
const STATUS_CODES: readonly SpanStatusCode[] = ['unset', 'ok', 'error'];

/** No record (end of a chain, empty free list). */
export const NO_SLOT = -1;

const MIN_CAPACITY = 256;

// A record's numbers, NUMBERS per record.
const TS = 0;
const START = 1;
const DURATION = 2;
/** Next record of the same trace, or of the free list. */
const NEXT = 3;
/** kind × 4 + status code. */
const CODE = 4;
const NUMBERS = 5;

// A record's references, REFERENCES per record.
const SPAN_ID = 0;
const PARENT_ID = 1;
const NAME = 2;
const SERVICE = 3;
const EVENT_ID = 4;
const STATUS_MESSAGE = 5;
const ATTRIBUTES = 6;
const EVENTS = 7;
const REFERENCES = 8;

type Attributes = Readonly<Record<string, AttributeValue>>;
type SpanEvents = SpanEvent['events'];
type Reference = string | undefined | Attributes | SpanEvents;

/**
 * A pool of span records, linked into one chain per trace (in insertion order); freed records are
 * reused. Grows by doubling up to `maxCapacity`.
 */
export class SpanSlab {
	private readonly maxCapacity: number;
	private capacity = 0;
	/** Records never handed out yet start here; freed ones are chained from freeHead. */
	private fresh = 0;
	private freeHead = NO_SLOT;
	private numbers = new Float64Array(0);
	private references: Reference[] = [];

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
		const at = slot * NUMBERS;
		const numbers = this.numbers;
		numbers[at + TS] = span.ts;
		numbers[at + START] = span.startTs;
		numbers[at + DURATION] = span.durationMs;
		numbers[at + NEXT] = NO_SLOT;
		numbers[at + CODE] = KINDS.indexOf(span.kind) * 4 + STATUS_CODES.indexOf(span.statusCode);
		const ref = slot * REFERENCES;
		const references = this.references;
		references[ref + SPAN_ID] = span.spanId;
		references[ref + PARENT_ID] = span.parentSpanId;
		references[ref + NAME] = span.name;
		references[ref + SERVICE] = span.service;
		references[ref + EVENT_ID] = span.id;
		references[ref + STATUS_MESSAGE] = span.statusMessage;
		references[ref + ATTRIBUTES] = span.attributes;
		references[ref + EVENTS] = span.events;
		return slot;
	}

	/**
	 * Returns a chain of records (`first` … `last`, linked by `next`) to the pool at once. What they
	 * reference stays until a record is reused: the pool never holds more than its capacity (at most
	 * maxCapacity spans), and evicting a trace costs no walk over its spans.
	 */
	releaseChain(first: number, last: number): void {
		this.numbers[last * NUMBERS + NEXT] = this.freeHead;
		this.freeHead = first;
	}

	next(slot: number): number {
		return this.numbers[slot * NUMBERS + NEXT]!;
	}

	link(slot: number, next: number): void {
		this.numbers[slot * NUMBERS + NEXT] = next;
	}

	startOf(slot: number): number {
		return this.numbers[slot * NUMBERS + START]!;
	}

	nameOf(slot: number): string {
		return this.references[slot * REFERENCES + NAME] as string;
	}

	spanIdOf(slot: number): string {
		return this.references[slot * REFERENCES + SPAN_ID] as string;
	}

	parentOf(slot: number): string | undefined {
		return this.references[slot * REFERENCES + PARENT_ID] as string | undefined;
	}

	/** The span as it was recorded. */
	span(slot: number, traceId: string): SpanEvent {
		const at = slot * NUMBERS;
		const ref = slot * REFERENCES;
		const {numbers, references} = this;
		const code = numbers[at + CODE]!;
		return {
			type: 'span',
			ts: numbers[at + TS]!,
			id: references[ref + EVENT_ID] as string | undefined,
			traceId,
			spanId: references[ref + SPAN_ID] as string,
			parentSpanId: references[ref + PARENT_ID] as string | undefined,
			name: references[ref + NAME] as string,
			startTs: numbers[at + START]!,
			durationMs: numbers[at + DURATION]!,
			kind: KINDS[code >> 2]!,
			statusCode: STATUS_CODES[code & 3]!,
			statusMessage: references[ref + STATUS_MESSAGE] as string | undefined,
			attributes: references[ref + ATTRIBUTES] as Attributes,
			events: references[ref + EVENTS] as SpanEvents,
			service: references[ref + SERVICE] as string | undefined,
		};
	}

	private take(): number {
		if (this.freeHead !== NO_SLOT) {
			const slot = this.freeHead;
			this.freeHead = this.next(slot);
			return slot;
		}

		if (this.fresh === this.capacity) {
			if (this.capacity >= this.maxCapacity) throw new RangeError('SpanSlab: more spans than its capacity');
			this.grow(Math.min(this.maxCapacity, this.capacity * 2));
		}

		return this.fresh++;
	}

	private grow(capacity: number): void {
		const numbers = new Float64Array(capacity * NUMBERS);
		numbers.set(this.numbers);
		this.numbers = numbers;
		for (let index = this.references.length; index < capacity * REFERENCES; index++) this.references.push(undefined);
		this.capacity = capacity;
	}
}
