import type {LlmCallEvent} from '../events/types.js';
import {WINDOWS_S} from './monitor-config.js';
import {OTHER_KEY, PerfBucket, PreparedCall} from './perf-bucket.js';
import {CallQueue} from './call-queue.js';
import {PerfKey} from './perf-key.js';
import type {PerformanceSnapshot, PerfStats} from './snapshot-types.js';
import {DEFAULT_BUCKETS, windowIndexFor} from './window-ring.js';

export type PerformanceTrackerOptions = {
	/** Window sizes kept live, seconds (default WINDOWS_S). */
	readonly windowsS?: readonly number[];
	/** Buckets per window (default 60). */
	readonly buckets?: number;
	/** Distinct models and providers kept each; later ones are folded into `(other)`. Default 200. */
	readonly maxKeys?: number;
};

export type PerformanceCounters = {
	/** Calls recorded under `(other)` because their model or provider came after the key cap. */
	readonly foldedModelCalls: number;
	readonly foldedProviderCalls: number;
	/** Calls with an unusable timestamp (not finite). */
	readonly invalidCalls: number;
	/** Calls too old for the shortest window's ring (they may still count in longer windows). */
	readonly tooOldForShortest: number;
	/** Rebuilds of cached closed-bucket merges, summed over every key and window. */
	readonly cacheRebuilds: number;
};

const UNKNOWN_KEY = '(unknown)';
/** Calls queued before they are recorded in one go. */
const QUEUED_CALLS = 256;

type KeyState = PerfKey;

/**
 * Latency, errors and throughput over sliding windows (WindowRing rule), bucketed by completion
 * time `call.ts`. Design: merge on query, with a cached merge of each ring's closed buckets.
 */
export class PerformanceTracker {
	private readonly windowsMs: readonly number[];
	private readonly buckets: number;
	private readonly maxKeys: number;
	private readonly overall: KeyState;
	private readonly models = new Map<string, KeyState>();
	private readonly providers = new Map<string, KeyState>();
	private otherModel: KeyState | null = null;
	private otherProvider: KeyState | null = null;
	private earliestTs = Number.POSITIVE_INFINITY;
	private foldedModels = 0;
	private foldedProviders = 0;
	private invalid = 0;
	private readonly scratch = new PerfBucket();
	private readonly prepared = new PreparedCall();
	/** Calls not yet recorded in their keys, with their model and provider keys (see CallQueue). */
	private readonly queue = new CallQueue<KeyState>(QUEUED_CALLS);
	/** Per window: its bucket width, and the bucket of the call being recorded. */
	private readonly widthsMs: Float64Array;
	private readonly epochs: Float64Array;

	constructor(options: PerformanceTrackerOptions = {}) {
		const windows = (options.windowsS ?? WINDOWS_S).filter((s) => Number.isFinite(s) && s > 0);
		this.windowsMs = (windows.length > 0 ? [...new Set(windows)] : [...WINDOWS_S]).map((s) => s * 1000);
		this.buckets = Math.max(1, Math.floor(options.buckets ?? DEFAULT_BUCKETS));
		this.maxKeys = Math.max(1, Math.floor(options.maxKeys ?? 200));
		this.overall = this.newKey();
		this.widthsMs = Float64Array.from(this.overall.windows, (window) => window.ring.widthMs);
		this.epochs = new Float64Array(this.windowsMs.length);
	}

	get counters(): PerformanceCounters {
		this.flush();
		let rebuilds = 0;
		const add = (key: KeyState): void => {
			for (const w of key.windows) rebuilds += w.rebuilds;
		};

		add(this.overall);
		for (const key of this.models.values()) add(key);
		for (const key of this.providers.values()) add(key);
		if (this.otherModel !== null) add(this.otherModel);
		if (this.otherProvider !== null) add(this.otherProvider);
		let shortest = 0;
		for (let i = 1; i < this.windowsMs.length; i++) if (this.windowsMs[i]! < this.windowsMs[shortest]!) shortest = i;
		return {
			foldedModelCalls: this.foldedModels,
			foldedProviderCalls: this.foldedProviders,
			invalidCalls: this.invalid,
			tooOldForShortest: this.overall.windows[shortest]?.ring.tooOld ?? 0,
			cacheRebuilds: rebuilds,
		};
	}

	/** Window sizes available, seconds. */
	get windowsS(): readonly number[] {
		return this.windowsMs.map((ms) => ms / 1000);
	}

	record(call: LlmCallEvent): void {
		const ts = call.ts;
		if (!Number.isFinite(ts)) {
			this.invalid++;
			return;
		}

		if (ts < this.earliestTs) this.earliestTs = ts;
		const model = this.modelKey(call.model);
		const provider = this.providerKey(call.provider);
		// Read and check the event once, however many buckets it lands in.
		if (this.queue.push(ts, this.prepared.fill(call), model, provider)) this.drain();
	}

	/**
	 * Numbers for the window of `windowS` at `now`. An unknown window size uses the smallest kept
	 * window that is at least as long (else the longest); `window_s` says which one was used.
	 */
	snapshot(now: number, windowS: number): PerformanceSnapshot {
		this.flush();
		const index = this.windowIndex(windowS);
		const windowMs = this.windowsMs[index]!;
		const scratch = this.scratch;
		this.overall.windows[index]!.collect(now, scratch);
		const calls = scratch.calls;
		let coveredS = 0;
		if (calls > 0) {
			const start = Math.max(this.overall.windows[index]!.ring.windowStart(now), this.earliestTs);
			coveredS = Math.max(1, (now - start) / 1000);
		}

		const overallStats = toStats(scratch, coveredS);
		return {
			...overallStats,
			window_s: windowMs / 1000,
			covered_s: coveredS,
			by_model: this.statsByKey(this.models, this.otherModel, index, now, coveredS),
			by_provider: this.statsByKey(this.providers, this.otherProvider, index, now, coveredS),
		};
	}

	private statsByKey(
		keys: ReadonlyMap<string, KeyState>,
		other: KeyState | null,
		index: number,
		now: number,
		coveredS: number,
	): Readonly<Record<string, PerfStats>> {
		const entries: Array<[string, PerfStats]> = [];
		const scratch = this.scratch;
		const visit = (name: string, key: KeyState): void => {
			key.windows[index]!.collect(now, scratch);
			if (scratch.calls > 0) entries.push([name, toStats(scratch, coveredS)]);
		};

		for (const [name, key] of keys) visit(name, key);
		if (other !== null) visit(OTHER_KEY, other);
		// fromEntries defines own properties, so a key named "__proto__" cannot reach the prototype.
		return Object.fromEntries(entries);
	}

	private windowIndex(windowS: number): number {
		return windowIndexFor(this.windowsMs, windowS);
	}

	private modelKey(name: string): KeyState {
		const key = name === '' ? UNKNOWN_KEY : name;
		const known = this.models.get(key);
		if (known !== undefined) return known;
		if (this.models.size < this.maxKeys) {
			const created = this.newKey();
			this.models.set(key, created);
			return created;
		}

		this.foldedModels++;
		this.otherModel ??= this.newKey();
		return this.otherModel;
	}

	private providerKey(name: string): KeyState {
		const key = name === '' ? UNKNOWN_KEY : name;
		const known = this.providers.get(key);
		if (known !== undefined) return known;
		if (this.providers.size < this.maxKeys) {
			const created = this.newKey();
			this.providers.set(key, created);
			return created;
		}

		this.foldedProviders++;
		this.otherProvider ??= this.newKey();
		return this.otherProvider;
	}

	private newKey(): KeyState {
		return new PerfKey(this.windowsMs, this.buckets);
	}

	/** Records the queued calls. */
	private drain(): void {
		const {queue, prepared, epochs, widthsMs, overall} = this;
		for (let index = 0; index < queue.length; index++) {
			const ts = queue.load(index, prepared);
			// WindowRing.epochOf, without reaching every window's ring.
			for (let i = 0; i < epochs.length; i++) epochs[i] = Math.floor(ts / widthsMs[i]!);
			overall.record(prepared, epochs);
			queue.first(index).record(prepared, epochs);
			queue.second(index).record(prepared, epochs);
		}

		queue.clear();
	}

	/** Records the queued calls and ends every key's batch (see PerfKey), so the buckets hold every call. */
	private flush(): void {
		this.drain();
		this.overall.flush();
		for (const key of this.models.values()) key.flush();
		for (const key of this.providers.values()) key.flush();
		this.otherModel?.flush();
		this.otherProvider?.flush();
	}
}

const LATENCY_QUANTILES = [0.5, 0.95, 0.99] as const;
const TTFT_QUANTILES = [0.5, 0.95] as const;
const latencyOut: Array<number | null> = [null, null, null];
const ttftOut: Array<number | null> = [null, null];

function toStats(b: PerfBucket, coveredS: number): PerfStats {
	const calls = b.calls;
	const measured = b.latency.count;
	// One scan of the bins per histogram for all its quantiles (this runs per key at every frame).
	b.latency.quantilesInto(LATENCY_QUANTILES, latencyOut);
	b.ttft.quantilesInto(TTFT_QUANTILES, ttftOut);
	const errorsByType: Array<[string, number]> = [...b.errorsByType].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
	return {
		calls,
		errors: b.errors,
		error_rate: calls > 0 ? b.errors / calls : null,
		throughput_rps: calls > 0 && coveredS > 0 ? calls / coveredS : null,
		input_tokens_per_s: b.inputTokenCalls > 0 && coveredS > 0 ? b.inputTokens / coveredS : null,
		output_tokens_per_s: b.outputTokenCalls > 0 && coveredS > 0 ? b.outputTokens / coveredS : null,
		latency_ms: {
			p50: latencyOut[0] ?? null,
			p95: latencyOut[1] ?? null,
			p99: latencyOut[2] ?? null,
			avg: measured > 0 ? b.latencySum / measured : null,
			max: measured > 0 ? b.latencyMax : null,
		},
		ttft_ms: {
			p50: ttftOut[0] ?? null,
			p95: ttftOut[1] ?? null,
			samples: b.ttft.count,
		},
		errors_by_type: Object.fromEntries(errorsByType),
	};
}
