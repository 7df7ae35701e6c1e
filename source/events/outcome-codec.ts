// Parse outcomes as a compact batch that crosses a thread boundary cheaply: numbers in one
// Float64Array (transferred, not copied), strings in one array, and repeating labels (models,
// providers, features, span names, warning codes, attribute keys) as numbers into a dictionary that
// both ends grow in step. Structured-cloning the event objects themselves costs more than parsing the
// JSON again (measured: 1.9 µs against 1.0 µs per event), which would defeat parsing in a worker.
// The decoder rebuilds objects with exactly the validators' key order, so trackers see one shape.
import type {AttributeValue, LlmCallEvent, ParseOutcome, RevenueEvent, ScoreEvent, SpanEvent, SpanKind, SpanStatusCode} from './types.js';

export type OutcomeBatch = {
	/** Outcomes in the batch. */
	readonly count: number;
	readonly nums: Float64Array;
	readonly strs: readonly string[];
	/** Dictionary entries first used in this batch, in id order. */
	readonly labels: readonly string[];
	/** The dictionary was emptied before this batch's labels (it is bounded). */
	readonly resetLabels: boolean;
};

/** Dictionary size at which the encoder starts over (checked between batches only). */
export const MAX_LABELS = 4096;

const REJECTED = 0;
const LLM_CALL = 1;
const SCORE = 2;
const REVENUE = 3;
const SPAN = 4;

const ATTR_STRING = 0;
const ATTR_NUMBER = 1;
const ATTR_BOOLEAN = 2;
const ATTR_ARRAY = 3;

const NO_LABEL = -1;

const NO_WARNINGS: readonly string[] = Object.freeze([]);
const NO_ATTRIBUTES: Readonly<Record<string, AttributeValue>> = Object.freeze({});
const NO_SPAN_EVENTS: ReadonlyArray<{readonly ts: number; readonly name: string}> = Object.freeze([]);

export class OutcomeEncoder {
	#nums = new Float64Array(4096);
	#n = 0;
	#strs: string[] = [];
	#labels: string[] = [];
	#reset = false;
	#count = 0;
	/** Presence bits of the current outcome's optional strings, written to nums[#maskAt] at its end. */
	#mask = 0;
	#bit = 1;
	readonly #dictionary = new Map<string, number>();

	/** Outcomes added since the last take(). */
	get size(): number {
		return this.#count;
	}

	/**
	 * Adds one line's outcome. `raw` travels only where the receiver can need it: for rejections and
	 * for events with an id (the Monitor may find them duplicates and log the line).
	 */
	add(outcome: ParseOutcome, raw: string): void {
		this.#count++;
		this.#mask = 0;
		this.#bit = 1;
		if (!outcome.ok) {
			this.#num(REJECTED);
			const maskAt = this.#reserve();
			this.#strs.push(outcome.reason, raw);
			this.#maybe(outcome.hint);
			this.#nums[maskAt] = this.#mask;
			return;
		}
		const {event, warnings} = outcome;
		// 0 is a rejection, so an accepted outcome's head is its warning count + 1.
		this.#num(warnings.length + 1);
		const maskAt = this.#reserve();
		for (let i = 0; i < warnings.length; i++) this.#label(warnings[i]);
		this.#maybe(event.id === undefined ? undefined : raw);
		switch (event.type) {
			case 'llm_call':
				this.#llmCall(event);
				break;
			case 'score':
				this.#score(event);
				break;
			case 'revenue':
				this.#revenue(event);
				break;
			case 'span':
				this.#span(event);
				break;
		}
		this.#nums[maskAt] = this.#mask;
	}

	/** The batch of everything added since the last take, and a fresh start for the next. */
	take(): OutcomeBatch {
		const batch: OutcomeBatch = {
			count: this.#count,
			nums: this.#nums.slice(0, this.#n),
			strs: this.#strs,
			labels: this.#labels,
			resetLabels: this.#reset,
		};
		this.#n = 0;
		this.#count = 0;
		this.#strs = [];
		this.#labels = [];
		this.#reset = false;
		if (this.#dictionary.size >= MAX_LABELS) {
			this.#dictionary.clear();
			this.#reset = true;
		}
		return batch;
	}

	#num(value: number): void {
		if (this.#n === this.#nums.length) {
			const grown = new Float64Array(this.#nums.length * 2);
			grown.set(this.#nums);
			this.#nums = grown;
		}
		this.#nums[this.#n++] = value;
	}

	/** A nums slot filled in later; the array may grow meanwhile, so callers keep the index. */
	#reserve(): number {
		this.#num(0);
		return this.#n - 1;
	}

	/** An optional string: only present ones travel (undefined costs a bit, not an array slot). */
	#maybe(value: string | undefined): void {
		if (value !== undefined) {
			this.#strs.push(value);
			this.#mask |= this.#bit;
		}
		this.#bit *= 2;
	}

	/** undefined → NaN, so absent and present numbers share one slot. */
	#opt(value: number | undefined): void {
		this.#num(value ?? Number.NaN);
	}

	#label(value: string | undefined): void {
		if (value === undefined) {
			this.#num(NO_LABEL);
			return;
		}
		let id = this.#dictionary.get(value);
		if (id === undefined) {
			id = this.#dictionary.size;
			this.#dictionary.set(value, id);
			this.#labels.push(value);
		}
		this.#num(id);
	}

	#llmCall(e: LlmCallEvent): void {
		this.#num(LLM_CALL);
		this.#num(e.ts);
		this.#label(e.service);
		this.#label(e.env);
		this.#label(e.host);
		this.#label(e.model);
		this.#label(e.responseModel);
		this.#label(e.provider);
		this.#label(e.providerRaw);
		this.#label(e.operation);
		this.#label(e.feature);
		this.#num(e.latencyMs);
		this.#opt(e.ttftMs);
		this.#opt(e.inputTokens);
		this.#opt(e.outputTokens);
		this.#opt(e.cacheReadTokens);
		this.#opt(e.cacheWriteTokens);
		this.#opt(e.reasoningTokens);
		this.#opt(e.costUsd);
		this.#num(e.status === 'error' ? 1 : 0);
		this.#label(e.errorType);
		this.#num(e.stream === undefined ? Number.NaN : e.stream ? 1 : 0);
		const reasons = e.finishReasons;
		this.#num(reasons === undefined ? -1 : reasons.length);
		if (reasons !== undefined) for (let i = 0; i < reasons.length; i++) this.#label(reasons[i]);
		this.#maybe(e.id);
		this.#maybe(e.errorMessage);
		this.#maybe(e.callId);
		this.#maybe(e.traceId);
		this.#maybe(e.spanId);
		this.#maybe(e.parentSpanId);
		this.#maybe(e.responseId);
		this.#maybe(e.sessionId);
		this.#maybe(e.userId);
	}

	#score(e: ScoreEvent): void {
		this.#num(SCORE);
		this.#num(e.ts);
		const {value} = e;
		this.#num(typeof value === 'boolean' ? 1 : 0);
		this.#num(typeof value === 'boolean' ? (value ? 1 : 0) : value);
		this.#label(e.name);
		this.#label(e.feature);
		this.#label(e.model);
		this.#label(e.label);
		this.#label(e.evaluator);
		this.#label(e.evaluatorName);
		this.#maybe(e.id);
		this.#maybe(e.callId);
		this.#maybe(e.responseId);
		this.#maybe(e.traceId);
		this.#maybe(e.spanId);
		this.#maybe(e.explanation);
	}

	#revenue(e: RevenueEvent): void {
		this.#num(REVENUE);
		this.#num(e.ts);
		this.#num(e.amountUsd);
		this.#label(e.feature);
		this.#maybe(e.id);
		this.#maybe(e.orderId);
		this.#maybe(e.customerId);
		this.#maybe(e.traceId);
		this.#maybe(e.callId);
	}

	#span(e: SpanEvent): void {
		this.#num(SPAN);
		this.#num(e.ts);
		this.#num(e.startTs);
		this.#num(e.durationMs);
		this.#label(e.name);
		this.#label(e.kind);
		this.#label(e.statusCode);
		this.#label(e.service);
		this.#maybe(e.id);
		this.#strs.push(e.traceId, e.spanId);
		this.#maybe(e.parentSpanId);
		this.#maybe(e.statusMessage);
		const {attributes} = e;
		const keys = Object.keys(attributes);
		this.#num(keys.length);
		for (let i = 0; i < keys.length; i++) {
			const key = keys[i]!;
			this.#label(key);
			this.#attribute(attributes[key]!);
		}
		const {events} = e;
		this.#num(events.length);
		for (let i = 0; i < events.length; i++) {
			const item = events[i]!;
			this.#num(item.ts);
			this.#strs.push(item.name);
		}
	}

	#attribute(value: AttributeValue): void {
		if (typeof value === 'string') {
			this.#num(ATTR_STRING);
			this.#strs.push(value);
		} else if (typeof value === 'number') {
			this.#num(ATTR_NUMBER);
			this.#num(value);
		} else if (typeof value === 'boolean') {
			this.#num(ATTR_BOOLEAN);
			this.#num(value ? 1 : 0);
		} else {
			this.#num(ATTR_ARRAY);
			this.#num(value.length);
			for (let i = 0; i < value.length; i++) this.#attribute(value[i]!);
		}
	}
}

/** Receives one decoded outcome with the raw line where it was sent ('' otherwise). */
export type OutcomeVisitor = (outcome: ParseOutcome, raw: string) => void;

/** A batch that does not decode (a bug or a foreign sender): what was decoded stands, the rest is reported. */
export class OutcomeBatchError extends Error {
	constructor(readonly decoded: number) {
		super(`outcome batch malformed after ${decoded} outcomes`);
	}
}

export class OutcomeDecoder {
	#labels: string[] = [];
	#nums: Float64Array<ArrayBufferLike> = new Float64Array(0);
	#i = 0;
	#strs: readonly string[] = [];
	#s = 0;
	/** The raw line of the outcome #outcome() returned last. */
	#raw = '';
	#mask = 0;
	#bit = 1;

	/** Calls `visit` for each outcome in order. Throws OutcomeBatchError if the batch is malformed. */
	decode(batch: OutcomeBatch, visit: OutcomeVisitor): void {
		if (batch.resetLabels) this.#labels = [];
		for (let i = 0; i < batch.labels.length; i++) this.#labels.push(batch.labels[i]!);
		this.#nums = batch.nums;
		this.#i = 0;
		this.#strs = batch.strs;
		this.#s = 0;
		try {
			for (let decoded = 0; decoded < batch.count; decoded++) {
				const outcome = this.#outcome();
				if (outcome === undefined || this.#i > this.#nums.length || this.#s > this.#strs.length) throw new OutcomeBatchError(decoded);
				visit(outcome, this.#raw);
			}
		} finally {
			this.#nums = new Float64Array(0);
			this.#strs = [];
		}
	}

	#outcome(): ParseOutcome | undefined {
		const head = this.#num();
		this.#mask = this.#num();
		this.#bit = 1;
		if (head === REJECTED) {
			const reason = this.#str() ?? '';
			this.#raw = this.#str() ?? '';
			const hint = this.#maybe();
			return hint === undefined ? {ok: false, reason} : {ok: false, reason, hint};
		}
		if (!(head >= 1)) return undefined;
		let warnings = NO_WARNINGS;
		if (head > 1) {
			const list: string[] = [];
			for (let i = 1; i < head; i++) list.push(this.#labelOf());
			warnings = list;
		}
		this.#raw = this.#maybe() ?? '';
		switch (this.#num()) {
			case LLM_CALL:
				return {ok: true, event: this.#llmCall(), warnings};
			case SCORE:
				return {ok: true, event: this.#score(), warnings};
			case REVENUE:
				return {ok: true, event: this.#revenue(), warnings};
			case SPAN:
				return {ok: true, event: this.#span(), warnings};
			default:
				return undefined;
		}
	}

	#num(): number {
		return this.#nums[this.#i++] ?? Number.NaN;
	}

	#opt(): number | undefined {
		const value = this.#nums[this.#i++] ?? Number.NaN;
		return Number.isNaN(value) ? undefined : value;
	}

	#str(): string | undefined {
		return this.#strs[this.#s++];
	}

	#maybe(): string | undefined {
		const present = (this.#mask & this.#bit) !== 0;
		this.#bit *= 2;
		return present ? this.#strs[this.#s++] : undefined;
	}

	#label(): string | undefined {
		const id = this.#num();
		return id === NO_LABEL ? undefined : this.#labels[id];
	}

	#labelOf(): string {
		return this.#label() ?? '';
	}

	#llmCall(): LlmCallEvent {
		const ts = this.#num();
		const service = this.#label();
		const env = this.#label();
		const host = this.#label();
		const model = this.#labelOf();
		const responseModel = this.#label();
		const provider = this.#labelOf();
		const providerRaw = this.#label();
		const operation = this.#labelOf();
		const feature = this.#labelOf();
		const latencyMs = this.#num();
		const ttftMs = this.#opt();
		const inputTokens = this.#opt();
		const outputTokens = this.#opt();
		const cacheReadTokens = this.#opt();
		const cacheWriteTokens = this.#opt();
		const reasoningTokens = this.#opt();
		const costUsd = this.#opt();
		const status = this.#num() === 1 ? 'error' : 'ok';
		const errorType = this.#label();
		const streamCode = this.#num();
		const stream = Number.isNaN(streamCode) ? undefined : streamCode === 1;
		const reasonCount = this.#num();
		let finishReasons: string[] | undefined;
		if (reasonCount >= 0) {
			finishReasons = [];
			for (let i = 0; i < reasonCount; i++) finishReasons.push(this.#labelOf());
		}
		const id = this.#maybe();
		const errorMessage = this.#maybe();
		const callId = this.#maybe();
		const traceId = this.#maybe();
		const spanId = this.#maybe();
		const parentSpanId = this.#maybe();
		const responseId = this.#maybe();
		const sessionId = this.#maybe();
		const userId = this.#maybe();
		// Same keys in the same order as validateLlmCall.
		return {
			type: 'llm_call',
			ts,
			id,
			service,
			env,
			host,
			model,
			responseModel,
			provider,
			providerRaw,
			operation,
			feature,
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

	#score(): ScoreEvent {
		const ts = this.#num();
		const isBoolean = this.#num() === 1;
		const number = this.#num();
		const name = this.#labelOf();
		const feature = this.#label();
		const model = this.#label();
		const label = this.#label();
		const evaluator = this.#label() as ScoreEvent['evaluator'];
		const evaluatorName = this.#label();
		const id = this.#maybe();
		const callId = this.#maybe();
		const responseId = this.#maybe();
		const traceId = this.#maybe();
		const spanId = this.#maybe();
		const explanation = this.#maybe();
		// Same keys in the same order as validateScore.
		return {
			type: 'score',
			ts,
			id,
			name,
			value: isBoolean ? number === 1 : number,
			callId,
			responseId,
			traceId,
			spanId,
			feature,
			model,
			label,
			explanation,
			evaluator,
			evaluatorName,
		};
	}

	#revenue(): RevenueEvent {
		const ts = this.#num();
		const amountUsd = this.#num();
		const feature = this.#labelOf();
		const id = this.#maybe();
		const orderId = this.#maybe();
		const customerId = this.#maybe();
		const traceId = this.#maybe();
		const callId = this.#maybe();
		// Same keys in the same order as validateRevenue.
		return {type: 'revenue', ts, id, feature, amountUsd, orderId, customerId, traceId, callId};
	}

	#span(): SpanEvent {
		const ts = this.#num();
		const startTs = this.#num();
		const durationMs = this.#num();
		const name = this.#labelOf();
		const kind = this.#labelOf() as SpanKind;
		const statusCode = this.#labelOf() as SpanStatusCode;
		const service = this.#label();
		const id = this.#maybe();
		const traceId = this.#str() ?? '';
		const spanId = this.#str() ?? '';
		const parentSpanId = this.#maybe();
		const statusMessage = this.#maybe();
		const attributeCount = this.#num();
		let attributes = NO_ATTRIBUTES;
		if (attributeCount > 0) {
			const out: Record<string, AttributeValue> = {};
			for (let i = 0; i < attributeCount; i++) {
				const key = this.#labelOf();
				const value = this.#attribute();
				// As in readAttributes: a `__proto__` key is a plain property, never the prototype.
				if (key === '__proto__') Object.defineProperty(out, key, {value, enumerable: true, writable: true, configurable: true});
				else out[key] = value;
			}
			attributes = out;
		}
		const eventCount = this.#num();
		let events = NO_SPAN_EVENTS;
		if (eventCount > 0) {
			const out: Array<{ts: number; name: string}> = [];
			for (let i = 0; i < eventCount; i++) out.push({ts: this.#num(), name: this.#str() ?? ''});
			events = out;
		}
		// Same keys in the same order as validateSpan.
		return {type: 'span', ts, id, traceId, spanId, parentSpanId, name, startTs, durationMs, kind, statusCode, statusMessage, attributes, events, service};
	}

	#attribute(): AttributeValue {
		switch (this.#num()) {
			case ATTR_STRING:
				return this.#str() ?? '';
			case ATTR_NUMBER:
				return this.#num();
			case ATTR_BOOLEAN:
				return this.#num() === 1;
			default: {
				const length = this.#num();
				const out: Array<string | number | boolean> = [];
				for (let i = 0; i < length; i++) out.push(this.#attribute() as string | number | boolean);
				return out;
			}
		}
	}
}
