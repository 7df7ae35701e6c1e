// Per-kind field readers. Validators read each wire field by name (monomorphic property loads,
// much faster than a loop of keyed loads) and pass the field's spec from their table; the reader
// records the first rejection or a field-level warning and returns the clean value.
import type {FieldSpec} from './field-spec.js';
import {internLabel} from './label-cache.js';
import {sanitizeText, truncateText} from './sanitize.js';
import {CLOCK_SKEW_MS, epochUnitHint, isPlausible, toEpochMs} from './timestamp.js';

export type Rejection = {readonly ok: false; readonly reason: string; readonly hint?: string};

export type WireObject = Readonly<Record<string, unknown>>;

/** State of one parse: the first rejection wins, warnings are deduplicated. */
export class FieldReader {
	warnings: string[] | undefined = undefined;
	failure: Rejection | undefined = undefined;

	constructor(public arrivalMs: number) {}

	/** Makes the reader fresh for the next parse (one reader serves every line). */
	reset(arrivalMs: number): this {
		this.arrivalMs = arrivalMs;
		this.warnings = undefined;
		this.failure = undefined;
		return this;
	}

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

// Recently seen ids: the spans and calls of one trace arrive together, so most trace and parent
// ids repeat a recent one. A hit skips the character check and returns the earlier string object,
// whose hash V8 has already computed for the trackers' Maps (and the fresh copy from JSON.parse is
// left to die young). Direct-mapped on two characters, so a lookup is one string compare.
const RECENT_ID_SLOTS = 64;
const recentIds: string[] = Array.from({length: RECENT_ID_SLOTS}, () => '');

/** Lower-cased hex id of exactly `length` chars and not all zero, else undefined. No allocation when already lower-case. */
export function normalizeHexId(s: string, length: number): string | undefined {
	if (s.length !== length) return undefined;
	const slot = (s.charCodeAt(0) * 8 + s.charCodeAt(length - 1)) & (RECENT_ID_SLOTS - 1);
	const recent = recentIds[slot]!;
	if (recent === s) return recent;
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
		recentIds[slot] = s;
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
		// Already canonical (the usual case): no lower-casing.
		for (let i = 0; i < values.length; i++) if (values[i] === value) return values[i];
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
