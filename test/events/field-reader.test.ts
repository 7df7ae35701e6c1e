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

	it('agrees with a plain check for many ids that share cache slots, seen again and again', () => {
		const reference = (s: string, length: number): string | undefined =>
			s.length === length && /^[0-9a-fA-F]+$/.test(s) && /[1-9a-fA-F]/.test(s) ? s.toLowerCase() : undefined;
		let seed = 7;
		const ids: Array<[string, number]> = [];
		for (let i = 0; i < 400; i++) {
			const length = i % 2 === 0 ? 16 : 32;
			let id = '';
			for (let c = 0; c < length; c++) {
				seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
				id += '0123456789abcdefABCDEFg'[seed % (i % 5 === 0 ? 23 : 16)];
			}
			ids.push([id, length], [id, 48 - length], ['0'.repeat(length), length]);
		}
		for (let pass = 0; pass < 3; pass++) {
			for (const [id, length] of pass === 1 ? [...ids].reverse() : ids) {
				expect(normalizeHexId(JSON.parse(JSON.stringify(id)) as string, length)).toBe(reference(id, length));
			}
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

describe('unknown fields of a key order already met', () => {
	it('give the same warnings on every line', () => {
		const extra: Record<string, number> = {'\u001b': 1, '\u241b': 2, latencyMs: 3};
		for (let i = 0; i < 12; i++) extra[`x${i}`] = i;
		for (let pass = 0; pass < 3; pass++) {
			// Two keys that sanitise to the same text give one warning; at most 8 unknown keys are named.
			expect(accept(call(extra)).warnings).toEqual(['unknown_field:\u241b', 'unknown_field:latencyMs', 'unknown_field:x0', 'unknown_field:x1', 'unknown_field:x2', 'unknown_field:x3', 'unknown_field:x4']);
			expect(accept(call({region: 'eu'})).warnings).toEqual(['unknown_field:region']);
			expect(accept(call()).warnings).toEqual([]);
		}
	});

	it('a key list too long to remember is still checked in full', () => {
		const wide: Record<string, number> = {};
		for (let i = 0; i < 200; i++) wide[`k${i}`] = i;
		for (let pass = 0; pass < 2; pass++) {
			const {warnings} = accept(call(wide));
			expect(warnings).toHaveLength(8);
			expect(warnings[7]).toBe('unknown_field:k7');
		}
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
