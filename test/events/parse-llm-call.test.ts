import {describe, expect, it} from 'vitest';
import type {LlmCallEvent} from '../../source/events/types.js';
import {NOW, T0, accept, allStrings, call, expectReason, reject} from './parse-helpers.js';

function llm(input: string): {event: LlmCallEvent; warnings: readonly string[]} {
	const {event, warnings} = accept(input);
	if (event.type !== 'llm_call') throw new Error('not an llm_call');
	return {event, warnings};
}

describe('llm_call: the full example from protocols.md §4.6', () => {
	it('maps every wire field to its camelCase property', () => {
		const input =
			'{"v":1,"type":"llm_call","ts":"2026-08-20T10:00:01.250Z","feature":"support-bot","provider":"openai","model":"gpt-4o","response_model":"gpt-4o-2024-08-06","latency_ms":1250,"ttft_ms":310,"input_tokens":1200,"cache_read_tokens":1024,"output_tokens":220,"status":"ok","call_id":"c-81f2"}';
		const {event, warnings} = llm(input);
		expect(warnings).toEqual([]);
		expect(event).toEqual({
			type: 'llm_call',
			ts: T0 + 1250,
			feature: 'support-bot',
			providerRaw: 'openai',
			provider: 'openai',
			model: 'gpt-4o',
			responseModel: 'gpt-4o-2024-08-06',
			operation: 'chat',
			latencyMs: 1250,
			ttftMs: 310,
			inputTokens: 1200,
			cacheReadTokens: 1024,
			outputTokens: 220,
			status: 'ok',
			callId: 'c-81f2',
		});
	});

	it('reads every optional field', () => {
		const {event, warnings} = llm(
			call({
				id: 'e-1',
				service: 'api',
				env: 'prod',
				host: 'h1',
				operation: 'embeddings',
				cache_write_tokens: 3,
				reasoning_tokens: 4,
				output_tokens: 10,
				cost_usd: 0.25,
				error_type: 'timeout',
				error_message: 'took too long',
				finish_reasons: ['stop', 'length'],
				stream: true,
				trace_id: '5B8EFFF798038103D269B633813FC60C',
				span_id: 'eee19b7ec3c1b174',
				parent_span_id: '00000000000000ff',
				response_id: 'chatcmpl-1',
				session_id: 's-1',
				user_id: 'u-1',
			}),
		);
		expect(warnings).toEqual([]);
		expect(event).toMatchObject({
			id: 'e-1',
			service: 'api',
			env: 'prod',
			host: 'h1',
			operation: 'embeddings',
			cacheWriteTokens: 3,
			reasoningTokens: 4,
			outputTokens: 10,
			costUsd: 0.25,
			status: 'error',
			errorType: 'timeout',
			errorMessage: 'took too long',
			finishReasons: ['stop', 'length'],
			stream: true,
			traceId: '5b8efff798038103d269b633813fc60c',
			spanId: 'eee19b7ec3c1b174',
			parentSpanId: '00000000000000ff',
			responseId: 'chatcmpl-1',
			sessionId: 's-1',
			userId: 'u-1',
			// call_id absent: defaults to span_id (§4.3)
			callId: 'eee19b7ec3c1b174',
		});
	});
});

describe('llm_call: defaults', () => {
	it('feature (none), operation chat, status ok', () => {
		const {event} = llm(call());
		expect(event.feature).toBe('(none)');
		expect(event.operation).toBe('chat');
		expect(event.status).toBe('ok');
		expect(event.callId).toBeUndefined();
	});

	it('status error when error_type is set and status absent; an explicit status wins', () => {
		expect(llm(call({error_type: 'rate_limit'})).event.status).toBe('error');
		expect(llm(call({error_type: 'rate_limit', status: 'ok'})).event.status).toBe('ok');
		expect(llm(call({status: 'ERROR'})).event.status).toBe('error');
	});

	it('callId falls back to span_id, then id', () => {
		expect(llm(call({id: 'e-9'})).event.callId).toBe('e-9');
		expect(llm(call({id: 'e-9', span_id: 'eee19b7ec3c1b174'})).event.callId).toBe('eee19b7ec3c1b174');
		expect(llm(call({id: 'e-9', call_id: 'c-1'})).event.callId).toBe('c-1');
	});

	it('a scalar finish_reasons is wrapped', () => {
		expect(llm(call({finish_reasons: 'stop'})).event.finishReasons).toEqual(['stop']);
	});

	it('null is the same as absent for optional fields', () => {
		const {event, warnings} = llm(call({feature: null, input_tokens: null, status: null, finish_reasons: null}));
		expect(warnings).toEqual([]);
		expect(event.feature).toBe('(none)');
		expect(event.inputTokens).toBeUndefined();
	});
});

describe('llm_call: required fields', () => {
	it('missing_field:model when absent, null or empty', () => {
		expectReason(call({model: undefined}), 'missing_field:model');
		expectReason(call({model: null}), 'missing_field:model');
		expectReason(call({model: ''}), 'missing_field:model');
	});

	it('missing_field:latency_ms', () => {
		expectReason(call({latency_ms: undefined}), 'missing_field:latency_ms');
		expectReason(call({latency_ms: null}), 'missing_field:latency_ms');
	});

	it('wrong_type for a required field of the wrong JSON type', () => {
		expectReason(call({latency_ms: '12'}), 'wrong_type:latency_ms');
		expectReason(call({model: 42}), 'wrong_type:model');
		expectReason(call({model: ['gpt-4o']}), 'wrong_type:model');
	});

	it('the first failing field in schema order decides the reason', () => {
		expectReason(call({model: 1, latency_ms: 'x'}), 'wrong_type:model');
	});
});

describe('llm_call: metric ranges (strict: totals must never be silently wrong)', () => {
	it('latency_ms must be finite in 0..86 400 000', () => {
		expect(llm(call({latency_ms: 0})).event.latencyMs).toBe(0);
		expect(llm(call({latency_ms: 86_400_000})).event.latencyMs).toBe(86_400_000);
		expect(llm(call({latency_ms: 12.5})).event.latencyMs).toBe(12.5);
		expectReason(call({latency_ms: -1}), 'out_of_range:latency_ms');
		expectReason(call({latency_ms: 86_400_001}), 'out_of_range:latency_ms');
	});

	it('tokens are non-negative safe integers ≤ 1e9', () => {
		expect(llm(call({input_tokens: 0})).event.inputTokens).toBe(0);
		expect(llm(call({input_tokens: 1e9})).event.inputTokens).toBe(1e9);
		expectReason(call({input_tokens: -1}), 'out_of_range:input_tokens');
		expectReason(call({output_tokens: 1.5}), 'out_of_range:output_tokens');
		expectReason(call({cache_read_tokens: 1e9 + 1}), 'out_of_range:cache_read_tokens');
		expectReason(call({cache_write_tokens: 2 ** 60}), 'out_of_range:cache_write_tokens');
		expectReason(call({reasoning_tokens: '5'}), 'wrong_type:reasoning_tokens');
		expectReason(call({input_tokens: '12'}), 'wrong_type:input_tokens');
	});

	it('cost_usd finite ≥ 0', () => {
		expect(llm(call({cost_usd: 0})).event.costUsd).toBe(0);
		expectReason(call({cost_usd: -0.01}), 'out_of_range:cost_usd');
		expectReason(call({cost_usd: '0.01'}), 'wrong_type:cost_usd');
	});

	it('status must be ok or error', () => {
		expectReason(call({status: 'failed'}), 'out_of_range:status');
		expectReason(call({status: 500}), 'wrong_type:status');
	});
});

describe('llm_call: warnings', () => {
	it('usage_adjusted: cache read + write above input are added to input (exclusive → inclusive)', () => {
		// 100 input, 80 + 40 = 120 cached > 100 → input = 100 + 120 = 220
		const {event, warnings} = llm(call({input_tokens: 100, cache_read_tokens: 80, cache_write_tokens: 40}));
		expect(event.inputTokens).toBe(220);
		expect(event.cacheReadTokens).toBe(80);
		expect(warnings).toEqual(['usage_adjusted']);
	});

	it('no adjustment when the cached tokens fit inside input (inclusive already)', () => {
		// 80 + 20 = 100 ≤ 100
		const {event, warnings} = llm(call({input_tokens: 100, cache_read_tokens: 80, cache_write_tokens: 20}));
		expect(event.inputTokens).toBe(100);
		expect(warnings).toEqual([]);
	});

	it('usage_adjusted: reasoning above output is added to output', () => {
		// 10 output, 30 reasoning > 10 → output = 40
		const {event, warnings} = llm(call({output_tokens: 10, reasoning_tokens: 30}));
		expect(event.outputTokens).toBe(40);
		expect(warnings).toEqual(['usage_adjusted']);
		// 30 ≤ 30: left alone
		expect(llm(call({output_tokens: 30, reasoning_tokens: 30})).event.outputTokens).toBe(30);
	});

	it('ttft_gt_latency: ttft above latency + 1 is dropped', () => {
		const dropped = llm(call({latency_ms: 500, ttft_ms: 502}));
		expect(dropped.event.ttftMs).toBeUndefined();
		expect(dropped.warnings).toEqual(['ttft_gt_latency']);
		// 501 ≤ 500 + 1 (rounding slack): kept
		const kept = llm(call({latency_ms: 500, ttft_ms: 501}));
		expect(kept.event.ttftMs).toBe(501);
		expect(kept.warnings).toEqual([]);
	});

	it('dropped_field for invalid optional descriptive fields', () => {
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ttft_ms: -5}, 'dropped_field:ttft_ms'],
			[{ttft_ms: '5'}, 'dropped_field:ttft_ms'],
			[{stream: 'yes'}, 'dropped_field:stream'],
			[{feature: 7}, 'dropped_field:feature'],
			[{trace_id: 'not-hex'}, 'dropped_field:trace_id'],
			[{trace_id: '0'.repeat(32)}, 'dropped_field:trace_id'],
			[{span_id: 'eee19b7ec3c1b17'}, 'dropped_field:span_id'],
			[{finish_reasons: {a: 1}}, 'dropped_field:finish_reasons'],
			[{id: 'i'.repeat(129)}, 'dropped_field:id'],
		];
		for (const [fields, warning] of cases) {
			const {event, warnings} = llm(call(fields));
			expect(warnings, JSON.stringify(fields)).toEqual([warning]);
			expect(event.feature).toBe('(none)');
		}
	});

	it('finish_reasons: non-strings dropped, more than 16 truncated', () => {
		const mixed = llm(call({finish_reasons: ['stop', 3, null]}));
		expect(mixed.event.finishReasons).toEqual(['stop']);
		expect(mixed.warnings).toEqual(['dropped_field:finish_reasons']);
		const many = llm(call({finish_reasons: Array.from({length: 20}, (_, i) => `r${i}`)}));
		expect(many.event.finishReasons).toHaveLength(16);
		expect(many.warnings).toEqual(['truncated:finish_reasons']);
	});

	it('truncated:<f> caps strings at their schema length', () => {
		const {event, warnings} = llm(call({feature: 'f'.repeat(200), error_message: 'e'.repeat(5000), model: 'm'.repeat(300)}));
		// feature ≤128 → 127 + '…'; model ≤256; error_message ≤1024
		expect(event.feature).toBe(`${'f'.repeat(127)}…`);
		expect(event.model).toHaveLength(256);
		expect(event.errorMessage).toHaveLength(1024);
		expect(warnings).toEqual(['truncated:model', 'truncated:feature', 'truncated:error_message']);
	});

	it('ts_missing: arrival time is used', () => {
		const {event, warnings} = llm(call({ts: undefined}));
		expect(event.ts).toBe(NOW);
		expect(warnings).toEqual(['ts_missing']);
	});

	it('clock_skew: more than 5 minutes ahead is accepted at arrival time', () => {
		const skewed = llm(call({ts: NOW + 300_001}));
		expect(skewed.event.ts).toBe(NOW);
		expect(skewed.warnings).toEqual(['clock_skew']);
		// exactly 5 minutes ahead: kept as sent
		const edge = llm(call({ts: NOW + 300_000}));
		expect(edge.event.ts).toBe(NOW + 300_000);
		expect(edge.warnings).toEqual([]);
	});
});

describe('llm_call: timestamps', () => {
	it('invalid_timestamp and implausible_timestamp', () => {
		expectReason(call({ts: '2026-08-20T10:00:00'}), 'invalid_timestamp');
		expectReason(call({ts: true}), 'invalid_timestamp');
		expectReason(call({ts: '1787220000000'}), 'invalid_timestamp');
		expectReason(call({ts: 1_700_000_000}), 'implausible_timestamp');
		expect(reject(call({ts: 1_700_000_000})).hint).toMatch(/epoch seconds/);
		expectReason(call({ts: NOW + 86_400_001}), 'implausible_timestamp');
	});
});

describe('llm_call: provider', () => {
	it('normalises the provider and keeps the raw value', () => {
		const {event} = llm(call({provider: 'az.ai.openai'}));
		expect(event.provider).toBe('azure.ai.openai');
		expect(event.providerRaw).toBe('az.ai.openai');
	});

	it('infers it from the model when absent or a framework', () => {
		expect(llm(call({model: 'claude-3-5-haiku'})).event.provider).toBe('anthropic');
		const viaFramework = llm(call({provider: 'langchain', model: 'gemini-1.5-pro'})).event;
		expect(viaFramework.provider).toBe('gcp.gemini');
		expect(viaFramework.providerRaw).toBe('langchain');
		expect(llm(call({model: 'my-finetune'})).event.provider).toBe('unknown');
	});
});

describe('llm_call: every string is sanitised at parse time', () => {
	it('no control or bidi character survives in any field', () => {
		const evil = '\u001b[2J\u001b]52;c;eA==\u0007\u009b31m\u202Ex\u0000';
		const fields: Record<string, unknown> = {};
		for (const f of ['id', 'service', 'env', 'host', 'model', 'response_model', 'provider', 'operation', 'feature', 'error_type', 'error_message', 'call_id', 'response_id', 'session_id', 'user_id']) {
			fields[f] = `${f}${evil}`;
		}
		fields['finish_reasons'] = [evil, `b${evil}`];
		const {event} = llm(call(fields));
		const strings = allStrings(event);
		expect(strings.length).toBeGreaterThan(17);
		for (const s of strings) expect(s).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
		expect(event.feature).toBe('feature\u241b[2J\u241b]52;c;eA==\u2407\u242631m\u2426x\u2400');
	});
});
