import {BucketRun} from './log-histogram.js';
import type {PerfBucket, PreparedCall} from './perf-bucket.js';
import {PerfWindow} from './perf-window.js';

/** Values a run holds before it is added to its buckets anyway (bounds its memory at any rate). */
const MAX_RUN = 1024;

// A bucket's running figures while its batch is open, per window: FIELDS cells from window × FIELDS.
const CALLS = 0;
const LATENCY_SUM = 1;
const LATENCY_MAX = 2;
const INPUT_TOKENS = 3;
const INPUT_TOKEN_CALLS = 4;
const OUTPUT_TOKENS = 5;
const OUTPUT_TOKEN_CALLS = 6;
const FIELDS = 8;

/**
 * One key's calls (overall, a model, a provider) over every window size.
 *
 * A call lands in one bucket per window size. Consecutive calls of a key nearly always fall in the
 * same buckets, so the key holds the buckets of its current batch (the calls since the bucket of
 * any window size last changed) and works on them in its own compact state, written back when the
 * batch ends: before a call for another bucket, and before any read (`flush`).
 * - Sums, maxima and counts run in one Float64Array, started from the buckets' values and added per
 *   call in call order, so every float sum is the same to the last bit; in four cache lines rather
 *   than the twelve bucket objects (each with boxed doubles) that a call touched.
 * - Latencies and TTFTs are collected in two runs and added to the histograms of every bucket of
 *   the batch at once: the histograms end up exactly as with one add per value, for a fraction of
 *   the adds that were most of a call's cost.
 */
export class PerfKey {
	readonly windows: readonly PerfWindow[];
	/** Per window: the batch's bucket epoch (NaN when no batch is open) and its bucket (undefined when too old). */
	private readonly epochs: Float64Array;
	private readonly buckets: Array<PerfBucket | undefined>;
	private readonly figures: Float64Array;
	private readonly latency = new BucketRun();
	private readonly ttft = new BucketRun();

	constructor(windowsMs: readonly number[], buckets: number) {
		this.windows = windowsMs.map(ms => new PerfWindow(ms, buckets));
		this.epochs = new Float64Array(windowsMs.length).fill(Number.NaN);
		this.buckets = windowsMs.map(() => undefined);
		this.figures = new Float64Array(windowsMs.length * FIELDS);
	}

	/** `epochs`: per window, the call's bucket (the same for every key). */
	record(call: PreparedCall, epochs: Float64Array): void {
		if (!this.inBatch(epochs)) this.startBatch(epochs);
		const {windows, buckets, figures} = this;
		const {latency, inputTokens, outputTokens, errorType} = call;
		for (let index = 0, at = 0; index < windows.length; index++, at += FIELDS) {
			const bucket = buckets[index];
			if (bucket === undefined) {
				windows[index]!.ring.countTooOld();
				continue;
			}

			figures[at + CALLS]!++;
			if (latency === latency) {
				figures[at + LATENCY_SUM]! += latency;
				if (latency > figures[at + LATENCY_MAX]!) figures[at + LATENCY_MAX] = latency;
			}

			if (inputTokens === inputTokens) {
				figures[at + INPUT_TOKENS]! += inputTokens;
				figures[at + INPUT_TOKEN_CALLS]!++;
			}

			if (outputTokens === outputTokens) {
				figures[at + OUTPUT_TOKENS]! += outputTokens;
				figures[at + OUTPUT_TOKEN_CALLS]!++;
			}

			if (errorType !== null) bucket.addError(errorType);
		}

		if (latency === latency) this.latency.add(latency, call.latencyBucket);
		if (call.ttft === call.ttft) this.ttft.add(call.ttft, call.ttftBucket);
		if (this.latency.count >= MAX_RUN || this.ttft.count >= MAX_RUN) this.addRuns();
	}

	/** Ends the batch, written back to its buckets. Call before reading any bucket. */
	flush(): void {
		this.addRuns();
		const {buckets, figures} = this;
		for (let index = 0, at = 0; index < buckets.length; index++, at += FIELDS) {
			const bucket = buckets[index];
			if (bucket === undefined) continue;
			bucket.calls = figures[at + CALLS]!;
			bucket.latencySum = figures[at + LATENCY_SUM]!;
			bucket.latencyMax = figures[at + LATENCY_MAX]!;
			bucket.inputTokens = figures[at + INPUT_TOKENS]!;
			bucket.inputTokenCalls = figures[at + INPUT_TOKEN_CALLS]!;
			bucket.outputTokens = figures[at + OUTPUT_TOKENS]!;
			bucket.outputTokenCalls = figures[at + OUTPUT_TOKEN_CALLS]!;
			buckets[index] = undefined;
		}

		this.epochs[0] = Number.NaN;
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
		for (let index = 0; index < epochs.length; index++) if (this.epochs[index] !== epochs[index]) return false;
		return true;
	}

	private startBatch(epochs: Float64Array): void {
		this.flush();
		const {windows, buckets, figures} = this;
		for (let index = 0, at = 0; index < windows.length; index++, at += FIELDS) {
			this.epochs[index] = epochs[index]!;
			const epoch = epochs[index]!;
			const bucket = windows[index]!.open(epoch, windows[index]!.ring.slotIndexOf(epoch));
			buckets[index] = bucket;
			if (bucket === undefined) continue;
			figures[at + CALLS] = bucket.calls;
			figures[at + LATENCY_SUM] = bucket.latencySum;
			figures[at + LATENCY_MAX] = bucket.latencyMax;
			figures[at + INPUT_TOKENS] = bucket.inputTokens;
			figures[at + INPUT_TOKEN_CALLS] = bucket.inputTokenCalls;
			figures[at + OUTPUT_TOKENS] = bucket.outputTokens;
			figures[at + OUTPUT_TOKEN_CALLS] = bucket.outputTokenCalls;
		}
	}
}
