import type {ScoreKind} from './quality-bucket.js';

/**
 * Scores waiting to be recorded (time, kind, value, name and the two keys each goes to), in arrival
 * order. As with CallQueue: recorded in runs, with the keys' state at hand, in the same order, so
 * with the same result; the tracker drains the queue before any read.
 */
export class ScoreQueue<Key> {
	readonly capacity: number;
	private count = 0;
	/** Time and value per score. */
	private readonly numbers: Float64Array;
	private readonly kinds: Uint8Array;
	private readonly names: string[];
	private readonly keys: Key[] = [];

	constructor(capacity: number) {
		this.capacity = capacity;
		this.numbers = new Float64Array(capacity * 2);
		this.kinds = new Uint8Array(capacity);
		this.names = Array.from({length: capacity}, () => '');
	}

	get length(): number {
		return this.count;
	}

	/** Queues a score; true when the queue is now full. */
	push(ts: number, kind: ScoreKind, value: number, name: string, first: Key, second: Key): boolean {
		const index = this.count++;
		this.numbers[2 * index] = ts;
		this.numbers[2 * index + 1] = value;
		this.kinds[index] = kind;
		this.names[index] = name;
		this.keys[2 * index] = first;
		this.keys[2 * index + 1] = second;
		return this.count === this.capacity;
	}

	ts(index: number): number {
		return this.numbers[2 * index]!;
	}

	value(index: number): number {
		return this.numbers[2 * index + 1]!;
	}

	kind(index: number): ScoreKind {
		return this.kinds[index] as ScoreKind;
	}

	name(index: number): string {
		return this.names[index]!;
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
