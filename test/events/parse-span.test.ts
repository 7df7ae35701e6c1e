import {describe, expect, it} from 'vitest';
import {parseObject} from '../../source/events/parse.js';
import type {SpanEvent} from '../../source/events/types.js';
import {NOW, T0, accept, allStrings, expectReason, line, reject} from './parse-helpers.js';

const TRACE = '5b8efff798038103d269b633813fc60c';
const SPAN = 'eee19b7ec3c1b174';

function span(overrides: Record<string, unknown> = {}): string {
	return line({type: 'span', trace_id: TRACE, span_id: SPAN, name: 'chat gpt-4o', start_ts: T0, duration_ms: 1250, ...overrides});
}

function spanned(input: string): {event: SpanEvent; warnings: readonly string[]} {
	const {event, warnings} = accept(input);
	if (event.type !== 'span') throw new Error('not a span');
	return {event, warnings};
}

describe('span: the §4.6 example', () => {
	it('maps to a root client span ending at start + duration', () => {
		const {event, warnings} = spanned(
			'{"v":1,"type":"span","trace_id":"5b8efff798038103d269b633813fc60c","span_id":"eee19b7ec3c1b174","name":"chat gpt-4o","kind":"client","start_ts":"2026-08-20T10:00:00Z","duration_ms":1250,"attributes":{"gen_ai.operation.name":"chat","gen_ai.request.model":"gpt-4o","gen_ai.usage.input_tokens":1200,"gen_ai.usage.output_tokens":220}}',
		);
		expect(warnings).toEqual([]);
		expect(event).toEqual({
			type: 'span',
			// end = T0 + 1250
			ts: T0 + 1250,
			traceId: TRACE,
			spanId: SPAN,
			name: 'chat gpt-4o',
			startTs: T0,
			durationMs: 1250,
			kind: 'client',
			statusCode: 'unset',
			attributes: {'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': 1200, 'gen_ai.usage.output_tokens': 220},
			events: [],
		});
	});
});

describe('span: ids', () => {
	it('invalid_id for wrong length, non-hex or all-zero ids', () => {
		expectReason(span({trace_id: 'xyz'}), 'invalid_id');
		expectReason(span({trace_id: TRACE.slice(1)}), 'invalid_id');
		expectReason(span({trace_id: '0'.repeat(32)}), 'invalid_id');
		expectReason(span({span_id: '0'.repeat(16)}), 'invalid_id');
		expectReason(span({span_id: 'ZZZ19b7ec3c1b174'}), 'invalid_id');
		expectReason(span({span_id: 12345}), 'invalid_id');
		expectReason(span({trace_id: ''}), 'invalid_id');
	});

	it('missing_field for absent ids', () => {
		expectReason(span({trace_id: undefined}), 'missing_field:trace_id');
		expectReason(span({span_id: null}), 'missing_field:span_id');
	});

	it('upper-case hex is lower-cased', () => {
		const {event} = spanned(span({trace_id: TRACE.toUpperCase(), span_id: SPAN.toUpperCase()}));
		expect(event.traceId).toBe(TRACE);
		expect(event.spanId).toBe(SPAN);
	});

	it('parent "" or null is a root; a bad parent is dropped', () => {
		expect(spanned(span({parent_span_id: ''})).event.parentSpanId).toBeUndefined();
		expect(spanned(span({parent_span_id: null})).event.parentSpanId).toBeUndefined();
		expect(spanned(span({parent_span_id: 'A000000000000001'})).event.parentSpanId).toBe('a000000000000001');
		const bad = spanned(span({parent_span_id: 'nope'}));
		expect(bad.event.parentSpanId).toBeUndefined();
		expect(bad.warnings).toEqual(['dropped_field:parent_span_id']);
	});
});

describe('span: timing', () => {
	it('end_ts gives the duration', () => {
		// 10:00:00.000 → 10:00:02.500 = 2500 ms
		const {event} = spanned(span({duration_ms: undefined, start_ts: '2026-08-20T10:00:00Z', end_ts: '2026-08-20T10:00:02.500Z'}));
		expect(event.durationMs).toBe(2500);
		expect(event.ts).toBe(T0 + 2500);
	});

	it('end_ts wins over duration_ms when both are sent', () => {
		const {event} = spanned(span({end_ts: T0 + 10, duration_ms: 999}));
		expect(event.durationMs).toBe(10);
	});

	it('end before start is out_of_range:end_ts; neither end nor duration is missing_field:end_ts', () => {
		expectReason(span({duration_ms: undefined, end_ts: T0 - 1}), 'out_of_range:end_ts');
		expectReason(span({duration_ms: undefined}), 'missing_field:end_ts');
		expectReason(span({duration_ms: -1}), 'out_of_range:duration_ms');
		expectReason(span({duration_ms: '5'}), 'wrong_type:duration_ms');
	});

	it('start_ts is required and checked like ts', () => {
		expectReason(span({start_ts: undefined}), 'missing_field:start_ts');
		expectReason(span({start_ts: '10:00'}), 'invalid_timestamp');
		expect(reject(span({start_ts: 1_787_220_000_000_000})).hint).toMatch(/microseconds/);
		expectReason(span({duration_ms: undefined, end_ts: 'yesterday'}), 'invalid_timestamp');
	});

	it('a duration that pushes the end beyond arrival + 1 day is implausible', () => {
		expectReason(span({start_ts: NOW, duration_ms: 86_400_001}), 'implausible_timestamp');
	});

	it('clock_skew shifts the whole span to end at arrival', () => {
		// starts 10 min ahead of arrival, lasts 1 s → end = arrival, start = arrival − 1000
		const {event, warnings} = spanned(span({start_ts: NOW + 600_000, duration_ms: 1000}));
		expect(warnings).toEqual(['clock_skew']);
		expect(event.ts).toBe(NOW);
		expect(event.startTs).toBe(NOW - 1000);
		expect(event.durationMs).toBe(1000);
	});

	it('the event-level ts field is ignored on spans', () => {
		const {event, warnings} = spanned(span({ts: 'garbage'}));
		expect(event.ts).toBe(T0 + 1250);
		expect(warnings).toEqual([]);
	});
});

describe('span: kind and status', () => {
	it('kind defaults to internal; OTLP names and integers are accepted', () => {
		expect(spanned(span()).event.kind).toBe('internal');
		expect(spanned(span({kind: 'SERVER'})).event.kind).toBe('server');
		expect(spanned(span({kind: 'Client'})).event.kind).toBe('client');
		expect(spanned(span({kind: 'client'})).event.kind).toBe('client');
		expect(spanned(span({kind: 'SPAN_KIND_PRODUCER'})).event.kind).toBe('producer');
		expect(spanned(span({kind: 5})).event.kind).toBe('consumer');
		const bad = spanned(span({kind: 'sideways'}));
		expect(bad.event.kind).toBe('internal');
		expect(bad.warnings).toEqual(['dropped_field:kind']);
	});

	it('status code and message', () => {
		const {event} = spanned(span({status: {code: 'error', message: 'rate \u001b[31mlimited'}}));
		expect(event.statusCode).toBe('error');
		expect(event.statusMessage).toBe('rate \u241b[31mlimited');
		expect(spanned(span({status: {code: 'STATUS_CODE_OK'}})).event.statusCode).toBe('ok');
		expect(spanned(span({status: {code: 2}})).event.statusCode).toBe('error');
		expect(spanned(span({status: 'ok'})).event.statusCode).toBe('ok');
		expect(spanned(span({status: 'Error'})).event.statusCode).toBe('error');
		expect(spanned(span({status: {code: 'UNSET'}})).event.statusCode).toBe('unset');
		const bad = spanned(span({status: {code: 'meh'}}));
		expect(bad.event.statusCode).toBe('unset');
		expect(bad.warnings).toEqual(['dropped_field:status']);
	});
});

describe('span: attributes, events, resource', () => {
	it('keeps scalars and scalar arrays, drops nested values with one warning', () => {
		const {event, warnings} = spanned(span({attributes: {a: 'x', b: 1.5, c: true, d: ['p', 2, false], e: {nested: 1}, f: null, g: [{}]}}));
		expect(event.attributes).toEqual({a: 'x', b: 1.5, c: true, d: ['p', 2, false]});
		expect(warnings).toEqual(['dropped_field:attributes']);
	});

	it('caps attributes at 128 keys and long values at 1 KiB', () => {
		const many: Record<string, number> = {};
		for (let i = 0; i < 200; i++) many[`k${i}`] = i;
		const capped = spanned(span({attributes: many}));
		expect(Object.keys(capped.event.attributes)).toHaveLength(128);
		expect(capped.warnings).toEqual(['truncated:attributes']);
		const long = spanned(span({attributes: {msg: 'x'.repeat(2000)}}));
		expect((long.event.attributes['msg'] as string).length).toBe(1024);
	});

	it('clean attributes are copied as they are; anything to clean, cut or drop takes the careful path', () => {
		const attributes = {'http.route': '/api/x', 'http.status_code': 200, cached: false, [`k${'k'.repeat(199)}`]: 'v'.repeat(1024)};
		const outcome = parseObject(JSON.parse(span({attributes})), NOW);
		if (!outcome.ok || outcome.event.type !== 'span') throw new Error('expected a span');
		expect(outcome.event.attributes).toEqual(attributes);
		expect(Object.keys(outcome.event.attributes)).toEqual(Object.keys(attributes));
		expect(outcome.warnings).toEqual([]);

		const longKey = spanned(span({attributes: {['k'.repeat(300)]: 1, ok: 'x'}}));
		expect(Object.keys(longKey.event.attributes)).toEqual([`${'k'.repeat(255)}…`, 'ok']);
		expect(longKey.warnings).toEqual(['truncated:attributes']);
		const longValue = spanned(span({attributes: {ok: 'x', msg: 'x'.repeat(1025)}}));
		expect(longValue.event.attributes).toEqual({ok: 'x', msg: `${'x'.repeat(1023)}…`});
		const mixed = spanned(span({attributes: {ok: 'x', list: ['a\u0007', 1]}}));
		expect(mixed.event.attributes).toEqual({ok: 'x', list: ['a\u2407', 1]});
		const nonFinite = parseObject({...(JSON.parse(span()) as object), attributes: {ok: 1, bad: Number.NaN}}, NOW);
		expect(nonFinite.ok && nonFinite.event.type === 'span' && nonFinite.event.attributes).toEqual({ok: 1});
		expect(nonFinite.ok && nonFinite.warnings).toEqual(['dropped_field:attributes']);
	});

	it('attributes are neither shared with the caller nor read unsanitised through a getter', () => {
		const attributes = {a: 'x'};
		const copied = parseObject({...(JSON.parse(span()) as object), attributes}, NOW);
		expect(copied.ok && copied.event.type === 'span' && copied.event.attributes).not.toBe(attributes);
		let calls = 0;
		const shifty = {
			get a(): string {
				return calls++ === 0 ? 'clean' : 'dirty\u001b';
			},
		};
		for (let pass = 0; pass < 3; pass++) {
			const outcome = parseObject({...(JSON.parse(span()) as object), attributes: shifty}, NOW);
			const value = outcome.ok && outcome.event.type === 'span' ? outcome.event.attributes['a'] : undefined;
			expect(['clean', 'dirty\u241b']).toContain(value);
		}
	});

	it('a __proto__ attribute key becomes a plain property', () => {
		const {event} = spanned(`{"type":"span","trace_id":"${TRACE}","span_id":"${SPAN}","name":"n","start_ts":${T0},"duration_ms":1,"attributes":{"__proto__":"x"}}`);
		expect(Object.getPrototypeOf(event.attributes)).toBe(Object.prototype);
		expect(Object.keys(event.attributes)).toEqual(['__proto__']);
	});

	it('events: valid ones kept, bad ones dropped, capped at 128', () => {
		const {event, warnings} = spanned(span({events: [{ts: T0 + 5, name: 'first_token'}, {ts: 'bad', name: 'x'}, {name: 'no ts'}, 'junk']}));
		expect(event.events).toEqual([{ts: T0 + 5, name: 'first_token'}]);
		expect(warnings).toEqual(['dropped_field:events']);
		const many = spanned(span({events: Array.from({length: 130}, (_, i) => ({ts: T0 + i, name: `e${i}`}))}));
		expect(many.event.events).toHaveLength(128);
		expect(many.warnings).toEqual(['truncated:events']);
	});

	it('resource service.name fills service; a top-level service wins', () => {
		expect(spanned(span({resource: {'service.name': 'checkout'}})).event.service).toBe('checkout');
		expect(spanned(span({service: 'api', resource: {'service.name': 'checkout'}})).event.service).toBe('api');
		expect(spanned(span({resource: 'checkout'})).warnings).toEqual(['dropped_field:resource']);
	});

	it('name is required', () => {
		expectReason(span({name: undefined}), 'missing_field:name');
	});

	it('every string, keys included, is sanitised', () => {
		const evil = '\u001b]52;c;eA==\u0007\u2066';
		const {event} = spanned(
			span({
				name: `n${evil}`,
				id: `i${evil}`,
				status: {code: 'error', message: `m${evil}`},
				attributes: {[`k${evil}`]: `v${evil}`, arr: [`a${evil}`]},
				events: [{ts: T0, name: `e${evil}`}],
				resource: {'service.name': `s${evil}`},
			}),
		);
		const strings = allStrings(event);
		expect(strings).toContain('k\u241b]52;c;eA==\u2407\u2426');
		for (const s of strings) expect(s).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2066-\u2069]/);
	});
});
