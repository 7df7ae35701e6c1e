import type {PreparedCall} from './perf-bucket.js';

// A queued call's numbers, STRIDE cells each.
const TS = 0;
const LATENCY = 1;
const LATENCY_BUCKET = 2;
const TTFT = 3;
const TTFT_BUCKET = 4;
const INPUT_TOKENS = 5;
const OUTPUT_TOKENS = 6;
const STRIDE = 8;

/**
 * Prepared calls waiting to be recorded, with the two keys each goes to, in arrival order.
 *
 * Recording a call touches its keys' state in every window; done per event, between the other
 * trackers' work, that state has often left the cache by the key's next call. Queued, a run of calls
 * is recorded in one go with that state at hand. The calls are recorded in the same order, so the
 * result is the same; the tracker drains the queue before any read.
 */
export class CallQueue<Key> {
	readonly capacity: number;
	private count = 0;
	private readonly numbers: Float64Array;
	private readonly errorTypes: Array<string | null>;
	private readonly keys: Key[] = [];

	constructor(capacity: number) {
		this.capacity = capacity;
		this.numbers = new Float64Array(capacity * STRIDE);
		this.errorTypes = Array.from({length: capacity}, () => null);
	}

	get length(): number {
		return this.count;
	}

	/** Queues a call; true when the queue is now full. */
	push(ts: number, call: PreparedCall, first: Key, second: Key): boolean {
		const index = this.count++;
		const at = index * STRIDE;
		const numbers = this.numbers;
		numbers[at + TS] = ts;
		numbers[at + LATENCY] = call.latency;
		numbers[at + LATENCY_BUCKET] = call.latencyBucket;
		numbers[at + TTFT] = call.ttft;
		numbers[at + TTFT_BUCKET] = call.ttftBucket;
		numbers[at + INPUT_TOKENS] = call.inputTokens;
		numbers[at + OUTPUT_TOKENS] = call.outputTokens;
		this.errorTypes[index] = call.errorType;
		this.keys[2 * index] = first;
		this.keys[2 * index + 1] = second;
		return this.count === this.capacity;
	}

	/** Fills `call` with queued call `index` and returns its time. */
	load(index: number, call: PreparedCall): number {
		const at = index * STRIDE;
		const numbers = this.numbers;
		call.latency = numbers[at + LATENCY]!;
		call.latencyBucket = numbers[at + LATENCY_BUCKET]!;
		call.ttft = numbers[at + TTFT]!;
		call.ttftBucket = numbers[at + TTFT_BUCKET]!;
		call.inputTokens = numbers[at + INPUT_TOKENS]!;
		call.outputTokens = numbers[at + OUTPUT_TOKENS]!;
		call.errorType = this.errorTypes[index]!;
		return numbers[at + TS]!;
	}

	first(index: number): Key {
		return this.keys[2 * index]!;
	}

	second(index: number): Key {
		return this.keys[2 * index + 1]!;
	}

	clear(): void {
		this.count = 0;
	}
}
