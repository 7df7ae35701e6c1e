import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {MAX_LABELS, OutcomeBatchError, OutcomeDecoder, OutcomeEncoder, type OutcomeBatch} from '../../source/events/outcome-codec.js';
import {parseLine} from '../../source/events/parse.js';
import type {ParseOutcome} from '../../source/events/types.js';
import {createDemoGenerator} from '../../source/demo/generator.js';
import {NOW, T0, line} from './parse-helpers.js';

type Decoded = {outcome: ParseOutcome; raw: string};

function roundTrip(lines: readonly string[], batchSize = 50): {before: ParseOutcome[]; after: Decoded[]} {
	const encoder = new OutcomeEncoder();
	const decoder = new OutcomeDecoder();
	const before = lines.map(text => parseLine(text, NOW));
	const after: Decoded[] = [];
	const flush = (): void => {
		// Through structured clone, as postMessage sends it.
		const batch = structuredClone(encoder.take());
		decoder.decode(batch, (outcome, raw) => after.push({outcome, raw}));
	};
	for (let i = 0; i < lines.length; i++) {
		encoder.add(before[i]!, lines[i]!);
		if (encoder.size === batchSize) flush();
	}
	flush();
	return {before, after};
}

/** The same outcome, with the same keys in the same order (the trackers rely on one shape per type). */
function expectSame(after: ParseOutcome, before: ParseOutcome): void {
	expect(after).toStrictEqual(before);
	if (after.ok && before.ok) expect(Object.keys(after.event)).toStrictEqual(Object.keys(before.event));
}

const fixtureLines = (name: string): string[] =>
	readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
		.split('\n')
		.filter(text => text.trim() !== '');

describe('outcome codec', () => {
	it('round-trips every line of the fixtures, accepted and rejected, in order', () => {
		const lines = [...fixtureLines('events-sample.ndjson'), ...fixtureLines('bad-mixed.ndjson')];
		const {before, after} = roundTrip(lines, 7);
		expect(after).toHaveLength(before.length);
		expect(before.some(o => o.ok)).toBe(true);
		expect(before.some(o => !o.ok)).toBe(true);
		for (const [i, decoded] of after.entries()) expectSame(decoded.outcome, before[i]!);
	});

	it('round-trips a minute of live demo traffic (calls, scores, revenue, spans with attributes)', () => {
		const start = T0 - 60_000;
		const generator = createDemoGenerator({seed: 3, ratePerS: 50, liveStartMs: start, tz: 'UTC'});
		const lines: string[] = [];
		for (let t = start + 1000; t <= T0; t += 1000) lines.push(...generator.live(t));
		expect(lines.length).toBeGreaterThan(2000);
		const {before, after} = roundTrip(lines, 190);
		const types = new Set(before.flatMap(o => (o.ok ? [o.event.type] : [])));
		expect([...types].sort()).toStrictEqual(['llm_call', 'revenue', 'score', 'span']);
		for (const [i, decoded] of after.entries()) expectSame(decoded.outcome, before[i]!);
	});

	it('keeps every optional field of a call, and tells undefined, false and empty apart', () => {
		const full = line({
			type: 'llm_call', ts: T0, id: 'req-1', service: 'api', env: 'prod', host: 'h1', model: 'gpt-4o', response_model: 'gpt-4o-2024-08-06',
			provider: 'OpenAI', operation: 'chat', feature: 'search', latency_ms: 812.5, ttft_ms: 120, input_tokens: 1000, output_tokens: 200,
			cache_read_tokens: 300, cache_write_tokens: 10, reasoning_tokens: 50, cost_usd: 0.0123, status: 'error', error_type: 'rate_limit',
			error_message: 'slow down ✋', finish_reasons: ['stop', 'length'], stream: false, call_id: 'c-1', trace_id: 'a'.repeat(32),
			span_id: 'b'.repeat(16), parent_span_id: 'c'.repeat(16), response_id: 'resp-1', session_id: 's-1', user_id: 'u-1',
		});
		const bare = line({type: 'llm_call', ts: T0, model: 'm', latency_ms: 1, finish_reasons: [], stream: true});
		const {before, after} = roundTrip([full, bare]);
		expectSame(after[0]!.outcome, before[0]!);
		expectSame(after[1]!.outcome, before[1]!);
		const event = after[1]!.outcome.ok ? after[1]!.outcome.event : undefined;
		expect(event).toMatchObject({finishReasons: [], stream: true, costUsd: undefined, id: undefined});
	});

	it('keeps score values as numbers or booleans, and span attributes of every kind', () => {
		const lines = [
			line({type: 'score', ts: T0, name: 'hallucination', value: true, call_id: 'c1', evaluator: 'llm', evaluator_name: 'judge', label: 'bad', explanation: 'made up'}),
			line({type: 'score', ts: T0, name: 'grounding', value: 0, feature: 'f', model: 'm'}),
			line({type: 'revenue', ts: T0, feature: 'f', amount_usd: 12.5, order_id: 'o-1', customer_id: 'cu', trace_id: 'd'.repeat(32), call_id: 'c'}),
			line({
				type: 'span', trace_id: 'e'.repeat(32), span_id: 'f'.repeat(16), name: 'tool', start_ts: T0, end_ts: T0 + 5, kind: 'client',
				status: {code: 'error', message: 'boom'}, service: 'svc',
				attributes: {'gen_ai.request.model': 'gpt-4o', n: 3, ok: false, list: ['a', 1, true], empty: [], 'ünï': 'ç'},
				events: [{name: 'retry', ts: T0 + 1}, {name: 'done', ts: T0 + 4}],
			}).replace('"n":3', '"__proto__":"x","n":3'),
		];
		const {before, after} = roundTrip(lines);
		for (const [i, decoded] of after.entries()) expectSame(decoded.outcome, before[i]!);
		const span = after[3]!.outcome;
		// A `__proto__` attribute stays a plain property, never the object's prototype.
		expect(span.ok && Object.getPrototypeOf(span.event.type === 'span' ? span.event.attributes : null)).toBe(Object.prototype);
		expect(span.ok && span.event.type === 'span' && Object.hasOwn(span.event.attributes, '__proto__')).toBe(true);
	});

	it('sends the raw line only for rejections and events with an id (possible duplicates)', () => {
		const withId = line({type: 'llm_call', ts: T0, id: 'x-1', model: 'm', latency_ms: 1});
		const withoutId = line({type: 'llm_call', ts: T0, model: 'm', latency_ms: 1});
		const bad = '{"type":"llm_call"';
		const {after} = roundTrip([withId, withoutId, bad]);
		expect(after.map(d => d.raw)).toStrictEqual([withId, '', bad]);
		expect(after[2]!.outcome).toStrictEqual({ok: false, reason: 'invalid_json'});
	});

	it('keeps warnings and rejection hints', () => {
		const warned = line({type: 'llm_call', model: 'm', latency_ms: 5, ttft_ms: 50, extra: 1});
		const hinted = line({type: 'llm_call', model: 'm', latency_ms: 1, ts: 1_787_220_000});
		const {before, after} = roundTrip([warned, hinted]);
		expect(before[0]!.ok && before[0]!.warnings.length).toBeGreaterThan(1);
		expect(!before[1]!.ok && before[1]!.hint).toBeTruthy();
		expectSame(after[0]!.outcome, before[0]!);
		expectSame(after[1]!.outcome, before[1]!);
	});

	it('starts its label dictionary over when it is full, in step with the decoder', () => {
		const encoder = new OutcomeEncoder();
		const decoder = new OutcomeDecoder();
		const models: string[] = [];
		let resets = 0;
		// Three batches of unique models, more than the dictionary holds in all.
		for (let batchIndex = 0; batchIndex < 3; batchIndex++) {
			const sent: string[] = [];
			for (let i = 0; i < MAX_LABELS * 0.6; i++) {
				const model = `model-${batchIndex}-${i}`;
				sent.push(model);
				encoder.add(parseLine(line({type: 'llm_call', ts: T0, model, latency_ms: 1}), NOW), '');
			}
			const batch = encoder.take();
			if (batch.resetLabels) resets++;
			decoder.decode(batch, outcome => {
				if (outcome.ok && outcome.event.type === 'llm_call') models.push(outcome.event.model);
			});
			expect(models.slice(-sent.length)).toStrictEqual(sent);
		}
		expect(resets).toBe(1);
	});

	it('reports a malformed batch with the number of outcomes decoded before it', () => {
		const encoder = new OutcomeEncoder();
		encoder.add(parseLine(line({type: 'llm_call', ts: T0, model: 'm', latency_ms: 1}), NOW), '');
		const good = encoder.take();
		const truncated: OutcomeBatch = {...good, count: 2};
		const seen: ParseOutcome[] = [];
		let error: unknown;
		try {
			new OutcomeDecoder().decode(truncated, outcome => seen.push(outcome));
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(OutcomeBatchError);
		expect((error as OutcomeBatchError).decoded).toBe(1);
		expect(seen).toHaveLength(1);
	});
});
