import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseLine} from '../../source/events/parse.js';
import type {LlmCallEvent, MonitorEvent, RevenueEvent, ScoreEvent, SpanEvent} from '../../source/events/types.js';

// events-sample.ndjson is the shared hand-made fixture other tests compute against; this test pins
// what it parses to so those hand computations rest on checked ground.
const T0 = 1_787_220_000_000; // 2026-08-20T10:00:00Z
const text = readFileSync(new URL('../fixtures/events-sample.ndjson', import.meta.url), 'utf8');
const lines = text.split('\n').filter(l => l !== '');
const outcomes = lines.map(l => parseLine(l, T0 + 3_600_000));
const events: MonitorEvent[] = outcomes.flatMap(o => (o.ok ? [o.event] : []));
const calls = events.filter((e): e is LlmCallEvent => e.type === 'llm_call');
const scores = events.filter((e): e is ScoreEvent => e.type === 'score');
const revenues = events.filter((e): e is RevenueEvent => e.type === 'revenue');
const spans = events.filter((e): e is SpanEvent => e.type === 'span');

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const byFeature = (feature: string): LlmCallEvent[] => calls.filter(c => c.feature === feature);

describe('events-sample.ndjson', () => {
	it('32 lines, all accepted without warnings: 20 calls, 6 scores, 3 revenue, 3 spans', () => {
		expect(lines).toHaveLength(32);
		expect(outcomes.every(o => o.ok && o.warnings.length === 0)).toBe(true);
		expect([calls.length, scores.length, revenues.length, spans.length]).toEqual([20, 6, 3, 3]);
	});

	it('calls happen at T0 + 1 s … T0 + 20 s, one per second (mixed ISO, offset and epoch forms)', () => {
		expect(calls.map(c => c.ts)).toEqual(Array.from({length: 20}, (_, i) => T0 + (i + 1) * 1000));
	});

	it('per feature: calls, errors, latency sums', () => {
		// support-bot: 100+200+…+800 = 3600; summarize: 1000+2000+3000+4000+30000+5000 = 45000;
		// search: 50+150+250+350 = 800; (none): 100+900 = 1000
		expect(byFeature('support-bot').map(c => c.latencyMs)).toEqual([100, 200, 300, 400, 500, 600, 700, 800]);
		expect(sum(byFeature('support-bot').map(c => c.latencyMs))).toBe(3600);
		expect(sum(byFeature('summarize').map(c => c.latencyMs))).toBe(45_000);
		expect(sum(byFeature('search').map(c => c.latencyMs))).toBe(800);
		expect(sum(byFeature('(none)').map(c => c.latencyMs))).toBe(1000);
		// total 3600 + 45000 + 800 + 1000 = 50400, mean 2520
		expect(sum(calls.map(c => c.latencyMs))).toBe(50_400);
		// errors: c8 (rate_limit, explicit status) and c13 (timeout, status from error_type) → 2/20 = 0.1
		expect(calls.filter(c => c.status === 'error').map(c => [c.callId, c.errorType])).toEqual([
			['c8', 'rate_limit'],
			['c13', 'timeout'],
		]);
	});

	it('reported costs and tokens', () => {
		// support-bot 5×0.01 + 2×0.02 = 0.09; summarize 4×0.05 + 0.10 = 0.30; (none) 0.001 + 0.002 = 0.003
		expect(sum(byFeature('support-bot').map(c => c.costUsd ?? 0))).toBeCloseTo(0.09, 12);
		expect(sum(byFeature('summarize').map(c => c.costUsd ?? 0))).toBeCloseTo(0.3, 12);
		expect(sum(byFeature('(none)').map(c => c.costUsd ?? 0))).toBeCloseTo(0.003, 12);
		expect(byFeature('search').every(c => c.costUsd === undefined)).toBe(true);
		expect(calls.filter(c => c.costUsd !== undefined)).toHaveLength(14);
		// input: 9000 + 24000 + 2000 + 400 = 35400; output: 900 + 3000 + 200 + 50 = 4150
		expect(sum(calls.map(c => c.inputTokens ?? 0))).toBe(35_400);
		expect(sum(calls.map(c => c.outputTokens ?? 0))).toBe(4150);
		expect(sum(calls.map(c => c.cacheReadTokens ?? 0))).toBe(2000);
		expect(sum(calls.map(c => c.reasoningTokens ?? 0))).toBe(30);
		expect(calls.filter(c => c.ttftMs !== undefined).map(c => c.ttftMs)).toEqual([100]);
	});

	it('providers after normalisation: openai 10, anthropic 6, gcp.gemini 4', () => {
		const count = (p: string): number => calls.filter(c => c.provider === p).length;
		expect([count('openai'), count('anthropic'), count('gcp.gemini')]).toEqual([10, 6, 4]);
		expect(calls.find(c => c.callId === 'c19')).toMatchObject({provider: 'openai', providerRaw: 'OpenAI', feature: '(none)'});
		expect(calls.find(c => c.callId === 'c20')).toMatchObject({provider: 'openai', providerRaw: 'litellm', model: 'o3-mini'});
	});

	it('scores: grounding mean 0.8, user_satisfaction mean 3, one hallucination=false', () => {
		const values = (name: string): Array<number | boolean> => scores.filter(s => s.name === name).map(s => s.value);
		// (0.9 + 0.7) / 2 = 0.8; "Groundedness" is an alias
		expect(values('grounding')).toEqual([0.9, 0.7]);
		expect(values('relevance')).toEqual([0.8]);
		// (4 + 2) / 2 = 3; "csat" is an alias
		expect(values('user_satisfaction')).toEqual([4, 2]);
		expect(values('hallucination')).toEqual([false]);
	});

	it('revenue: support-bot 1.50, summarize −0.25, total 1.25; order ids are the ids', () => {
		expect(revenues.map(r => [r.feature, r.amountUsd, r.id])).toEqual([
			['support-bot', 1, 'o-1'],
			['support-bot', 0.5, 'o-2'],
			['summarize', -0.25, 'o-3'],
		]);
		expect(sum(revenues.map(r => r.amountUsd))).toBeCloseTo(1.25, 12);
	});

	it('spans: one trace, a 1000 ms server root with two children (50 ms, 800 ms error)', () => {
		expect(new Set(spans.map(s => s.traceId)).size).toBe(1);
		expect(spans.map(s => [s.spanId, s.parentSpanId, s.kind, s.durationMs, s.statusCode])).toEqual([
			['a000000000000001', undefined, 'server', 1000, 'ok'],
			['a000000000000002', 'a000000000000001', 'internal', 50, 'unset'],
			['a000000000000003', 'a000000000000001', 'client', 800, 'error'],
		]);
		// root: 10:00:50 → 10:00:51
		expect(spans[0]!.startTs).toBe(T0 + 50_000);
		expect(spans[0]!.ts).toBe(T0 + 51_000);
		expect(spans[0]!.service).toBe('support-api');
		// chat child: 10:00:50.100 + 800 ms = 10:00:50.900
		expect(spans[2]!.ts).toBe(T0 + 50_900);
		expect(spans[2]!.statusMessage).toBe('rate limited');
	});
});
