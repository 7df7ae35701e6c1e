// `score` (protocols.md §4.3): one quality measurement, attributed to a call, trace or feature.
import {readEnum, readEventTs, readHex, readText} from './field-reader.js';
import type {FieldReader, WireObject} from './field-reader.js';
import {COMMON_WIRE, MAX_ID_CHARS, MAX_MESSAGE_CHARS, MAX_MODEL_CHARS, MAX_NAME_CHARS, field, knownFields} from './field-spec.js';
import type {ScoreEvent} from './types.js';

/** The field table, in validation order. */
const F = {
	id: field('id', {max: MAX_ID_CHARS, dropLong: true}),
	name: field('name', {required: true, max: 64, label: true}),
	value: field('value', {required: true}),
	callId: field('call_id', {max: MAX_ID_CHARS}),
	responseId: field('response_id', {max: 256}),
	traceId: field('trace_id', {max: 32}),
	spanId: field('span_id', {max: 16}),
	feature: field('feature', {max: MAX_NAME_CHARS, label: true}),
	model: field('model', {max: MAX_MODEL_CHARS, label: true}),
	label: field('label', {max: 64}),
	explanation: field('explanation', {max: MAX_MESSAGE_CHARS}),
	evaluator: field('evaluator'),
	evaluatorName: field('evaluator_name', {max: MAX_NAME_CHARS, label: true}),
};

// service/env/host are common fields (§4.2) the score event has no place for: known, not kept.
export const SCORE_FIELDS = knownFields(F, [...COMMON_WIRE, 'ts', 'service', 'env', 'host']);

/** OTel/OpenLIT/RAGAS names mapped onto the four well-known ones (§4.3). */
const NAME_ALIASES: ReadonlyMap<string, string> = new Map([
	['groundedness', 'grounding'],
	['faithfulness', 'grounding'],
	['answer_relevancy', 'relevance'],
	['context_relevancy', 'relevance'],
	['relevancy', 'relevance'],
	['csat', 'user_satisfaction'],
	['rating', 'user_satisfaction'],
]);

export function normalizeScoreName(name: string): string {
	// The well-known names as sent (the usual case) are already normal.
	if (name === 'grounding' || name === 'relevance' || name === 'user_satisfaction' || name === 'hallucination') return name;
	const lower = name.toLowerCase();
	return NAME_ALIASES.get(lower) ?? lower;
}

function readValue(r: FieldReader, name: string, value: unknown): number | boolean | undefined {
	const spec = F.value;
	if (value === undefined || value === null) {
		r.fail(spec.missing);
		return undefined;
	}
	const isNumber = typeof value === 'number';
	if (!isNumber && typeof value !== 'boolean') {
		r.fail(spec.wrongType);
		return undefined;
	}
	switch (name) {
		case 'grounding':
		case 'relevance': {
			if (!isNumber) break;
			if (value >= 0 && value <= 1) return value;
			r.fail(spec.outOfRange);
			return undefined;
		}
		case 'user_satisfaction': {
			if (!isNumber) break;
			if (Number.isInteger(value) && value >= 1 && value <= 5) return value;
			r.fail(spec.outOfRange);
			return undefined;
		}
		case 'hallucination': {
			if (!isNumber) return value;
			if (value === 0 || value === 1) return value === 1;
			r.fail(spec.outOfRange);
			return undefined;
		}
		default: {
			if (!isNumber || Number.isFinite(value)) return value;
			r.fail(spec.outOfRange);
			return undefined;
		}
	}
	r.fail(spec.wrongType);
	return undefined;
}

const EVALUATORS = ['human', 'user', 'llm', 'code'] as const;

export function validateScore(r: FieldReader, o: WireObject): ScoreEvent | undefined {
	const ts = readEventTs(r, o.ts);
	const id = readText(r, o.id, F.id);
	const rawName = readText(r, o.name, F.name);
	const name = rawName === undefined ? '' : normalizeScoreName(rawName);
	const value = rawName === undefined ? undefined : readValue(r, name, o.value);
	const callId = readText(r, o.call_id, F.callId);
	const responseId = readText(r, o.response_id, F.responseId);
	const traceId = readHex(r, o.trace_id, F.traceId);
	const spanId = readHex(r, o.span_id, F.spanId);
	const feature = readText(r, o.feature, F.feature);
	if (r.failure !== undefined || value === undefined) return undefined;
	if (callId === undefined && responseId === undefined && traceId === undefined && feature === undefined) {
		r.fail('unattributable_score');
		return undefined;
	}
	return {
		type: 'score',
		ts,
		id,
		name,
		value,
		callId,
		responseId,
		traceId,
		spanId,
		feature,
		model: readText(r, o.model, F.model),
		label: readText(r, o.label, F.label),
		explanation: readText(r, o.explanation, F.explanation),
		evaluator: readEnum(r, o.evaluator, F.evaluator, EVALUATORS),
		evaluatorName: readText(r, o.evaluator_name, F.evaluatorName),
	};
}
