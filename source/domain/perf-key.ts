import {BucketRun} from './log-histogram.js';
import type {PerfBucket, PreparedCall} from './perf-bucket.js';
import {PerfWindow} from './perf-window.js';

/** Values a run holds before it is added to its buckets anyway (bounds its memory at any rate). */
const MAX_RUN = 1024;

/**
 * One key's calls (overall, a model, a provider) over every window size.
 *
 * A call lands in one bucket per window size, and its latency and TTFT in two histograms per
 * bucket: these histogram adds were most of a call's cost. Consecutive calls of a key nearly always
 * fall in the same buckets, so the key keeps the buckets of its current batch (the calls since the
 * bucket of any window size last changed) and collects the batch's latencies and TTFTs in two runs,
 * added to every bucket of the batch when it ends: before a call for another bucket, and before any
 * read (`flush`). The histograms end up exactly as with one add per value (counts, extremes). Sums
 * (latency, tokens) are still added per call and per bucket, in call order, so every float sum is
 * the same to the last bit.
 */
export class PerfKey {
	readonly windows: readonly PerfWindow[];
	/** Per window: the batch's bucket epoch (NaN when no batch is open) and its bucket (undefined when too old). */
	private readonly epochs: Float64Array;
	private readonly buckets: Array<PerfBucket | undefined>;
	private readonly latency = new BucketRun();
	private readonly ttft = new BucketRun();

	constructor(windowsMs: readonly number[], buckets: number) {
		this.windows = windowsMs.map(ms => new PerfWindow(ms, buckets));
		this.epochs = new Float64Array(windowsMs.length).fill(Number.NaN);
		this.buckets = windowsMs.map(() => undefined);
	}

	/** `epochs` and `slots`: per window, the call's bucket and its ring position (the same for every key). */
	record(call: PreparedCall, epochs: Float64Array, slots: Int32Array): void {
		if (!this.inBatch(epochs)) this.startBatch(epochs, slots);
		const windows = this.windows;
		for (let index = 0; index < windows.length; index++) {
			const bucket = this.buckets[index];
			if (bucket === undefined) windows[index]!.ring.countTooOld();
			else bucket.addScalars(call);
		}

		if (call.latency === call.latency) this.latency.add(call.latency, call.latencyBucket);
		if (call.ttft === call.ttft) this.ttft.add(call.ttft, call.ttftBucket);
		if (this.latency.count >= MAX_RUN || this.ttft.count >= MAX_RUN) this.addRuns();
	}

	/** Ends the batch, its values added to its buckets. Call before reading any bucket. */
	flush(): void {
		this.addRuns();
		this.epochs[0] = Number.NaN;
	}

	private addRuns(): void {
		const {latency, ttft} = this;
		if (latency.count === 0 && ttft.count === 0) return;
		for (let index = 0; index < this.buckets.length; index++) {
			const bucket = this.buckets[index];
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

	private startBatch(epochs: Float64Array, slots: Int32Array): void {
		this.flush();
		const windows = this.windows;
		for (let index = 0; index < windows.length; index++) {
			this.epochs[index] = epochs[index]!;
			this.buckets[index] = windows[index]!.open(epochs[index]!, slots[index]!);
		}
	}
}
