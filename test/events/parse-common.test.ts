import {describe, expect, it} from 'vitest';
import {parseLine, parseObject} from '../../source/events/parse.js';
import {MAX_UNKNOWN_FIELD_WARNINGS} from '../../source/events/known-shapes.js';
import {NOW, T0, accept, call, expectReason, line, reject} from './parse-helpers.js';

describe('framing-level rejections', () => {
	it('invalid_json for text that is not JSON', () => {
		expectReason('not json', 'invalid_json');
		expectReason('{"type":"llm_call","model":"gpt-4o"', 'invalid_json');
		expectReason("{'type':'llm_call'}", 'invalid_json');
		expectReason('', 'invalid_json');
	});

	it('non_standard_number for bare NaN / Infinity / -Infinity (Python json.dumps)', () => {
		expectReason('{"type":"llm_call","model":"m","latency_ms":NaN}', 'non_standard_number');
		expectReason('{"type":"llm_call","model":"m","latency_ms": Infinity}', 'non_standard_number');
		expectReason('{"type":"score","name":"x","feature":"f","value":-Infinity}', 'non_standard_number');
		expectReason('[1, NaN]', 'non_standard_number');
		expect(reject('{"v":NaN}').hint).toMatch(/allow_nan/);
	});

	it('invalid_json, not non_standard_number, when NaN only appears inside a string of a broken line', () => {
		expectReason('{"model":"NaN-model" "x":1}', 'invalid_json');
		expectReason('{"type":"llm_call","model":"NaNo",', 'invalid_json');
	});

	it('a valid line mentioning "NaN" in a string parses normally', () => {
		const {event} = accept(call({model: 'NaN'}));
		expect(event.type === 'llm_call' && event.model).toBe('NaN');
	});

	it('not_an_object for arrays, numbers, strings, booleans and null', () => {
		for (const input of ['[]', '[{"type":"llm_call"}]', '42', '"llm_call"', 'true', 'null']) expectReason(input, 'not_an_object');
	});

	it('otlp_not_supported for OTLP/JSON payloads, snake_case_otlp for their snake_case spelling', () => {
		expectReason('{"resourceSpans":[]}', 'otlp_not_supported');
		expectReason('{"resourceLogs":[]}', 'otlp_not_supported');
		expectReason('{"resourceMetrics":[]}', 'otlp_not_supported');
		expectReason('{"resource_spans":[]}', 'snake_case_otlp');
		expectReason('{"resource_logs":[]}', 'snake_case_otlp');
		expectReason('{"resource_metrics":[]}', 'snake_case_otlp');
	});
});

describe('version and type', () => {
	it('accepts v absent, null or 1', () => {
		accept(call());
		accept(call({v: 1}));
		accept(call({v: null}));
	});

	it('unsupported_version for any other v', () => {
		expectReason(call({v: 2}), 'unsupported_version');
		expectReason(call({v: '1'}), 'unsupported_version');
		expectReason(call({v: 1.5}), 'unsupported_version');
		expectReason(line({v: 2, type: 'future_type'}), 'unsupported_version');
	});

	it('unknown_type when type is missing, reserved, wrongly cased or not a string', () => {
		expectReason('{}', 'unknown_type');
		expectReason(line({model: 'gpt-4o', latency_ms: 1}), 'unknown_type');
		expectReason(call({type: 'rollup'}), 'unknown_type');
		expectReason(call({type: 'meta'}), 'unknown_type');
		expectReason(call({type: 'LLM_CALL'}), 'unknown_type');
		expectReason(call({type: ['llm_call']}), 'unknown_type');
		expectReason(call({type: {nested: {deeper: [1, 2]}}}), 'unknown_type');
	});
});

describe('unknown_field warnings', () => {
	it('names each unknown top-level key, keeping the event', () => {
		const {event, warnings} = accept(call({latencyMs: 5, foo: 1}));
		expect(event.type).toBe('llm_call');
		expect(warnings).toEqual(['unknown_field:latencyMs', 'unknown_field:foo']);
	});

	it(`caps the warnings at ${MAX_UNKNOWN_FIELD_WARNINGS} per event`, () => {
		const extra: Record<string, number> = {};
		for (let i = 0; i < 50; i++) extra[`x${i}`] = i;
		const {warnings} = accept(call(extra));
		expect(warnings).toHaveLength(MAX_UNKNOWN_FIELD_WARNINGS);
		expect(warnings[0]).toBe('unknown_field:x0');
	});

	it('sanitises and shortens hostile key names', () => {
		const {warnings} = accept(call({'\u001b[2J': 1, ['k'.repeat(500)]: 2}));
		expect(warnings[0]).toBe('unknown_field:\u241b[2J');
		// 64-char cap: 63 + '…'
		expect(warnings[1]).toBe(`unknown_field:${'k'.repeat(63)}…`);
	});

	it('a __proto__ key is an unknown field and pollutes nothing', () => {
		const {warnings} = accept(`{"type":"llm_call","ts":${T0},"model":"m","latency_ms":1,"__proto__":{"polluted":true}}`);
		expect(warnings).toEqual(['unknown_field:__proto__']);
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
	});

	it('common fields (v, attrs) are known on every type', () => {
		expect(accept(call({attrs: {tier: 'pro'}})).warnings).toEqual([]);
		expect(accept(line({type: 'score', ts: T0, feature: 'f', name: 'x', value: 1, service: 's', env: 'e', host: 'h'})).warnings).toEqual([]);
	});
});

describe('valid events allocate no warning array', () => {
	it('shares one frozen empty array', () => {
		const a = accept(call());
		const b = accept(call({model: 'claude-3'}));
		expect(a.warnings).toEqual([]);
		expect(a.warnings).toBe(b.warnings);
		expect(Object.isFrozen(a.warnings)).toBe(true);
	});
});

describe('parseObject', () => {
	it('validates an already-parsed value the same way as parseLine', () => {
		const value = {type: 'llm_call', ts: T0, model: 'gpt-4o', latency_ms: 100};
		expect(parseObject(value, NOW)).toEqual(parseLine(JSON.stringify(value), NOW));
		expect(parseObject([value], NOW)).toEqual({ok: false, reason: 'not_an_object'});
		expect(parseObject(undefined, NOW)).toEqual({ok: false, reason: 'not_an_object'});
	});

	it('never throws on getter-throwing objects or revoked proxies', () => {
		const hostile = {
			type: 'llm_call',
			get model(): string {
				throw new Error('boom');
			},
			latency_ms: 1,
		};
		const outcome = parseObject(hostile, NOW);
		expect(outcome.ok).toBe(false);
		expect(!outcome.ok && outcome.reason).toBe('not_an_object');
		const {proxy, revoke} = Proxy.revocable({}, {});
		revoke();
		expect(parseObject(proxy, NOW).ok).toBe(false);
	});

	it('one line’s rejection or warnings never leak into the next', () => {
		expect(reject(call({model: undefined})).reason).toBe('missing_field:model');
		expect(accept(call()).warnings).toEqual([]);
		expect(accept(call({ts: undefined})).warnings).toEqual(['ts_missing']);
		expect(accept(call()).warnings).toEqual([]);
	});

	it('a parse started from inside another (a getter) gets its own state', () => {
		let inner: ReturnType<typeof parseObject> | undefined;
		const outer = parseObject(
			{
				type: 'llm_call',
				ts: T0,
				get model(): string {
					inner = parseObject({type: 'llm_call', model: 'inner', latency_ms: 1}, NOW);
					return 'outer';
				},
				latency_ms: 2,
				extra: 1,
			},
			NOW,
		);
		expect(inner).toMatchObject({ok: true, warnings: ['ts_missing'], event: {model: 'inner', latencyMs: 1, ts: NOW}});
		expect(outer).toMatchObject({ok: true, warnings: ['unknown_field:extra'], event: {model: 'outer', latencyMs: 2, ts: T0}});
	});

	it('does not keep references to the caller’s arrays or objects', () => {
		const finish = ['stop'];
		const outcome = parseObject({type: 'llm_call', ts: T0, model: 'm', latency_ms: 1, finish_reasons: finish}, NOW);
		expect(outcome.ok).toBe(true);
		if (!outcome.ok || outcome.event.type !== 'llm_call') return;
		expect(outcome.event.finishReasons).toEqual(['stop']);
		expect(outcome.event.finishReasons).not.toBe(finish);
	});
});

describe('huge and hostile values never throw', () => {
	it('1e400 parses to Infinity and is out of range, not a crash', () => {
		expectReason('{"type":"llm_call","model":"m","latency_ms":1e400}', 'out_of_range:latency_ms');
		expectReason('{"type":"llm_call","model":"m","latency_ms":1,"cost_usd":1e400}', 'out_of_range:cost_usd');
		expectReason('{"type":"llm_call","model":"m","latency_ms":1,"ts":1e400}', 'invalid_timestamp');
	});

	it('deeply nested garbage is handled', () => {
		const deep = '['.repeat(5000) + ']'.repeat(5000);
		expect(['not_an_object', 'invalid_json']).toContain(reject(deep).reason);
		const nestedModel = `{"type":"llm_call","model":${'{"a":'.repeat(500)}1${'}'.repeat(500)},"latency_ms":1}`;
		expectReason(nestedModel, 'wrong_type:model');
	});
});
