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

// Labels (model, provider, feature, service, span names…) take few distinct values but arrive as
// a fresh string on every line. Mapping each to one canonical, already sanitised string object
// lets the trackers' Maps find a key whose hash V8 has cached and that is pointer-equal to theirs,
// and stored events share the memory. Bounded: cleared when full (a high-cardinality label then
// costs a Map insert per event, nothing more).
const LABEL_CACHE_MAX = 4096;
const LABEL_MAX_CHARS = 128;
const labels = new Map<string, string>();

// In front of the Map, a direct-mapped cache on the length and two characters: a Map lookup must
// first hash the fresh string (every character), a slot hit is one string compare.
const LABEL_SLOTS = 128;
const slotRaw: string[] = Array.from({length: LABEL_SLOTS}, () => '');
const slotClean: string[] = Array.from({length: LABEL_SLOTS}, () => '');

export function internLabel(value: string): string {
	const n = value.length;
	if (n > LABEL_MAX_CHARS) return sanitizeText(value);
	const slot = (n * 31 + value.charCodeAt(n >> 1) * 7 + value.charCodeAt(n - 1)) & (LABEL_SLOTS - 1);
	if (slotRaw[slot] === value) return slotClean[slot]!;
	let clean = labels.get(value);
	if (clean === undefined) {
		if (labels.size >= LABEL_CACHE_MAX) labels.clear();
		clean = sanitizeText(value);
		labels.set(value, clean);
	}
	slotRaw[slot] = value;
	slotClean[slot] = clean;
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

// Key sequences already found to hold only known fields, as one trie per known set. JSON.parse
// gives objects of one shape the same (internalised) key strings in the same order, so following
// a line's keys down the trie is a pointer compare or two per key instead of a Set lookup, however
// many optional-field combinations the senders use.
type ShapeNode = {
	readonly key: string;
	/** First child (the key that may follow this one), then the child's siblings via `sibling`. */
	child: ShapeNode | undefined;
	sibling: ShapeNode | undefined;
	/** A known-clean key list ends here. */
	end: boolean;
};

// Bounds the memory a stream of ever-new key orders can take; the trie restarts when it is full.
const MAX_SHAPE_NODES = 4096;

type ShapeTrie = {root: ShapeNode; nodes: number};

const shapeTries = new WeakMap<ReadonlySet<string>, ShapeTrie>();

function newTrie(): ShapeTrie {
	return {root: {key: '', child: undefined, sibling: undefined, end: false}, nodes: 0};
}

function rememberShape(trie: ShapeTrie, keys: readonly string[]): void {
	if (trie.nodes + keys.length > MAX_SHAPE_NODES) {
		trie.root = newTrie().root;
		trie.nodes = 0;
	}
	let node = trie.root;
	for (const key of keys) {
		let next = node.child;
		while (next !== undefined && next.key !== key) next = next.sibling;
		if (next === undefined) {
			next = {key, child: undefined, sibling: node.child, end: false};
			node.child = next;
			trie.nodes++;
		}
		node = next;
	}
	node.end = true;
}

/** Warns `unknown_field:<name>` for top-level keys the type does not know (at most a few per event). */
export function checkUnknownFields(r: FieldReader, obj: WireObject, known: ReadonlySet<string>): void {
	let trie = shapeTries.get(known);
	if (trie === undefined) {
		trie = newTrie();
		shapeTries.set(known, trie);
	}
	let node: ShapeNode | undefined = trie.root;
	for (const key in obj) {
		let next: ShapeNode | undefined = node.child;
		while (next !== undefined && next.key !== key) next = next.sibling;
		node = next;
		if (node === undefined) break;
	}
	if (node?.end === true) return;

	let reported = 0;
	const keys: string[] = [];
	for (const key in obj) {
		keys.push(key);
		if (known.has(key)) continue;
		if (reported++ >= MAX_UNKNOWN_FIELD_WARNINGS) return;
		r.warn('unknown_field:' + sanitizeText(truncateText(key, MAX_UNKNOWN_NAME_CHARS)));
	}
	if (reported === 0) rememberShape(trie, keys);
}
