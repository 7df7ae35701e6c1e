import {describe, expect, it} from 'vitest';
import {normalizeHexId} from '../../source/events/field-reader.js';
import type {LlmCallEvent, SpanEvent} from '../../source/events/types.js';
import {T0, accept, call, line} from './parse-helpers.js';

const TRACE = '5b8efff798038103d269b633813fc60c';

describe('hex ids', () => {
	it('gives the same answers whether or not the id was seen just before', () => {
		for (let pass = 0; pass < 2; pass++) {
			expect(normalizeHexId(TRACE, 32)).toBe(TRACE);
			expect(normalizeHexId(TRACE.toUpperCase(), 32)).toBe(TRACE);
			expect(normalizeHexId('0'.repeat(32), 32)).toBeUndefined();
			expect(normalizeHexId(`${TRACE.slice(0, 31)}g`, 32)).toBeUndefined();
			// Same characters, wrong length for the kind of id.
			expect(normalizeHexId(TRACE, 16)).toBeUndefined();
			expect(normalizeHexId('00000000000000a1', 16)).toBe('00000000000000a1');
			expect(normalizeHexId('é'.repeat(16), 16)).toBeUndefined();
		}
	});

	it('hands a repeated id on as the string seen first', () => {
		const first = accept(call({trace_id: TRACE})).event as LlmCallEvent;
		const second = accept(call({trace_id: TRACE})).event as LlmCallEvent;
		expect(second.traceId).toBe(TRACE);
		expect(second.traceId).toBe(first.traceId);
	});
});

describe('labels', () => {
	it('are sanitised and truncated the same way on every line', () => {
		for (let pass = 0; pass < 3; pass++) {
			const event = accept(call({model: 'gpt\u001b[2J-4o', feature: 'search', provider: 'OpenAI'})).event as LlmCallEvent;
			expect(event.model).toBe('gpt\u241b[2J-4o');
			expect(event.feature).toBe('search');
			expect(event.provider).toBe('openai');
			const long = accept(call({feature: 'f'.repeat(200)}));
			expect((long.event as LlmCallEvent).feature).toBe(`${'f'.repeat(127)}…`);
			expect(long.warnings).toEqual(['truncated:feature']);
		}
	});

	it('keep the resource service of spans', () => {
		const span = (service: unknown) => line({type: 'span', trace_id: TRACE, span_id: '00000000000000a1', name: 'n', start_ts: T0, duration_ms: 1, resource: {'service.name': service}});
		expect((accept(span('api')).event as SpanEvent).service).toBe('api');
		expect((accept(span('api')).event as SpanEvent).service).toBe('api');
		expect((accept(span('a\u0007pi')).event as SpanEvent).service).toBe('a\u2407pi');
	});
});

describe('unknown fields after a known shape', () => {
	it('still warns when a line adds, renames or reorders keys', () => {
		expect(accept(call()).warnings).toEqual([]);
		expect(accept(call()).warnings).toEqual([]);
		expect(accept(call({extra: 1})).warnings).toEqual(['unknown_field:extra']);
		expect(accept(line({model: 'gpt-4o', type: 'llm_call', latency_ms: 100, ts: T0})).warnings).toEqual([]);
		expect(accept(line({type: 'llm_call', ts: T0, model: 'gpt-4o', latencyMs: 100, latency_ms: 1})).warnings).toEqual(['unknown_field:latencyMs']);
		expect(accept(call()).warnings).toEqual([]);
	});
});
