import {BucketRun} from './log-histogram.js';
import type {PerfBucket, PreparedCall} from './perf-bucket.js';
import {PerfWindow} from './perf-window.js';

/** Values a run holds before it is added to its bucket anyway (bounds its memory at any rate). */
const MAX_RUN = 1024;

// Everything a call touches sits in one Float64Array, FIELDS cells per window: the window's current
// bucket epoch, whether the ring still had that bucket, calls too old for it not yet counted in the
// ring, and the bucket's running figures.
const EPOCH = 0;
const OPEN = 1;
const TOO_OLD = 2;
const CALLS = 3;
const LATENCY_SUM = 4;
const LATENCY_MAX = 5;
const INPUT_TOKENS = 6;
const INPUT_TOKEN_CALLS = 7;
const OUTPUT_TOKENS = 8;
const OUTPUT_TOKEN_CALLS = 9;
const FIELDS = 10;

/**
 * One key's calls (overall, a model, a provider) over every window size.
 *
 * A call lands in one bucket per window size. Consecutive calls of a key nearly always fall in the
 * same bucket of a window, so per window the key holds its current bucket (until a call falls in
 * another, or a read: `flush`) and works on it in its own compact state:
 * - sums, maxima and counts run in one Float64Array, started from the bucket's values and added per
 *   call in call order (so every float sum is the same to the last bit), written back when the
 *   window moves to another bucket;
 * - latencies and TTFTs are collected in runs and added to the bucket's histograms at once, which
 *   ends up exactly as one add per value, for a fraction of the adds that were most of a call's cost.
 * A bucket written long ago is out of the cache: each window touches its bucket objects only when it
 * moves on (a 1-hour window once a minute), not on every call.
 */
export class PerfKey {
	readonly windows: readonly PerfWindow[];
	/** Per window: its current bucket (undefined when none is open or the ring no longer had it). */
	private readonly buckets: Array<PerfBucket | undefined>;
	private readonly state: Float64Array;
	private readonly latencies: readonly BucketRun[];
	private readonly ttfts: readonly BucketRun[];

	constructor(windowsMs: readonly number[], buckets: number) {
		this.windows = windowsMs.map(ms => new PerfWindow(ms, buckets));
		this.buckets = windowsMs.map(() => undefined);
		this.latencies = windowsMs.map(() => new BucketRun());
		this.ttfts = windowsMs.map(() => new BucketRun());
		this.state = new Float64Array(windowsMs.length * FIELDS);
		for (let at = 0; at < this.state.length; at += FIELDS) this.state[at + EPOCH] = Number.NaN;
	}

	/** `epochs`: per window, the call's bucket (the same for every key). */
	record(call: PreparedCall, epochs: Float64Array): void {
		const state = this.state;
		const {latency, ttft, inputTokens, outputTokens, errorType} = call;
		for (let index = 0, at = 0; index < epochs.length; index++, at += FIELDS) {
			// Moving to another bucket looks it up, which counts this call when it is too old.
			const moved = state[at + EPOCH] !== epochs[index];
			if (moved) this.move(index, epochs[index]!);
			if (state[at + OPEN] === 0) {
				if (!moved) state[at + TOO_OLD]!++;
				continue;
			}

			state[at + CALLS]!++;
			if (latency === latency) {
				state[at + LATENCY_SUM]! += latency;
				if (latency > state[at + LATENCY_MAX]!) state[at + LATENCY_MAX] = latency;
				this.latencies[index]!.add(latency, call.latencyBucket);
			}

			if (ttft === ttft) this.ttfts[index]!.add(ttft, call.ttftBucket);
			if (inputTokens === inputTokens) {
				state[at + INPUT_TOKENS]! += inputTokens;
				state[at + INPUT_TOKEN_CALLS]!++;
			}

			if (outputTokens === outputTokens) {
				state[at + OUTPUT_TOKENS]! += outputTokens;
				state[at + OUTPUT_TOKEN_CALLS]!++;
			}

			if (errorType !== null) this.buckets[index]!.addError(errorType);
			if (this.latencies[index]!.count >= MAX_RUN || this.ttfts[index]!.count >= MAX_RUN) this.addRuns(index);
		}
	}

	/** Writes every window's state back to its bucket and ring. Call before reading any bucket or ring counter. */
	flush(): void {
		for (let index = 0; index < this.windows.length; index++) this.close(index);
	}

	/** Writes window `index`'s state back and leaves it with no bucket. */
	private close(index: number): void {
		const at = index * FIELDS;
		const state = this.state;
		const ring = this.windows[index]!.ring;
		for (let count = state[at + TOO_OLD]!; count > 0; count--) ring.countTooOld();
		state[at + TOO_OLD] = 0;
		state[at + EPOCH] = Number.NaN;
		state[at + OPEN] = 0;
		const bucket = this.buckets[index];
		if (bucket === undefined) return;
		this.addRuns(index);
		bucket.calls = state[at + CALLS]!;
		bucket.latencySum = state[at + LATENCY_SUM]!;
		bucket.latencyMax = state[at + LATENCY_MAX]!;
		bucket.inputTokens = state[at + INPUT_TOKENS]!;
		bucket.inputTokenCalls = state[at + INPUT_TOKEN_CALLS]!;
		bucket.outputTokens = state[at + OUTPUT_TOKENS]!;
		bucket.outputTokenCalls = state[at + OUTPUT_TOKEN_CALLS]!;
		this.buckets[index] = undefined;
	}

	private addRuns(index: number): void {
		const bucket = this.buckets[index]!;
		const latency = this.latencies[index]!;
		const ttft = this.ttfts[index]!;
		bucket.latency.addRun(latency);
		bucket.ttft.addRun(ttft);
		latency.clear();
		ttft.clear();
	}

	/** Window `index` moves to bucket `epoch`. */
	private move(index: number, epoch: number): void {
		this.close(index);
		const window = this.windows[index]!;
		const bucket = window.open(epoch, window.ring.slotIndexOf(epoch));
		const at = index * FIELDS;
		const state = this.state;
		state[at + EPOCH] = epoch;
		this.buckets[index] = bucket;
		if (bucket === undefined) return;
		state[at + OPEN] = 1;
		state[at + CALLS] = bucket.calls;
		state[at + LATENCY_SUM] = bucket.latencySum;
		state[at + LATENCY_MAX] = bucket.latencyMax;
		state[at + INPUT_TOKENS] = bucket.inputTokens;
		state[at + INPUT_TOKEN_CALLS] = bucket.inputTokenCalls;
		state[at + OUTPUT_TOKENS] = bucket.outputTokens;
		state[at + OUTPUT_TOKEN_CALLS] = bucket.outputTokenCalls;
	}
}
