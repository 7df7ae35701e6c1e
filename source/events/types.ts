// Schema v1 events after validation (../shared/design/protocols.md §4).
// All timestamps are epoch milliseconds; all strings are already sanitised for the terminal.

export type LlmCallEvent = {
	readonly type: 'llm_call';
	readonly ts: number;
	readonly id?: string;
	readonly service?: string;
	readonly env?: string;
	readonly host?: string;
	readonly model: string;
	readonly responseModel?: string;
	/** Normalised provider key (alias map applied); `providerRaw` keeps what the event said. */
	readonly provider: string;
	readonly providerRaw?: string;
	readonly operation: string;
	/** `(none)` when the event had no feature. */
	readonly feature: string;
	readonly latencyMs: number;
	readonly ttftMs?: number;
	/** Inclusive of cache read and cache write tokens (OpenTelemetry convention). */
	readonly inputTokens?: number;
	/** Inclusive of reasoning tokens. */
	readonly outputTokens?: number;
	readonly cacheReadTokens?: number;
	readonly cacheWriteTokens?: number;
	readonly reasoningTokens?: number;
	readonly costUsd?: number;
	readonly status: 'ok' | 'error';
	readonly errorType?: string;
	readonly errorMessage?: string;
	readonly finishReasons?: readonly string[];
	readonly stream?: boolean;
	readonly callId?: string;
	readonly traceId?: string;
	readonly spanId?: string;
	readonly parentSpanId?: string;
	readonly responseId?: string;
	readonly sessionId?: string;
	readonly userId?: string;
};

export type WellKnownScoreName = 'grounding' | 'relevance' | 'user_satisfaction' | 'hallucination';

export type ScoreEvent = {
	readonly type: 'score';
	readonly ts: number;
	readonly id?: string;
	/** Lower-cased, aliases applied (groundedness → grounding, csat → user_satisfaction, ...). */
	readonly name: string;
	/** Booleans for hallucination; numbers otherwise. */
	readonly value: number | boolean;
	readonly callId?: string;
	readonly responseId?: string;
	readonly traceId?: string;
	readonly spanId?: string;
	readonly feature?: string;
	readonly model?: string;
	readonly label?: string;
	readonly explanation?: string;
	readonly evaluator?: 'human' | 'user' | 'llm' | 'code';
	readonly evaluatorName?: string;
};

export type RevenueEvent = {
	readonly type: 'revenue';
	readonly ts: number;
	readonly id?: string;
	readonly feature: string;
	readonly amountUsd: number;
	readonly orderId?: string;
	readonly customerId?: string;
	readonly traceId?: string;
	readonly callId?: string;
};

export type SpanKind = 'internal' | 'server' | 'client' | 'producer' | 'consumer';
export type SpanStatusCode = 'unset' | 'ok' | 'error';
export type AttributeValue = string | number | boolean | ReadonlyArray<string | number | boolean>;

export type SpanEvent = {
	readonly type: 'span';
	/** End time of the span (start + duration); used as the event time. */
	readonly ts: number;
	readonly id?: string;
	readonly traceId: string;
	readonly spanId: string;
	readonly parentSpanId?: string;
	readonly name: string;
	readonly startTs: number;
	readonly durationMs: number;
	readonly kind: SpanKind;
	readonly statusCode: SpanStatusCode;
	readonly statusMessage?: string;
	readonly attributes: Readonly<Record<string, AttributeValue>>;
	readonly events: ReadonlyArray<{readonly ts: number; readonly name: string}>;
	readonly service?: string;
};

export type MonitorEvent = LlmCallEvent | ScoreEvent | RevenueEvent | SpanEvent;

/** Stable reason codes for rejected lines. Field-specific ones carry the field: `missing_field:model`. */
export type RejectReason = string;

/** Field-level problems: the event is kept, the field dropped or repaired. */
export type WarningCode = string;

export type ParseOutcome =
	| {readonly ok: true; readonly event: MonitorEvent; readonly warnings: readonly WarningCode[]}
	| {readonly ok: false; readonly reason: RejectReason; readonly hint?: string};
