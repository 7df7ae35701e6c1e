// `llm_call` (protocols.md §4.3): one model invocation.
import {cleanText, readBool, readCount, readEventTs, readHex, readNumber, readText} from './field-reader.js';
import type {FieldReader, WireObject} from './field-reader.js';
import {sanitizeRepeated} from './label-cache.js';
import {COMMON_WIRE, MAX_ID_CHARS, MAX_LATENCY_MS, MAX_MESSAGE_CHARS, MAX_MODEL_CHARS, MAX_NAME_CHARS, MAX_TOKENS, field, knownFields} from './field-spec.js';
import {normalizeProvider} from './provider.js';
import type {LlmCallEvent} from './types.js';

export const NO_FEATURE = '(none)';
export const DEFAULT_OPERATION = 'chat';
const MAX_FINISH_REASONS = 16;
const MAX_FINISH_REASON_CHARS = 64;

/** The field table, in validation order (the first failing field names the rejection). */
const F = {
	id: field('id', {max: MAX_ID_CHARS, dropLong: true}),
	service: field('service', {max: MAX_NAME_CHARS, label: true}),
	env: field('env', {max: MAX_NAME_CHARS, label: true}),
	host: field('host', {max: MAX_NAME_CHARS, label: true}),
	model: field('model', {required: true, max: MAX_MODEL_CHARS, label: true}),
	responseModel: field('response_model', {max: MAX_MODEL_CHARS, label: true}),
	provider: field('provider', {max: MAX_NAME_CHARS, label: true}),
	operation: field('operation', {max: 64, label: true}),
	feature: field('feature', {max: MAX_NAME_CHARS, label: true}),
	latencyMs: field('latency_ms', {required: true, max: MAX_LATENCY_MS}),
	ttftMs: field('ttft_ms', {max: MAX_LATENCY_MS}),
	inputTokens: field('input_tokens', {strict: true, max: MAX_TOKENS}),
	outputTokens: field('output_tokens', {strict: true, max: MAX_TOKENS}),
	cacheReadTokens: field('cache_read_tokens', {strict: true, max: MAX_TOKENS}),
	cacheWriteTokens: field('cache_write_tokens', {strict: true, max: MAX_TOKENS}),
	reasoningTokens: field('reasoning_tokens', {strict: true, max: MAX_TOKENS}),
	costUsd: field('cost_usd', {strict: true, max: Number.MAX_VALUE}),
	status: field('status'),
	errorType: field('error_type', {max: MAX_NAME_CHARS, label: true}),
	errorMessage: field('error_message', {max: MAX_MESSAGE_CHARS}),
	finishReasons: field('finish_reasons'),
	stream: field('stream'),
	callId: field('call_id', {max: MAX_ID_CHARS}),
	traceId: field('trace_id', {max: 32}),
	spanId: field('span_id', {max: 16}),
	parentSpanId: field('parent_span_id', {max: 16}),
	responseId: field('response_id', {max: 256}),
	sessionId: field('session_id', {max: MAX_ID_CHARS}),
	userId: field('user_id', {max: MAX_ID_CHARS}),
};

export const LLM_CALL_FIELDS = knownFields(F, [...COMMON_WIRE, 'ts']);

function readStatus(r: FieldReader, value: unknown, hasErrorType: boolean): 'ok' | 'error' {
	if (value === 'ok' || value === 'error') return value;
	if (value === undefined || value === null) return hasErrorType ? 'error' : 'ok';
	if (typeof value !== 'string') {
		r.fail(F.status.wrongType);
		return 'ok';
	}
	const lower = value.toLowerCase();
	if (lower === 'ok' || lower === 'error') return lower;
	// Defaulting an unknown status to `ok` would hide errors from the error rate.
	r.fail(F.status.outOfRange);
	return 'ok';
}

function readFinishReasons(r: FieldReader, value: unknown): string[] | undefined {
	if (value === undefined || value === null) return undefined;
	const spec = F.finishReasons;
	if (typeof value === 'string') return [cleanText(r, value, MAX_FINISH_REASON_CHARS, spec.truncated)];
	if (!Array.isArray(value)) {
		r.warn(spec.dropped);
		return undefined;
	}
	const out: string[] = [];
	for (let i = 0; i < value.length; i++) {
		const item: unknown = value[i];
		if (typeof item !== 'string') {
			r.warn(spec.dropped);
			continue;
		}
		if (out.length === MAX_FINISH_REASONS) {
			r.warn(spec.truncated);
			break;
		}
		// Finish reasons are a handful of words: the same text as cleanText when nothing is cut.
		out.push(item.length <= MAX_FINISH_REASON_CHARS ? sanitizeRepeated(item) : cleanText(r, item, MAX_FINISH_REASON_CHARS, spec.truncated));
	}
	return out;
}

/** The validated event, or undefined with `r.failure` set. */
export function validateLlmCall(r: FieldReader, o: WireObject): LlmCallEvent | undefined {
	const ts = readEventTs(r, o.ts);
	const id = readText(r, o.id, F.id);
	const service = readText(r, o.service, F.service);
	const env = readText(r, o.env, F.env);
	const host = readText(r, o.host, F.host);
	const model = readText(r, o.model, F.model);
	const responseModel = readText(r, o.response_model, F.responseModel);
	const providerRaw = readText(r, o.provider, F.provider);
	const operation = readText(r, o.operation, F.operation);
	const feature = readText(r, o.feature, F.feature);
	const latencyMs = readNumber(r, o.latency_ms, F.latencyMs);
	let ttftMs = readNumber(r, o.ttft_ms, F.ttftMs);
	let inputTokens = readCount(r, o.input_tokens, F.inputTokens);
	let outputTokens = readCount(r, o.output_tokens, F.outputTokens);
	const cacheReadTokens = readCount(r, o.cache_read_tokens, F.cacheReadTokens);
	const cacheWriteTokens = readCount(r, o.cache_write_tokens, F.cacheWriteTokens);
	const reasoningTokens = readCount(r, o.reasoning_tokens, F.reasoningTokens);
	const costUsd = readNumber(r, o.cost_usd, F.costUsd);
	const errorType = readText(r, o.error_type, F.errorType);
	const status = readStatus(r, o.status, errorType !== undefined);
	if (r.failure !== undefined || model === undefined || latencyMs === undefined) return undefined;

	const errorMessage = readText(r, o.error_message, F.errorMessage);
	const finishReasons = readFinishReasons(r, o.finish_reasons);
	const stream = readBool(r, o.stream, F.stream);
	const traceId = readHex(r, o.trace_id, F.traceId);
	const spanId = readHex(r, o.span_id, F.spanId);
	const parentSpanId = readHex(r, o.parent_span_id, F.parentSpanId);
	// The score join key defaults to the span id, then the idempotency id (§4.3).
	const callId = readText(r, o.call_id, F.callId) ?? spanId ?? id;
	const responseId = readText(r, o.response_id, F.responseId);
	const sessionId = readText(r, o.session_id, F.sessionId);
	const userId = readText(r, o.user_id, F.userId);

	// Token counts follow the inclusive convention; a sender using the exclusive one is repaired.
	if (inputTokens !== undefined && (cacheReadTokens ?? 0) + (cacheWriteTokens ?? 0) > inputTokens) {
		inputTokens += (cacheReadTokens ?? 0) + (cacheWriteTokens ?? 0);
		r.warn('usage_adjusted');
	}
	if (outputTokens !== undefined && reasoningTokens !== undefined && reasoningTokens > outputTokens) {
		outputTokens += reasoningTokens;
		r.warn('usage_adjusted');
	}
	if (ttftMs !== undefined && ttftMs > latencyMs + 1) {
		ttftMs = undefined;
		r.warn('ttft_gt_latency');
	}

	// One fixed shape for every call keeps the trackers' property accesses monomorphic.
	return {
		type: 'llm_call',
		ts,
		id,
		service,
		env,
		host,
		model,
		responseModel,
		provider: normalizeProvider(providerRaw, model),
		providerRaw,
		operation: operation ?? DEFAULT_OPERATION,
		feature: feature ?? NO_FEATURE,
		latencyMs,
		ttftMs,
		inputTokens,
		outputTokens,
		cacheReadTokens,
		cacheWriteTokens,
		reasoningTokens,
		costUsd,
		status,
		errorType,
		errorMessage,
		finishReasons,
		stream,
		callId,
		traceId,
		spanId,
		parentSpanId,
		responseId,
		sessionId,
		userId,
	};
}
