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

