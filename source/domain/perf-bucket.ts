import type {LlmCallEvent} from '../events/types.js';
import {bucketOf, LogHistogram} from './log-histogram.js';

/** Distinct error types kept per bucket and per result; the rest are counted under `(other)`. */
export const MAX_ERROR_TYPES = 20;
export const OTHER_KEY = '(other)';
const UNKNOWN_ERROR = '(unknown)';

/**
 * One call reduced to what the buckets add up, checked and with its histogram buckets computed once.
 * The tracker fills one instance per call and reuses it: a call lands in many buckets, and parsed
 * events come in many shapes, so reading them once keeps the hot path monomorphic and allocation-free.
 */
export class PreparedCall {
	/** NaN when unusable (not finite or negative). */
	latency = Number.NaN;
	latencyBucket = Number.NaN;
	ttft = Number.NaN;
	ttftBucket = Number.NaN;
	/** NaN when not reported. */
	inputTokens = Number.NaN;
	outputTokens = Number.NaN;
	/** null for a successful call. */
	errorType: string | null = null;

	fill(call: LlmCallEvent): this {
		const latency = call.latencyMs;
		this.latency = Number.isFinite(latency) && latency >= 0 ? latency : Number.NaN;
		this.latencyBucket = bucketOf(this.latency);
		const ttft = call.ttftMs;
		this.ttft = ttft !== undefined && Number.isFinite(ttft) && ttft >= 0 ? ttft : Number.NaN;
		this.ttftBucket = bucketOf(this.ttft);
		this.inputTokens = validTokens(call.inputTokens);
		this.outputTokens = validTokens(call.outputTokens);
		this.errorType = call.status === 'error' ? (call.errorType === undefined || call.errorType === '' ? UNKNOWN_ERROR : call.errorType) : null;
		return this;
	}
}

function validTokens(tokens: number | undefined): number {
	return tokens !== undefined && Number.isFinite(tokens) && tokens >= 0 ? tokens : Number.NaN;
}

/** Everything the performance panel needs about the calls of one bucket (or a merge of buckets). */
export class PerfBucket {
	calls = 0;
	errors = 0;
	latencySum = 0;
	latencyMax = Number.NEGATIVE_INFINITY;
	inputTokens = 0;
	/** Calls that reported input tokens: without any, tokens per second is unknown rather than 0. */
	inputTokenCalls = 0;
	outputTokens = 0;
	outputTokenCalls = 0;
	readonly latency = new LogHistogram();
	readonly ttft = new LogHistogram();
	readonly errorsByType = new Map<string, number>();

	/** Counts a failed call's error; PerfKey keeps a call's other figures itself and writes them back. */
	addError(errorType: string): void {
		this.errors++;
		this.countError(errorType, 1);
	}

	reset(): void {
		this.calls = 0;
		this.errors = 0;
		this.latencySum = 0;
		this.latencyMax = Number.NEGATIVE_INFINITY;
		this.inputTokens = 0;
		this.inputTokenCalls = 0;
		this.outputTokens = 0;
		this.outputTokenCalls = 0;
		this.latency.clear();
		this.ttft.clear();
		if (this.errorsByType.size > 0) this.errorsByType.clear();
	}

	merge(other: PerfBucket): void {
		if (other.calls === 0) return;
		this.calls += other.calls;
		this.errors += other.errors;
		this.latencySum += other.latencySum;
		if (other.latencyMax > this.latencyMax) this.latencyMax = other.latencyMax;
		this.inputTokens += other.inputTokens;
		this.inputTokenCalls += other.inputTokenCalls;
		this.outputTokens += other.outputTokens;
		this.outputTokenCalls += other.outputTokenCalls;
		this.latency.merge(other.latency);
		this.ttft.merge(other.ttft);
		// forEach rather than for-of: no entry arrays are allocated on this frequent path.
		if (other.errorsByType.size > 0) {
			other.errorsByType.forEach((count, type) => {
				this.countError(type, count);
			});
		}
	}

	copyFrom(other: PerfBucket): void {
		this.reset();
		this.merge(other);
	}

	private countError(type: string, count: number): void {
		const known = this.errorsByType.get(type);
		if (known !== undefined) {
			this.errorsByType.set(type, known + count);
		} else if (this.errorsByType.size < MAX_ERROR_TYPES || type === OTHER_KEY) {
			this.errorsByType.set(type, count);
		} else {
			this.errorsByType.set(OTHER_KEY, (this.errorsByType.get(OTHER_KEY) ?? 0) + count);
		}
	}
}
