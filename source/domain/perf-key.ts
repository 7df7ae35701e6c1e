import {BucketRun} from './log-histogram.js';
import type {PerfBucket, PreparedCall} from './perf-bucket.js';
import {PerfWindow} from './perf-window.js';

/** Values a run holds before it is added to its buckets anyway (bounds its memory at any rate). */
const MAX_RUN = 1024;

// Everything a call touches sits in one Float64Array, FIELDS cells per window: the batch's bucket
// epoch, whether the ring still had that bucket, calls too old for it not yet counted in the ring,
// and the bucket's running figures.
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
 * same buckets, so the key holds the buckets of its current batch (the calls since the bucket of
 * any window size last changed) and works on them in its own compact state, written back when the
 * batch ends: before a call for another bucket, and before any read (`flush`).
 * - Sums, maxima and counts run in one Float64Array, started from the buckets' values and added per
 *   call in call order, so every float sum is the same to the last bit; a few cache lines rather
 *   than the twelve bucket objects (and their boxed doubles) that a call touched.
 * - Latencies and TTFTs are collected in two runs and added to the histograms of every bucket of
 *   the batch at once: the histograms end up exactly as with one add per value, for a fraction of
 *   the adds that were most of a call's cost.
 */
export class PerfKey {
	readonly windows: readonly PerfWindow[];
	/** Per window: the batch's bucket (undefined when none is open or the ring no longer had it). */
	private readonly buckets: Array<PerfBucket | undefined>;
	private readonly state: Float64Array;
	private readonly latency = new BucketRun();
	private readonly ttft = new BucketRun();

	constructor(windowsMs: readonly number[], buckets: number) {
		this.windows = windowsMs.map(ms => new PerfWindow(ms, buckets));
		this.buckets = windowsMs.map(() => undefined);
		this.state = new Float64Array(windowsMs.length * FIELDS);
		for (let at = 0; at < this.state.length; at += FIELDS) this.state[at + EPOCH] = Number.NaN;
	}

	/** `epochs`: per window, the call's bucket (the same for every key). */
	record(call: PreparedCall, epochs: Float64Array): void {
		// The lookups that start a batch count its first call when too old; later ones are counted here.
		const started = !this.inBatch(epochs);
		if (started) this.startBatch(epochs);
		const state = this.state;
		const {latency, inputTokens, outputTokens, errorType} = call;
		for (let at = 0; at < state.length; at += FIELDS) {
			if (state[at + OPEN] === 0) {
				if (!started) state[at + TOO_OLD]!++;
				continue;
			}

			state[at + CALLS]!++;
			if (latency === latency) {
				state[at + LATENCY_SUM]! += latency;
				if (latency > state[at + LATENCY_MAX]!) state[at + LATENCY_MAX] = latency;
			}

			if (inputTokens === inputTokens) {
				state[at + INPUT_TOKENS]! += inputTokens;
				state[at + INPUT_TOKEN_CALLS]!++;
			}

			if (outputTokens === outputTokens) {
				state[at + OUTPUT_TOKENS]! += outputTokens;
				state[at + OUTPUT_TOKEN_CALLS]!++;
			}

			if (errorType !== null) this.buckets[at / FIELDS]!.addError(errorType);
		}

		if (latency === latency) this.latency.add(latency, call.latencyBucket);
		if (call.ttft === call.ttft) this.ttft.add(call.ttft, call.ttftBucket);
		if (this.latency.count >= MAX_RUN || this.ttft.count >= MAX_RUN) this.addRuns();
	}

	/** Ends the batch, written back to its buckets and rings. Call before reading any bucket or ring counter. */
	flush(): void {
		this.addRuns();
		const {buckets, state, windows} = this;
		for (let index = 0, at = 0; index < buckets.length; index++, at += FIELDS) {
			for (let count = state[at + TOO_OLD]!; count > 0; count--) windows[index]!.ring.countTooOld();
			state[at + TOO_OLD] = 0;
			state[at + EPOCH] = Number.NaN;
			const bucket = buckets[index];
			if (bucket === undefined) continue;
			bucket.calls = state[at + CALLS]!;
			bucket.latencySum = state[at + LATENCY_SUM]!;
			bucket.latencyMax = state[at + LATENCY_MAX]!;
			bucket.inputTokens = state[at + INPUT_TOKENS]!;
			bucket.inputTokenCalls = state[at + INPUT_TOKEN_CALLS]!;
			bucket.outputTokens = state[at + OUTPUT_TOKENS]!;
			bucket.outputTokenCalls = state[at + OUTPUT_TOKEN_CALLS]!;
			buckets[index] = undefined;
		}
	}

	private addRuns(): void {
		const {latency, ttft} = this;
		if (latency.count === 0 && ttft.count === 0) return;
		for (const bucket of this.buckets) {
			if (bucket === undefined) continue;
			bucket.latency.addRun(latency);
			bucket.ttft.addRun(ttft);
		}

		latency.clear();
		ttft.clear();
	}

	private inBatch(epochs: Float64Array): boolean {
		const state = this.state;
		for (let index = 0, at = 0; index < epochs.length; index++, at += FIELDS) if (state[at + EPOCH] !== epochs[index]) return false;
		return true;
	}

	private startBatch(epochs: Float64Array): void {
		this.flush();
		const {windows, buckets, state} = this;
		for (let index = 0, at = 0; index < windows.length; index++, at += FIELDS) {
			const epoch = epochs[index]!;
			state[at + EPOCH] = epoch;
			const bucket = windows[index]!.open(epoch, windows[index]!.ring.slotIndexOf(epoch));
			buckets[index] = bucket;
			state[at + OPEN] = bucket === undefined ? 0 : 1;
			if (bucket === undefined) continue;
			state[at + CALLS] = bucket.calls;
			state[at + LATENCY_SUM] = bucket.latencySum;
			state[at + LATENCY_MAX] = bucket.latencyMax;
			state[at + INPUT_TOKENS] = bucket.inputTokens;
			state[at + INPUT_TOKEN_CALLS] = bucket.inputTokenCalls;
			state[at + OUTPUT_TOKENS] = bucket.outputTokens;
			state[at + OUTPUT_TOKEN_CALLS] = bucket.outputTokenCalls;
		}
	}
}
