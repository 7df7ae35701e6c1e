import type {LlmCallEvent, ScoreEvent} from '../events/types.js';

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

type Entry = {readonly model: string; readonly feature: string; readonly ts: number};

export const UNKNOWN_MODEL = '(unknown)';
export const NO_FEATURE = '(none)';

/**
 * Recent calls by every reference a score may carry, so that a score inherits its call's model and
 * feature (protocols.md §4: kept 15 min). A Map keeps insertion order, which makes it a FIFO.
 */
export class CallIndex {
	private readonly maxEntries: number;
	private readonly ttlMs: number;
	private readonly entries = new Map<string, Entry>();
	private newestTs = Number.NEGATIVE_INFINITY;
	private evictedCount = 0;
	private expiredCount = 0;
	private joinedCount = 0;
	private unmatchedCount = 0;

	constructor(options: CallIndexOptions = {}) {
		this.maxEntries = Math.max(1, Math.floor(options.maxEntries ?? 100_000));
		this.ttlMs = Math.max(0, options.ttlMs ?? 15 * 60_000);
	}

	get counters(): CallIndexCounters {
		return {
			entries: this.entries.size,
			evicted: this.evictedCount,
			expired: this.expiredCount,
			joined: this.joinedCount,
			unmatched: this.unmatchedCount,
		};
	}

	/**
	 * Keys: callId, responseId, traceId + spanId, and traceId alone (the trace's latest call, so a
	 * trace-level score still finds its feature).
	 */
	remember(call: LlmCallEvent): void {
		if (!Number.isFinite(call.ts)) return;
		const entry: Entry = {model: call.model, feature: call.feature, ts: call.ts};
		if (call.ts > this.newestTs) this.newestTs = call.ts;
		if (call.callId !== undefined) this.put(`c:${call.callId}`, entry);
		if (call.responseId !== undefined) this.put(`r:${call.responseId}`, entry);
		if (call.traceId !== undefined) {
			if (call.spanId !== undefined) this.put(`s:${call.traceId}/${call.spanId}`, entry);
			this.put(`t:${call.traceId}`, entry);
		}

		this.expire(this.newestTs);
	}

	/**
	 * Model and feature for a score: the referenced call's when it is still remembered (and not
	 * older than the TTL at `now`), else the score's own, else `(unknown)` model and `(none)` feature.
	 */
	resolve(score: ScoreEvent, now: number): ResolvedTarget {
		const hasReference = score.callId !== undefined || score.responseId !== undefined || score.traceId !== undefined;
		const entry =
			this.lookup(score.callId === undefined ? undefined : `c:${score.callId}`, now) ??
			this.lookup(score.responseId === undefined ? undefined : `r:${score.responseId}`, now) ??
			this.lookup(score.traceId === undefined || score.spanId === undefined ? undefined : `s:${score.traceId}/${score.spanId}`, now) ??
			this.lookup(score.traceId === undefined ? undefined : `t:${score.traceId}`, now);
		if (entry !== undefined) {
			this.joinedCount++;
			return {model: entry.model, feature: entry.feature, joined: true};
		}

		if (hasReference) this.unmatchedCount++;
		return {
			model: score.model === undefined || score.model === '' ? UNKNOWN_MODEL : score.model,
			feature: score.feature === undefined || score.feature === '' ? NO_FEATURE : score.feature,
			joined: false,
		};
	}

	private lookup(key: string | undefined, now: number): Entry | undefined {
		if (key === undefined) return undefined;
		const entry = this.entries.get(key);
		if (entry === undefined) return undefined;
		if (Number.isFinite(now) && now - entry.ts > this.ttlMs) return undefined;
		return entry;
	}

	private put(key: string, entry: Entry): void {
		// Re-inserting moves the key to the back, so a trace's latest call is the one kept.
		if (this.entries.has(key)) this.entries.delete(key);
		this.entries.set(key, entry);
		if (this.entries.size > this.maxEntries) {
			const oldest = this.entries.keys().next();
			if (!oldest.done) {
				this.entries.delete(oldest.value);
				this.evictedCount++;
			}
		}
	}

	/** Drops expired keys from the front; entries arrive roughly in time order, so this is cheap. */
	private expire(now: number): void {
		for (const [key, entry] of this.entries) {
			if (now - entry.ts <= this.ttlMs) break;
			this.entries.delete(key);
			this.expiredCount++;
		}
	}
}
