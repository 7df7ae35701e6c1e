// Per-kind field readers. Validators read each wire field by name (monomorphic property loads,
// much faster than a loop of keyed loads) and pass the field's spec from their table; the reader
// records the first rejection or a field-level warning and returns the clean value.
import type {FieldSpec} from './field-spec.js';
import {sanitizeText, truncateText} from './sanitize.js';
import {CLOCK_SKEW_MS, epochUnitHint, isPlausible, toEpochMs} from './timestamp.js';

export type Rejection = {readonly ok: false; readonly reason: string; readonly hint?: string};

export type WireObject = Readonly<Record<string, unknown>>;

export const MAX_UNKNOWN_FIELD_WARNINGS = 8;
const MAX_UNKNOWN_NAME_CHARS = 64;

/** State of one parse: the first rejection wins, warnings are deduplicated. */
export class FieldReader {
	warnings: string[] | undefined = undefined;
	failure: Rejection | undefined = undefined;

	constructor(readonly arrivalMs: number) {}

	warn(code: string): void {
		if (this.warnings === undefined) this.warnings = [code];
		else if (!this.warnings.includes(code)) this.warnings.push(code);
	}

	fail(reason: string, hint?: string): void {
		if (this.failure !== undefined) return;
		this.failure = hint === undefined ? {ok: false, reason} : {ok: false, reason, hint};
	}
}

// Per character code below 128: bit 0 = lower-case hex digit, bit 1 = not '0'.
const HEX_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) HEX_CLASS[c] = c === 48 ? 1 : 3;
for (let c = 97; c <= 102; c++) HEX_CLASS[c] = 3;

// Ids of the last few events: the spans and calls of one trace arrive together, so most trace
// and parent ids repeat a recent one. A hit skips the character check and returns the earlier
// string object, whose hash V8 has already computed for the trackers' Maps (and the fresh copy
// from JSON.parse is left to die young).
const RECENT_IDS = 8;
const recentIds: string[] = Array.from({length: RECENT_IDS}, () => '');
let recentNext = 0;

/** Lower-cased hex id of exactly `length` chars and not all zero, else undefined. No allocation when already lower-case. */
export function normalizeHexId(s: string, length: number): string | undefined {
	if (s.length !== length) return undefined;
	for (let i = 0; i < RECENT_IDS; i++) {
		const recent = recentIds[i]!;
		if (recent === s) return recent;
	}
	// Fast path: lower-case hex, one table lookup per character.
	let isHex = 1;
	let nonZero = 0;
	for (let i = 0; i < length; i++) {
		const c = s.charCodeAt(i);
		const bits = c < 128 ? HEX_CLASS[c]! : 0;
		isHex &= bits;
		nonZero |= bits;
	}
	if (isHex === 1) {
		if ((nonZero & 2) === 0) return undefined;
		recentIds[recentNext] = s;
		recentNext = (recentNext + 1) % RECENT_IDS;
		return s;
	}
	return normalizeMixedCaseHexId(s, length);
}

function normalizeMixedCaseHexId(s: string, length: number): string | undefined {
	let upper = false;
	let nonZero = false;
	for (let i = 0; i < length; i++) {
		const c = s.charCodeAt(i);
		if (c >= 48 && c <= 57) {
			if (c !== 48) nonZero = true;
		} else if (c >= 97 && c <= 102) {
			nonZero = true;
		} else if (c >= 65 && c <= 70) {
			nonZero = true;
			upper = true;
		} else {
			return undefined;
		}
	}
	if (!nonZero) return undefined;
	return upper ? s.toLowerCase() : s;
}

/** Truncates (with a warning) and sanitises one string value. */
export function cleanText(r: FieldReader, s: string, max: number, truncatedCode: string): string {
	if (s.length > max) {
		r.warn(truncatedCode);
		return sanitizeText(truncateText(s, max));
	}
	return sanitizeText(s);
}

function invalid(r: FieldReader, spec: FieldSpec, code: string): undefined {
	if (spec.strict) r.fail(code);
	else r.warn(spec.dropped);
	return undefined;
}

function absent(r: FieldReader, spec: FieldSpec): undefined {
	if (spec.required) r.fail(spec.missing);
	return undefined;
}

// Labels (model, provider, feature, service, span names…) take few distinct values but arrive as
// a fresh string on every line. Mapping each to one canonical, already sanitised string object
// lets the trackers' Maps find a key whose hash V8 has cached and that is pointer-equal to theirs,
// and stored events share the memory. Bounded: cleared when full (a high-cardinality label then
// costs a Map insert per event, nothing more).
const LABEL_CACHE_MAX = 4096;
const LABEL_MAX_CHARS = 128;
const labels = new Map<string, string>();

export function internLabel(value: string): string {
	if (value.length > LABEL_MAX_CHARS) return sanitizeText(value);
	const known = labels.get(value);
	if (known !== undefined) return known;
	if (labels.size >= LABEL_CACHE_MAX) labels.clear();
	const clean = sanitizeText(value);
	labels.set(value, clean);
	return clean;
}

/** A string of at most spec.max chars (longer: truncated, or with `dropLong` invalid). Empty counts as absent. */
export function readText(r: FieldReader, value: unknown, spec: FieldSpec): string | undefined {
	if (typeof value === 'string') {
		if (value.length === 0) return absent(r, spec);
		if (value.length > spec.max) {
			if (spec.dropLong) return invalid(r, spec, spec.outOfRange);
			r.warn(spec.truncated);
			return sanitizeText(truncateText(value, spec.max));
		}
		return spec.label ? internLabel(value) : sanitizeText(value);
	}
	if (value === undefined || value === null) return absent(r, spec);
	return invalid(r, spec, spec.wrongType);
}

/** A non-negative safe integer ≤ spec.max. */
export function readCount(r: FieldReader, value: unknown, spec: FieldSpec): number | undefined {
	if (typeof value === 'number') {
		if (Number.isSafeInteger(value) && value >= 0 && value <= spec.max) return value;
		return invalid(r, spec, spec.outOfRange);
	}
	if (value === undefined || value === null) return absent(r, spec);
	return invalid(r, spec, spec.wrongType);
}

/** A finite number in [spec.min, spec.max]. */
export function readNumber(r: FieldReader, value: unknown, spec: FieldSpec): number | undefined {
	if (typeof value === 'number') {
		if (value >= spec.min && value <= spec.max && Number.isFinite(value)) return value;
		return invalid(r, spec, spec.outOfRange);
	}
	if (value === undefined || value === null) return absent(r, spec);
	return invalid(r, spec, spec.wrongType);
}

export function readBool(r: FieldReader, value: unknown, spec: FieldSpec): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (value === undefined || value === null) return absent(r, spec);
	return invalid(r, spec, spec.wrongType);
}

/** Hex id of spec.max chars; strict ids reject with `invalid_id`, optional ones are dropped ("" silently). */
export function readHex(r: FieldReader, value: unknown, spec: FieldSpec): string | undefined {
	if (value === undefined || value === null) return absent(r, spec);
	const id = typeof value === 'string' ? normalizeHexId(value, spec.max) : undefined;
	if (id !== undefined) return id;
	if (spec.strict) r.fail('invalid_id');
	else if (value !== '') r.warn(spec.dropped);
	return undefined;
}

/** One of `values`, compared lower-cased. */
export function readEnum<T extends string>(r: FieldReader, value: unknown, spec: FieldSpec, values: readonly T[]): T | undefined {
	if (typeof value === 'string') {
		const lower = value.toLowerCase();
		const found = values.find(v => v === lower);
		return found ?? invalid(r, spec, spec.outOfRange);
	}
	if (value === undefined || value === null) return absent(r, spec);
	return invalid(r, spec, spec.wrongType);
}

/** Epoch ms of a timestamp value (plausibility checked), or NaN after recording the rejection. */
export function readTime(r: FieldReader, value: unknown): number {
	const ms = toEpochMs(value);
	if (Number.isNaN(ms)) {
		r.fail('invalid_timestamp');
		return Number.NaN;
	}
	if (!isPlausible(ms, r.arrivalMs)) {
		r.fail('implausible_timestamp', typeof value === 'number' ? epochUnitHint(value) : undefined);
		return Number.NaN;
	}
	return ms;
}

/**
 * The event time of llm_call, score and revenue: absent → arrival (`ts_missing`), more than
 * 5 minutes ahead of arrival → arrival (`clock_skew`), so skewed clocks cannot fill future buckets.
 */
export function readEventTs(r: FieldReader, value: unknown): number {
	if (value === undefined || value === null) {
		r.warn('ts_missing');
		return r.arrivalMs;
	}
	const ms = readTime(r, value);
	if (ms > r.arrivalMs + CLOCK_SKEW_MS) {
		r.warn('clock_skew');
		return r.arrivalMs;
	}
	return ms;
}

// Key lists already found to hold only known fields, per known set. JSON.parse gives objects of
// one shape the same (internalised) key strings in the same order, so comparing a line's keys with
// a remembered list is a few pointer compares instead of a Set lookup per key.
const KNOWN_SHAPES = 8;
const knownShapes = new WeakMap<ReadonlySet<string>, string[][]>();

/** Warns `unknown_field:<name>` for top-level keys the type does not know (at most a few per event). */
export function checkUnknownFields(r: FieldReader, obj: WireObject, known: ReadonlySet<string>): void {
	let shapes = knownShapes.get(known);
	if (shapes === undefined) {
		shapes = [];
		knownShapes.set(known, shapes);
	}
	for (let s = 0; s < shapes.length; s++) {
		const shape = shapes[s]!;
		let index = 0;
		let same = true;
		for (const key in obj) {
			if (shape[index] !== key) {
				same = false;
				break;
			}
			index++;
		}
		if (same && index === shape.length) return;
	}

	let reported = 0;
	const keys: string[] = [];
	for (const key in obj) {
		keys.push(key);
		if (known.has(key)) continue;
		if (reported++ >= MAX_UNKNOWN_FIELD_WARNINGS) return;
		r.warn('unknown_field:' + sanitizeText(truncateText(key, MAX_UNKNOWN_NAME_CHARS)));
	}
	if (reported === 0) {
		if (shapes.length >= KNOWN_SHAPES) shapes.pop();
		shapes.unshift(keys);
	}
}
