// Line → validated event (protocols.md §4.5). The per-line boundary: nothing here throws.
import {FieldReader} from './field-reader.js';
import type {WireObject} from './field-reader.js';
import {KnownShapes} from './known-shapes.js';
import type {MonitorEvent, ParseOutcome, WarningCode} from './types.js';
import {LLM_CALL_FIELDS, validateLlmCall} from './validate-llm-call.js';
import {REVENUE_FIELDS, validateRevenue} from './validate-revenue.js';
import {SCORE_FIELDS, validateScore} from './validate-score.js';
import {SPAN_FIELDS, validateSpan} from './validate-span.js';

type Rejected = Extract<ParseOutcome, {ok: false}>;

const NO_WARNINGS: readonly WarningCode[] = Object.freeze([]);

function rejection(reason: string, hint?: string): Rejected {
	return Object.freeze(hint === undefined ? {ok: false as const, reason} : {ok: false as const, reason, hint});
}

// Shared, frozen outcomes for the reasons that carry no detail: a flood of garbage allocates nothing.
const INVALID_JSON = rejection('invalid_json');
const NON_STANDARD_NUMBER = rejection('non_standard_number', 'NaN and Infinity are not JSON (Python: json.dumps(..., allow_nan=False))');
const NOT_AN_OBJECT = rejection('not_an_object');
const UNREADABLE_OBJECT = rejection('not_an_object', 'reading the value failed');
const UNSUPPORTED_VERSION = rejection('unsupported_version', 'only "v":1 is understood');
const UNKNOWN_TYPE = rejection('unknown_type', 'type must be llm_call, score, revenue or span');
const OTLP_NOT_SUPPORTED = rejection('otlp_not_supported', 'OTLP/JSON input is not decoded yet; send llmmon schema v1 events');
const SNAKE_CASE_OTLP = rejection('snake_case_otlp', 'OTLP/JSON keys are lowerCamelCase (resourceSpans), not resource_spans');

// Python's json.dumps writes bare NaN/Infinity; only checked after JSON.parse has already failed.
const BARE_NON_FINITE = /(?:^|[:,[])\s*-?(?:NaN|Infinity)\s*(?:$|[,}\]])/;

function detectOtlp(obj: WireObject): Rejected | undefined {
	if (obj['resourceSpans'] !== undefined || obj['resourceLogs'] !== undefined || obj['resourceMetrics'] !== undefined) return OTLP_NOT_SUPPORTED;
	if (obj['resource_spans'] !== undefined || obj['resource_logs'] !== undefined || obj['resource_metrics'] !== undefined) return SNAKE_CASE_OTLP;
	return undefined;
}

const SPAN_SHAPES = new KnownShapes(SPAN_FIELDS);
const LLM_CALL_SHAPES = new KnownShapes(LLM_CALL_FIELDS);
const SCORE_SHAPES = new KnownShapes(SCORE_FIELDS);
const REVENUE_SHAPES = new KnownShapes(REVENUE_FIELDS);

// One reader serves every parse; taken while in use, so a parse started from inside another
// (a getter of a hostile in-process value) gets its own, and one abandoned by a throw is replaced.
let spareReader: FieldReader | undefined = new FieldReader(0);

function validate(value: unknown, arrivalMs: number): ParseOutcome {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return NOT_AN_OBJECT;
	const obj = value as WireObject;
	const type = obj['type'];
	if (type !== 'span' && type !== 'llm_call' && type !== 'score' && type !== 'revenue') return detectOtlp(obj) ?? checkVersion(obj) ?? UNKNOWN_TYPE;
	const versionProblem = checkVersion(obj);
	if (versionProblem !== undefined) return versionProblem;
	const r = spareReader?.reset(arrivalMs) ?? new FieldReader(arrivalMs);
	spareReader = undefined;
	// Direct calls, not one call through a variable: each site stays monomorphic.
	let event: MonitorEvent | undefined;
	let shapes: KnownShapes;
	if (type === 'span') {
		event = validateSpan(r, obj);
		shapes = SPAN_SHAPES;
	} else if (type === 'llm_call') {
		event = validateLlmCall(r, obj);
		shapes = LLM_CALL_SHAPES;
	} else if (type === 'score') {
		event = validateScore(r, obj);
		shapes = SCORE_SHAPES;
	} else {
		event = validateRevenue(r, obj);
		shapes = REVENUE_SHAPES;
	}
	let outcome: ParseOutcome;
	if (event === undefined || r.failure !== undefined) {
		outcome = r.failure ?? UNREADABLE_OBJECT;
	} else {
		shapes.check(r, obj);
		outcome = {ok: true, event, warnings: r.warnings ?? NO_WARNINGS};
	}
	spareReader = r;
	return outcome;
}

function checkVersion(obj: WireObject): Rejected | undefined {
	const v = obj['v'];
	return v === undefined || v === null || v === 1 ? undefined : UNSUPPORTED_VERSION;
}

/** Validates an already-parsed value (one element of a WS/HTTP batch). Never throws. */
export function parseObject(value: unknown, arrivalMs: number): ParseOutcome {
	try {
		return validate(value, arrivalMs);
	} catch {
		// Only reachable for hostile in-process values (throwing getters, revoked proxies).
		return UNREADABLE_OBJECT;
	}
}

/** Parses and validates one NDJSON line. Never throws. */
export function parseLine(line: string, arrivalMs: number): ParseOutcome {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		return BARE_NON_FINITE.test(line) ? NON_STANDARD_NUMBER : INVALID_JSON;
	}
	return parseObject(value, arrivalMs);
}
