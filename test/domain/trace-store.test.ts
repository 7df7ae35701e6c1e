import {describe, it, expect} from 'vitest';
import type {LlmCallEvent, SpanEvent} from '../../source/events/types.js';
import {TraceStore} from '../../source/domain/trace-store.js';
import type {CallCost} from '../../source/domain/monitor-config.js';

const TRACE_A = 'a'.repeat(32);
const TRACE_B = 'b'.repeat(32);
const TRACE_C = 'c'.repeat(32);

function span(traceId: string, spanId: string, name: string, startTs: number, durationMs: number, extra: Partial<SpanEvent> = {}): SpanEvent {
	return {
		type: 'span',
		ts: startTs + durationMs,
		traceId,
		spanId,
		name,
		startTs,
		durationMs,
		kind: 'internal',
		statusCode: 'unset',
		attributes: {},
		events: [],
		...extra,
	};
}

function call(traceId: string, ts: number, extra: Partial<LlmCallEvent> = {}): LlmCallEvent {
	return {
		type: 'llm_call',
		ts,
		model: 'gpt-4o',
		provider: 'openai',
		operation: 'chat',
		feature: '(none)',
		latencyMs: 200,
		status: 'ok',
		traceId,
		...extra,
	};
}

const priced = (usd: number): CallCost => ({usd, source: 'computed', status: 'priced'});
const UNPRICED: CallCost = {usd: null, source: null, status: 'unpriced'};

describe('TraceStore', () => {
	it('is empty before any span', () => {
		expect(new TraceStore().snapshot()).toEqual({traces_seen: 0, spans_seen: 0, spans_dropped: 0, recent: []});
		expect(new TraceStore().trace(TRACE_A)).toBeUndefined();
	});

	it('summarises a trace: root, duration, errors, calls and cost', () => {
		const store = new TraceStore();
		store.recordSpan(span(TRACE_A, '0000000000000002', 'llm', 1100, 300, {parentSpanId: '0000000000000001', statusCode: 'error'}));
		store.recordSpan(span(TRACE_A, '0000000000000003', 'db', 1050, 20, {parentSpanId: '0000000000000001'}));
		store.recordSpan(span(TRACE_A, '0000000000000001', 'POST /chat', 1000, 500, {service: 'api'}));
		// the erroring call derived from the 'llm' span counts once; a second error call without span id counts too
		store.recordCall(call(TRACE_A, 1400, {status: 'error', spanId: '0000000000000002'}), priced(0.02));
		store.recordCall(call(TRACE_A, 1450, {status: 'error'}), priced(0.01));
		const snapshot = store.snapshot();
		expect(snapshot.traces_seen).toBe(1);
		expect(snapshot.spans_seen).toBe(3);
		const row = snapshot.recent[0];
		expect(row).toMatchObject({
			trace_id: TRACE_A,
			root_name: 'POST /chat',
			service: 'api',
			spans: 3,
			start: 1000,
			duration_ms: 500, // max end 1500 − min start 1000
			errors: 2, // llm span (= its call) + the unkeyed error call
			llm_calls: 2,
		});
		expect(row?.cost_usd).toBeCloseTo(0.03, 12);
		expect(store.trace(TRACE_A)?.map(s => s.name)).toEqual(['POST /chat', 'db', 'llm']);
	});

	it('names a trace whose root never arrived after its earliest orphan span', () => {
		const store = new TraceStore();
		store.recordSpan(span(TRACE_A, '0000000000000022', 'child-b', 200, 10, {parentSpanId: '00000000000000ff'}));
		store.recordSpan(span(TRACE_A, '0000000000000021', 'child-a', 100, 10, {parentSpanId: '00000000000000ff'}));
		store.recordSpan(span(TRACE_A, '0000000000000023', 'grandchild', 50, 10, {parentSpanId: '0000000000000021'}));
		// grandchild starts earlier but its parent is here; child-a is the earliest orphan
		expect(store.snapshot().recent[0]?.root_name).toBe('child-a');
		expect(store.snapshot().recent[0]?.duration_ms).toBe(160); // 210 − 50
	});

	it('lists traces newest activity first and honours the limit', () => {
		const store = new TraceStore();
		store.recordSpan(span(TRACE_A, '0000000000000001', 'a', 0, 1));
		store.recordSpan(span(TRACE_B, '0000000000000002', 'b', 0, 1));
		store.recordSpan(span(TRACE_C, '0000000000000003', 'c', 0, 1));
		store.recordCall(call(TRACE_A, 10), priced(0.1));
		expect(store.snapshot().recent.map(row => row.root_name)).toEqual(['a', 'c', 'b']);
		expect(store.snapshot(1).recent.map(row => row.root_name)).toEqual(['a']);
		expect(store.snapshot(0).recent).toEqual([]);
	});

	it('evicts the stalest trace beyond maxTraces and counts its spans as dropped', () => {
		const store = new TraceStore({maxTraces: 2});
		store.recordSpan(span(TRACE_A, '0000000000000001', 'a1', 0, 1));
		store.recordSpan(span(TRACE_A, '0000000000000002', 'a2', 0, 1));
		store.recordSpan(span(TRACE_B, '0000000000000003', 'b', 0, 1));
		store.recordSpan(span(TRACE_C, '0000000000000004', 'c', 0, 1));
		const snapshot = store.snapshot();
		expect(snapshot.recent.map(row => row.trace_id)).toEqual([TRACE_C, TRACE_B]);
		expect(snapshot).toMatchObject({traces_seen: 3, spans_seen: 4, spans_dropped: 2});
		expect(store.trace(TRACE_A)).toBeUndefined();
	});

	it('evicts whole traces to stay within maxSpans', () => {
		const store = new TraceStore({maxSpans: 5});
		for (let index = 0; index < 3; index++) store.recordSpan(span(TRACE_A, `000000000000000${index + 1}`, 'a', index, 1));
		for (let index = 0; index < 3; index++) store.recordSpan(span(TRACE_B, `000000000000001${index + 1}`, 'b', index, 1));
		// 6 stored > 5: trace A (3 spans) goes
		expect(store.snapshot()).toMatchObject({spans_seen: 6, spans_dropped: 3});
		expect(store.snapshot().recent.map(row => row.trace_id)).toEqual([TRACE_B]);
	});

	it('caps stored spans per trace but keeps counting them', () => {
		const store = new TraceStore({maxSpansPerTrace: 2});
		store.recordSpan(span(TRACE_A, '0000000000000001', 'root', 0, 100));
		store.recordSpan(span(TRACE_A, '0000000000000002', 'x', 10, 10, {parentSpanId: '0000000000000001'}));
		store.recordSpan(span(TRACE_A, '0000000000000003', 'late', 90, 60, {parentSpanId: '0000000000000001', statusCode: 'error'}));
		const snapshot = store.snapshot();
		expect(snapshot.spans_dropped).toBe(1);
		expect(snapshot.recent[0]).toMatchObject({spans: 3, duration_ms: 150, errors: 1}); // 150 − 0
		expect(store.trace(TRACE_A)).toHaveLength(2);
	});

	it('shows a trace known only from LLM calls, with a null cost when unpriced', () => {
		const store = new TraceStore();
		store.recordCall(call(TRACE_A, 5000, {latencyMs: 1200, service: 'worker'}), UNPRICED);
		store.recordCall(call('', 5000), priced(1)); // no trace: ignored
		const snapshot = store.snapshot();
		expect(snapshot.traces_seen).toBe(1);
		expect(snapshot.recent[0]).toEqual({
			trace_id: TRACE_A,
			root_name: 'chat gpt-4o',
			service: 'worker',
			spans: 0,
			start: 3800, // 5000 − 1200
			duration_ms: 1200,
			errors: 0,
			llm_calls: 1,
			cost_usd: null,
		});
	});

	it('takes the service from the root span, else the earliest span that names one, else the first call', () => {
		const store = new TraceStore();
		// A child and a call from another service arrive before the root.
		store.recordCall(call(TRACE_A, 1400, {service: 'worker'}), UNPRICED);
		store.recordSpan(span(TRACE_A, '0000000000000002', 'llm', 1100, 300, {parentSpanId: '0000000000000001', service: 'llm-worker'}));
		store.recordSpan(span(TRACE_A, '0000000000000001', 'POST /chat', 1000, 500, {service: 'api-gateway'}));
		// No root span: the earliest span that names a service (db starts at 1050, before cache at 1060).
		store.recordSpan(span(TRACE_B, '0000000000000012', 'cache', 1060, 5, {parentSpanId: '00000000000000ff', service: 'cache'}));
		store.recordSpan(span(TRACE_B, '0000000000000011', 'db', 1050, 20, {parentSpanId: '00000000000000ff', service: 'db'}));
		store.recordSpan(span(TRACE_B, '0000000000000013', 'early', 1000, 5, {parentSpanId: '00000000000000ff'}));
		// A root span without a service does not hide the others'.
		store.recordSpan(span(TRACE_C, '0000000000000021', 'root', 1000, 50));
		store.recordSpan(span(TRACE_C, '0000000000000022', 'child', 1010, 5, {parentSpanId: '0000000000000021', service: 'child-svc'}));
		const services = Object.fromEntries(store.snapshot().recent.map(row => [row.trace_id, row.service]));
		expect(services).toEqual({[TRACE_A]: 'api-gateway', [TRACE_B]: 'db', [TRACE_C]: 'child-svc'});
	});

	it('evicts the least recently active trace, however often the others were touched', () => {
		const store = new TraceStore({maxTraces: 3});
		store.recordSpan(span(TRACE_A, '0000000000000001', 'a', 0, 1));
		store.recordSpan(span(TRACE_B, '0000000000000002', 'b', 0, 1));
		store.recordSpan(span(TRACE_C, '0000000000000003', 'c', 0, 1));
		for (let index = 0; index < 50; index++) {
			store.recordCall(call(TRACE_A, 10 + index), UNPRICED);
			store.recordCall(call(TRACE_C, 10 + index), UNPRICED);
		}
		const traceD = 'd'.repeat(32);
		store.recordSpan(span(traceD, '0000000000000004', 'd', 0, 1));
		// B was touched least recently: it goes; the rest are listed newest activity first.
		expect(store.snapshot().recent.map(row => row.root_name)).toEqual(['d', 'c', 'a']);
		expect(store.trace(TRACE_B)).toBeUndefined();
		expect(store.snapshot()).toMatchObject({traces_seen: 4, spans_dropped: 1});
	});
});


describe('TraceStore storage', () => {
	/** A span with every field set, as the events layer would build it. */
	function fullSpan(traceId: string, index: number, startTs: number): SpanEvent {
		return {
			type: 'span',
			ts: startTs + 10 + index,
			id: index % 2 === 0 ? `event-${index}` : undefined,
			traceId,
			spanId: index.toString(16).padStart(16, '0'),
			parentSpanId: index === 0 ? undefined : '0'.repeat(16),
			name: `step ${index}`,
			startTs,
			durationMs: 10 + index,
			kind: index === 0 ? 'server' : 'client',
			statusCode: index % 3 === 0 ? 'error' : 'ok',
			statusMessage: index % 3 === 0 ? `failure ${index}` : undefined,
			attributes: {'http.route': `/r/${index}`, 'n': index},
			events: index === 2 ? [{ts: startTs + 1, name: 'retry'}] : [],
			service: index % 2 === 0 ? 'api' : undefined,
		};
	}

	it('gives back every stored span exactly as recorded, by start time', () => {
		const store = new TraceStore();
		const spans = [fullSpan(TRACE_A, 0, 5000), fullSpan(TRACE_A, 1, 3000), fullSpan(TRACE_A, 2, 4000), fullSpan(TRACE_A, 3, 3000)];
		for (const s of spans) store.recordSpan(s);
		store.recordSpan(fullSpan(TRACE_B, 1, 1));
		expect(store.trace(TRACE_A)).toStrictEqual([spans[1], spans[3], spans[2], spans[0]]);
		expect(store.trace(TRACE_B)).toStrictEqual([fullSpan(TRACE_B, 1, 1)]);
	});

	it('keeps traces exact while evicted traces give their room to new ones', () => {
		const store = new TraceStore({maxTraces: 50, maxSpans: 120});
		const recorded = new Map<string, SpanEvent[]>();
		for (let trace = 0; trace < 400; trace++) {
			const traceId = trace.toString(16).padStart(32, '0');
			const spans = Array.from({length: 1 + (trace % 5)}, (_, index) => fullSpan(traceId, index, 1000 * trace + index));
			recorded.set(traceId, spans);
			for (const s of spans) store.recordSpan(s);
		}

		const snapshot = store.snapshot(1000);
		// Spans of the traces still held, and of every trace ever seen.
		const held = snapshot.recent.reduce((sum, row) => sum + row.spans, 0);
		expect(held).toBeLessThanOrEqual(120);
		expect(snapshot.recent.length).toBeLessThanOrEqual(50);
		expect(snapshot.spans_seen).toBe(400 * 3);
		expect(snapshot.spans_seen - snapshot.spans_dropped).toBe(held);
		for (const row of snapshot.recent) expect(store.trace(row.trace_id)).toStrictEqual(recorded.get(row.trace_id));
		expect(store.trace('0'.repeat(32))).toBeUndefined();
	});

	it('starts a trace that reuses an evicted one with nothing of it', () => {
		const store = new TraceStore({maxTraces: 1});
		store.recordSpan(span(TRACE_A, '0000000000000001', 'root A', 1000, 500, {service: 'svc-a', statusCode: 'error'}));
		for (let index = 0; index < 12; index++) store.recordCall(call(TRACE_A, 1100 + index, {status: 'error', spanId: `00000000000001${index.toString(16).padStart(2, '0')}`, service: 'svc-call'}), priced(0.5));
		expect(store.snapshot().recent[0]).toMatchObject({trace_id: TRACE_A, errors: 13, llm_calls: 12, cost_usd: 6});
		// Evicts A; B is known only from one call.
		store.recordCall(call(TRACE_B, 5000, {model: 'claude', operation: 'embed'}), UNPRICED);
		expect(store.snapshot().recent).toEqual([
			{trace_id: TRACE_B, root_name: 'embed claude', service: null, spans: 0, start: 4800, duration_ms: 200, errors: 0, llm_calls: 1, cost_usd: null},
		]);
		expect(store.trace(TRACE_B)).toEqual([]);
		expect(store.trace(TRACE_A)).toBeUndefined();
	});

	it('counts error span ids once each, past a short list, within the per-trace cap', () => {
		const store = new TraceStore({maxSpansPerTrace: 10});
		for (let index = 0; index < 14; index++) {
			const spanId = index.toString(16).padStart(16, '0');
			store.recordSpan(span(TRACE_A, spanId, `s${index}`, 1000 + index, 5, {statusCode: 'error'}));
			// The call derived from the span repeats its error: not counted again.
			store.recordCall(call(TRACE_A, 1010 + index, {status: 'error', spanId}), priced(0));
		}

		// Ten ids kept (the cap); the four beyond it count without their ids, so their calls count again.
		expect(store.snapshot().recent[0]!.errors).toBe(10 + 4 * 2);
	});
});
