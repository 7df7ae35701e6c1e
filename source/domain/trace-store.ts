// Recent traces, bounded by trace count, total spans and spans per trace. Aggregates (span count,
// duration, errors, LLM calls and cost) keep counting past the per-trace cap; only stored spans are capped.
import type {LlmCallEvent, SpanEvent} from '../events/types.js';
import type {CallCost} from './monitor-config.js';
import type {TraceRow, TracesSnapshot} from './snapshot-types.js';
import {NO_SLOT, SpanSlab} from './span-slab.js';
import {hashText} from './text-hash.js';
import {TraceTable} from './trace-table.js';

export type TraceStoreOptions = {
	readonly maxTraces?: number;
	readonly maxSpans?: number;
	/** Spans stored per trace (default 1000, never more than maxSpans). */
	readonly maxSpansPerTrace?: number;
};

type TraceEntry = {
	traceId: string;
	/** hashText(traceId), the entry's key in the table. */
	hash: number;
	/** The stored spans: a chain of slab records in arrival order. */
	firstSpan: number;
	lastSpan: number;
	storedSpans: number;
	spanCount: number;
	start: number;
	end: number;
	rootName: string | null;
	rootStart: number;
	/** Operation and model of the first LLM call, named `operation model` only when shown (null: none yet). */
	callOperation: string | null;
	callModel: string;
	/** Service of the root span that named the trace (rootStart), when it said one. */
	rootService: string | null;
	/** Service of the earliest-starting span that said one, and that span's start. */
	spanService: string | null;
	spanServiceStart: number;
	/** Service of the first LLM call that said one (for traces known only from calls). */
	callService: string | null;
	/** Neighbours in activity order (older, newer); null at the ends. */
	older: TraceEntry | null;
	newer: TraceEntry | null;
	/**
	 * Span ids with an error, so a span and the LLM call derived from it count once: a short list
	 * (most traces have one or two, and the list is reused with the entry), then a set.
	 */
	errorList: string[];
	/** Ids in use at the front of errorList (its cells are overwritten when the entry is reused). */
	errorCount: number;
	errorSet: Set<string> | null;
	unkeyedErrors: number;
	llmCalls: number;
	pricedCalls: number;
	costUsd: number;
};

const DEFAULT_LIMIT = 20;
/** Error span ids kept in a list (searched in order) before a set takes over. */
const SHORT_ERROR_LIST = 8;

function positiveInt(value: number | undefined, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

export class TraceStore {
	private readonly maxTraces: number;
	private readonly maxSpans: number;
	private readonly maxSpansPerTrace: number;
	private readonly traces = new TraceTable<TraceEntry>();
	private readonly slab: SpanSlab;
	/**
	 * Activity order as a list through the entries: a touched trace moves to the newest end, the
	 * stalest is evicted first. (Re-inserting into the Map on every span instead left holes at its
	 * front that V8 walked on each eviction.)
	 */
	private stalest: TraceEntry | null = null;
	private newest: TraceEntry | null = null;
	private spare: TraceEntry | null = null;
	private storedSpans = 0;
	private tracesSeen = 0;
	private spansSeen = 0;
	private spansDropped = 0;

	constructor(options: TraceStoreOptions = {}) {
		this.maxTraces = positiveInt(options.maxTraces, 1000);
		this.maxSpans = positiveInt(options.maxSpans, 50_000);
		this.maxSpansPerTrace = Math.min(this.maxSpans, positiveInt(options.maxSpansPerTrace, 1000));
		// One more than maxSpans: a span is stored before the eviction that makes room for it.
		this.slab = new SpanSlab(this.maxSpans + 1);
	}

	recordSpan(span: SpanEvent): void {
		const entry = this.touch(span.traceId);
		this.spansSeen++;
		entry.spanCount++;
		const end = Math.max(span.ts, span.startTs + (Number.isFinite(span.durationMs) ? span.durationMs : 0));
		// Written out rather than through a helper: a double passed to a call that is not inlined is boxed.
		if (Number.isFinite(span.startTs)) entry.start = Math.min(entry.start, span.startTs);
		if (Number.isFinite(end)) entry.end = Math.max(entry.end, end);
		const isRoot = span.parentSpanId === undefined || span.parentSpanId === '';
		const service = span.service ?? null;
		if (isRoot && (entry.rootName === null || span.startTs < entry.rootStart)) {
			entry.rootName = span.name;
			entry.rootStart = span.startTs;
			entry.rootService = service;
		}
		if (service !== null && (entry.spanService === null || span.startTs < entry.spanServiceStart)) {
			entry.spanService = service;
			entry.spanServiceStart = span.startTs;
		}
		if (span.statusCode === 'error') this.addError(entry, span.spanId);
		if (entry.storedSpans < this.maxSpansPerTrace) {
			const slot = this.slab.add(span);
			if (entry.lastSpan === NO_SLOT) entry.firstSpan = slot;
			else this.slab.link(entry.lastSpan, slot);
			entry.lastSpan = slot;
			entry.storedSpans++;
			this.storedSpans++;
		} else {
			this.spansDropped++;
		}
		this.evict();
	}

	/** Attaches an LLM call to its trace (creating it when no span arrived yet); calls without a trace id are ignored. */
	recordCall(call: LlmCallEvent, cost: CallCost): void {
		if (call.traceId === undefined || call.traceId === '') return;
		const entry = this.touch(call.traceId);
		entry.llmCalls++;
		if (typeof cost.usd === 'number' && Number.isFinite(cost.usd)) {
			entry.costUsd += cost.usd;
			entry.pricedCalls++;
		}
		const latency = Number.isFinite(call.latencyMs) ? Math.max(0, call.latencyMs) : 0;
		const start = call.ts - latency;
		if (Number.isFinite(start)) entry.start = Math.min(entry.start, start);
		if (Number.isFinite(call.ts)) entry.end = Math.max(entry.end, call.ts);
		if (entry.callOperation === null) {
			entry.callOperation = call.operation;
			entry.callModel = call.model;
		}

		entry.callService ??= call.service ?? null;
		if (call.status === 'error') this.addError(entry, call.spanId);
		this.evict();
	}

	/** Up to `limit` traces, most recently active first. */
	snapshot(limit = DEFAULT_LIMIT): TracesSnapshot {
		const count = Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : DEFAULT_LIMIT;
		const recent: TraceRow[] = [];
		for (let entry = this.newest; entry !== null && recent.length < count; entry = entry.older) recent.push(this.row(entry));
		return {
			traces_seen: this.tracesSeen,
			spans_seen: this.spansSeen,
			spans_dropped: this.spansDropped,
			recent,
		};
	}

	/** Stored spans of a trace by start time; undefined when the trace is unknown or evicted. */
	trace(traceId: string): readonly SpanEvent[] | undefined {
		const entry = this.traces.get(traceId, hashText(traceId));
		if (!entry) return undefined;
		const spans: SpanEvent[] = [];
		for (let slot = entry.firstSpan; slot !== NO_SLOT; slot = this.slab.next(slot)) spans.push(this.slab.span(slot, traceId));
		return spans.sort((a, b) => a.startTs - b.startTs);
	}

	private touch(traceId: string): TraceEntry {
		// The spans and calls of one request tend to arrive together: skip the lookup for them.
		if (this.newest !== null && this.newest.traceId === traceId) return this.newest;
		const hash = hashText(traceId);
		let entry = this.traces.get(traceId, hash);
		if (entry === undefined) {
			this.tracesSeen++;
			entry = this.reuseSpare(traceId, hash) ?? {
				traceId,
				hash,
				firstSpan: NO_SLOT,
				lastSpan: NO_SLOT,
				storedSpans: 0,
				spanCount: 0,
				start: Number.POSITIVE_INFINITY,
				end: Number.NEGATIVE_INFINITY,
				rootName: null,
				rootStart: Number.POSITIVE_INFINITY,
				callOperation: null,
				callModel: '',
				rootService: null,
				spanService: null,
				spanServiceStart: Number.POSITIVE_INFINITY,
				callService: null,
				older: null,
				newer: null,
				errorList: [],
				errorCount: 0,
				errorSet: null,
				unkeyedErrors: 0,
				llmCalls: 0,
				pricedCalls: 0,
				costUsd: 0,
			};
			this.traces.add(entry);
		} else if (entry === this.newest) {
			return entry;
		} else {
			this.unlink(entry);
		}
		entry.older = this.newest;
		entry.newer = null;
		if (this.newest === null) this.stalest = entry;
		else this.newest.newer = entry;
		this.newest = entry;
		return entry;
	}

	/**
	 * The last evicted entry, emptied for `traceId`, or null. A busy stream starts a trace (and so
	 * evicts one) every few events; reusing the entry spares allocating and promoting a new one.
	 */
	private reuseSpare(traceId: string, hash: number): TraceEntry | null {
		const entry = this.spare;
		if (entry === null) return null;
		this.spare = null;
		entry.traceId = traceId;
		entry.hash = hash;
		entry.firstSpan = NO_SLOT;
		entry.lastSpan = NO_SLOT;
		entry.storedSpans = 0;
		entry.spanCount = 0;
		entry.start = Number.POSITIVE_INFINITY;
		entry.end = Number.NEGATIVE_INFINITY;
		entry.rootName = null;
		entry.rootStart = Number.POSITIVE_INFINITY;
		entry.callOperation = null;
		entry.callModel = '';
		entry.rootService = null;
		entry.spanService = null;
		entry.spanServiceStart = Number.POSITIVE_INFINITY;
		entry.callService = null;
		entry.older = null;
		entry.newer = null;
		entry.errorCount = 0;
		entry.errorSet = null;
		entry.unkeyedErrors = 0;
		entry.llmCalls = 0;
		entry.pricedCalls = 0;
		entry.costUsd = 0;
		return entry;
	}

	private unlink(entry: TraceEntry): void {
		if (entry.older === null) this.stalest = entry.newer;
		else entry.older.newer = entry.newer;
		if (entry.newer === null) this.newest = entry.older;
		else entry.newer.older = entry.older;
		entry.older = null;
		entry.newer = null;
	}

	private addError(entry: TraceEntry, spanId: string | undefined): void {
		if (spanId === undefined || spanId === '') {
			entry.unkeyedErrors++;
			return;
		}
		const set = entry.errorSet;
		if (set !== null) {
			if (set.has(spanId)) return;
			if (set.size < this.maxSpansPerTrace) set.add(spanId);
			else entry.unkeyedErrors++;
			return;
		}

		const list = entry.errorList;
		const count = entry.errorCount;
		for (let index = 0; index < count; index++) if (list[index] === spanId) return;
		if (count >= this.maxSpansPerTrace) {
			entry.unkeyedErrors++;
		} else if (count < SHORT_ERROR_LIST) {
			list[count] = spanId;
			entry.errorCount = count + 1;
		} else {
			entry.errorSet = new Set(list.slice(0, count)).add(spanId);
		}
	}

	private evict(): void {
		while (this.traces.size > this.maxTraces || this.storedSpans > this.maxSpans) {
			const entry = this.stalest;
			if (entry === null) break;
			this.unlink(entry);
			this.traces.delete(entry);
			this.storedSpans -= entry.storedSpans;
			this.spansDropped += entry.storedSpans;
			if (entry.firstSpan !== NO_SLOT) this.slab.releaseChain(entry.firstSpan, entry.lastSpan);

			this.spare = entry;
		}
	}

	private row(entry: TraceEntry): TraceRow {
		const start = Number.isFinite(entry.start) ? entry.start : 0;
		const end = Number.isFinite(entry.end) ? entry.end : start;
		return {
			trace_id: entry.traceId,
			root_name: entry.rootName ?? this.orphanRootName(entry) ?? (entry.callOperation === null ? null : `${entry.callOperation} ${entry.callModel}`) ?? '(unknown)',
			// The root span speaks for the trace; else the earliest span that named one; else a call.
			service: entry.rootService ?? entry.spanService ?? entry.callService,
			spans: entry.spanCount,
			start,
			// To the microsecond: end is start + a fractional duration, and at epoch magnitudes (1.8e12)
			// subtracting them back leaves float noise (1077.6 would read 1077.60009765625).
			duration_ms: Math.max(0, Math.round((end - start) * 1000) / 1000),
			errors: (entry.errorSet?.size ?? entry.errorCount) + entry.unkeyedErrors,
			llm_calls: entry.llmCalls,
			cost_usd: entry.pricedCalls > 0 ? entry.costUsd : null,
		};
	}

	/** When the root never arrived: the earliest span whose parent is not here (or simply the earliest). */
	private orphanRootName(entry: TraceEntry): string | null {
		const slab = this.slab;
		if (entry.firstSpan === NO_SLOT) return null;
		const ids = new Set<string>();
		for (let slot = entry.firstSpan; slot !== NO_SLOT; slot = slab.next(slot)) ids.add(slab.spanIdOf(slot));
		let best = NO_SLOT;
		let earliest = NO_SLOT;
		for (let slot = entry.firstSpan; slot !== NO_SLOT; slot = slab.next(slot)) {
			const start = slab.startOf(slot);
			if (earliest === NO_SLOT || start < slab.startOf(earliest)) earliest = slot;
			const parent = slab.parentOf(slot);
			const orphan = parent === undefined || !ids.has(parent);
			if (orphan && (best === NO_SLOT || start < slab.startOf(best))) best = slot;
		}

		return slab.nameOf(best === NO_SLOT ? earliest : best);
	}
}
