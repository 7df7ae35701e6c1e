// `span` (protocols.md §4.3): a generic trace span for apps without an OTel SDK.
import {cleanText, normalizeHexId, readHex, readNumber, readText, readTime} from './field-reader.js';
import type {FieldReader, WireObject} from './field-reader.js';
import {COMMON_WIRE, MAX_ID_CHARS, MAX_MESSAGE_CHARS, MAX_NAME_CHARS, field, knownFields} from './field-spec.js';
import {internLabel, sanitizeRepeated} from './label-cache.js';
import {CLOCK_SKEW_MS, epochUnitHint, isPlausible, toEpochMs} from './timestamp.js';
import type {AttributeValue, SpanEvent, SpanKind, SpanStatusCode} from './types.js';

export const MAX_SPAN_ATTRIBUTES = 128;
export const MAX_SPAN_EVENTS = 128;
const MAX_ATTRIBUTE_KEY_CHARS = 256;
const MAX_ATTRIBUTE_ARRAY = 128;

/** The field table, in validation order. */
const F = {
	id: field('id', {max: MAX_ID_CHARS, dropLong: true}),
	traceId: field('trace_id', {required: true, max: 32}),
	spanId: field('span_id', {required: true, max: 16}),
	name: field('name', {required: true, max: 256, label: true}),
	startTs: field('start_ts', {required: true}),
	endTs: field('end_ts'),
	durationMs: field('duration_ms', {strict: true, max: Number.MAX_VALUE}),
	service: field('service', {max: MAX_NAME_CHARS, label: true}),
	parentSpanId: field('parent_span_id'),
	kind: field('kind'),
	status: field('status'),
	attributes: field('attributes'),
	events: field('events'),
	resource: field('resource'),
};

// `ts` is ignored on spans (their event time is the end time), env/host have no place here.
export const SPAN_FIELDS = knownFields(F, [...COMMON_WIRE, 'ts', 'env', 'host']);

const KINDS: readonly SpanKind[] = ['internal', 'server', 'client', 'producer', 'consumer'];
const STATUS_CODES: readonly SpanStatusCode[] = ['unset', 'ok', 'error'];

function isPlainObject(value: unknown): value is WireObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accepts the schema names and, leniently, OTLP's `SPAN_KIND_CLIENT` and integer 1..5. */
function readKind(r: FieldReader, value: unknown): SpanKind {
	if (value === undefined || value === null) return 'internal';
	if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 5) return KINDS[value - 1] ?? 'internal';
	if (typeof value === 'string') {
		// Already canonical (the usual case): no lower-casing and no search.
		switch (value) {
			case 'internal':
			case 'server':
			case 'client':
			case 'producer':
			case 'consumer':
				return value;
		}
		let lower = value.toLowerCase();
		if (lower.startsWith('span_kind_')) lower = lower.slice(10);
		const found = KINDS.find(k => k === lower);
		if (found !== undefined) return found;
	}
	r.warn(F.kind.dropped);
	return 'internal';
}

function readStatusCode(value: unknown): SpanStatusCode | undefined {
	if (typeof value === 'number') return Number.isInteger(value) ? STATUS_CODES[value] : undefined;
	if (typeof value !== 'string') return undefined;
	if (value === 'ok' || value === 'error' || value === 'unset') return value;
	let lower = value.toLowerCase();
	if (lower.startsWith('status_code_')) lower = lower.slice(12);
	return STATUS_CODES.find(c => c === lower);
}

function isScalar(value: unknown): value is string | number | boolean {
	return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function cleanScalar(r: FieldReader, value: string | number | boolean): string | number | boolean {
	if (typeof value !== 'string') return value;
	// Attribute values repeat (routes, peers, status texts): the same text as cleanText when nothing is cut.
	return value.length <= MAX_MESSAGE_CHARS ? sanitizeRepeated(value) : cleanText(r, value, MAX_MESSAGE_CHARS, F.attributes.truncated);
}

function readAttributeValue(r: FieldReader, value: unknown): AttributeValue | undefined {
	if (isScalar(value)) return cleanScalar(r, value);
	if (!Array.isArray(value)) return undefined;
	const out: Array<string | number | boolean> = [];
	for (let i = 0; i < value.length; i++) {
		const item: unknown = value[i];
		if (!isScalar(item)) return undefined;
		if (out.length === MAX_ATTRIBUTE_ARRAY) {
			r.warn(F.attributes.truncated);
			break;
		}
		out.push(cleanScalar(r, item));
	}
	return out;
}

// Shared by every span without attributes or events: spans are most of the traffic and the
// trace store keeps thousands of them, so an empty object or array each adds up (events are readonly).
const NO_ATTRIBUTES: Readonly<Record<string, AttributeValue>> = Object.freeze({});
const NO_EVENTS: ReadonlyArray<{readonly ts: number; readonly name: string}> = Object.freeze([]);

/**
 * The usual case, attributes that are already clean scalars: one spread, then a check of the
 * copy (not of the original, whose getters could answer differently twice). Building the object
 * key by key costs a megamorphic, map-transitioning store per attribute.
 */
function copyIfClean(value: WireObject): Record<string, AttributeValue> | undefined {
	const copy: Record<string, unknown> = {...value};
	let count = 0;
	for (const key in copy) {
		const v = copy[key];
		if (typeof v === 'string') {
			if (v.length > MAX_MESSAGE_CHARS || sanitizeRepeated(v) !== v) return undefined;
		} else if (typeof v === 'number') {
			if (!Number.isFinite(v)) return undefined;
		} else if (typeof v !== 'boolean') {
			return undefined;
		}
		if (key.length > MAX_ATTRIBUTE_KEY_CHARS || internLabel(key) !== key || ++count > MAX_SPAN_ATTRIBUTES) return undefined;
	}
	return copy as Record<string, AttributeValue>;
}

/** Copies scalar (or scalar-array) attributes; nested objects and nulls are dropped with one warning. */
export function readAttributes(r: FieldReader, value: unknown): Readonly<Record<string, AttributeValue>> {
	if (value === undefined || value === null) return NO_ATTRIBUTES;
	if (!isPlainObject(value)) {
		r.warn(F.attributes.dropped);
		return NO_ATTRIBUTES;
	}
	const clean = copyIfClean(value);
	if (clean !== undefined) return clean;
	const out: Record<string, AttributeValue> = {};
	let count = 0;
	for (const rawKey of Object.keys(value)) {
		const v = readAttributeValue(r, value[rawKey]);
		if (v === undefined) {
			r.warn(F.attributes.dropped);
			continue;
		}
		if (count === MAX_SPAN_ATTRIBUTES) {
			r.warn(F.attributes.truncated);
			break;
		}
		// Attribute keys take few distinct values: interned like labels (the same text as cleanText
		// gives whenever nothing is cut).
		const key = rawKey.length <= MAX_ATTRIBUTE_KEY_CHARS ? internLabel(rawKey) : cleanText(r, rawKey, MAX_ATTRIBUTE_KEY_CHARS, F.attributes.truncated);
		// A `__proto__` key must become a plain property, not the prototype; any other key can be
		// assigned (defineProperty for every key cost a descriptor object and a slow path per span).
		if (key === '__proto__') Object.defineProperty(out, key, {value: v, enumerable: true, writable: true, configurable: true});
		else out[key] = v;
		count++;
	}
	return out;
}

function readEvents(r: FieldReader, value: unknown): ReadonlyArray<{readonly ts: number; readonly name: string}> {
	if (value === undefined || value === null) return NO_EVENTS;
	if (!Array.isArray(value)) {
		r.warn(F.events.dropped);
		return NO_EVENTS;
	}
	const out: Array<{ts: number; name: string}> = [];
	for (let i = 0; i < value.length; i++) {
		const item: unknown = value[i];
		const name = isPlainObject(item) ? item['name'] : undefined;
		const ts = isPlainObject(item) ? toEpochMs(item['ts']) : Number.NaN;
		if (typeof name !== 'string' || name === '' || Number.isNaN(ts) || !isPlausible(ts, r.arrivalMs)) {
			r.warn(F.events.dropped);
			continue;
		}
		if (out.length === MAX_SPAN_EVENTS) {
			r.warn(F.events.truncated);
			break;
		}
		out.push({ts, name: cleanText(r, name, 256, F.events.truncated)});
	}
	return out;
}

function readResourceService(r: FieldReader, value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (!isPlainObject(value)) {
		r.warn(F.resource.dropped);
		return undefined;
	}
	const service = value['service.name'];
	if (typeof service !== 'string' || service === '') return undefined;
	return service.length <= MAX_NAME_CHARS ? internLabel(service) : cleanText(r, service, MAX_NAME_CHARS, F.service.truncated);
}

/** The status code, or undefined (with a warning) when it is not one. */
function readStatus(r: FieldReader, value: unknown): SpanStatusCode | undefined {
	if (value === undefined || value === null) return 'unset';
	const codeValue = isPlainObject(value) ? value['code'] : value;
	const code = codeValue === undefined || codeValue === null ? 'unset' : readStatusCode(codeValue);
	if (code === undefined) r.warn(F.status.dropped);
	return code;
}

/** The status message of a status object whose code was valid. */
function readStatusMessage(r: FieldReader, value: unknown): string | undefined {
	const message = isPlainObject(value) ? value['message'] : undefined;
	return typeof message === 'string' && message !== '' ? cleanText(r, message, MAX_MESSAGE_CHARS, F.status.truncated) : undefined;
}

function readParent(r: FieldReader, value: unknown): string | undefined {
	// Absent, null and "" all mean a root span (the OTLP file-exporter example sends "").
	if (value === undefined || value === null || value === '') return undefined;
	const id = typeof value === 'string' ? normalizeHexId(value, 16) : undefined;
	if (id === undefined) r.warn(F.parentSpanId.dropped);
	return id;
}

export function validateSpan(r: FieldReader, o: WireObject): SpanEvent | undefined {
	const id = readText(r, o.id, F.id);
	const traceId = readHex(r, o.trace_id, F.traceId);
	const spanId = readHex(r, o.span_id, F.spanId);
	const name = readText(r, o.name, F.name);
	const startValue = o.start_ts;
	if (startValue === undefined || startValue === null) r.fail(F.startTs.missing);
	let startTs = readTime(r, startValue);
	const endValue = o.end_ts;
	const endTs = endValue === undefined || endValue === null ? undefined : readTime(r, endValue);
	const durationValue = readNumber(r, o.duration_ms, F.durationMs);
	if (r.failure !== undefined || traceId === undefined || spanId === undefined || name === undefined) return undefined;

	let durationMs: number;
	if (endTs !== undefined) {
		if (endTs < startTs) {
			r.fail(F.endTs.outOfRange);
			return undefined;
		}
		durationMs = endTs - startTs;
	} else if (durationValue !== undefined) {
		durationMs = durationValue;
		if (!isPlausible(startTs + durationMs, r.arrivalMs)) {
			r.fail('implausible_timestamp', epochUnitHint(durationMs));
			return undefined;
		}
	} else {
		r.fail(F.endTs.missing);
		return undefined;
	}
	let ts = startTs + durationMs;
	if (ts > r.arrivalMs + CLOCK_SKEW_MS) {
		r.warn('clock_skew');
		ts = r.arrivalMs;
		startTs = ts - durationMs;
	}

	const status = o.status;
	const statusCode = readStatus(r, status);
	const statusMessage = statusCode === undefined ? undefined : readStatusMessage(r, status);
	return {
		type: 'span',
		ts,
		id,
		traceId,
		spanId,
		parentSpanId: readParent(r, o.parent_span_id),
		name,
		startTs,
		durationMs,
		kind: readKind(r, o.kind),
		statusCode: statusCode ?? 'unset',
		statusMessage,
		attributes: readAttributes(r, o.attributes),
		events: readEvents(r, o.events),
		service: readText(r, o.service, F.service) ?? readResourceService(r, o.resource),
	};
}
