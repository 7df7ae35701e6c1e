import {describe, expect, it} from 'vitest';
import {createCalendar} from '../../source/domain/calendar.js';
import {parseLine} from '../../source/events/parse.js';
import type {MonitorEvent} from '../../source/events/types.js';
import {BURST_LENGTH_MS, BURST_PERIOD_MS, createDemoGenerator, type DemoOptions} from '../../source/demo/generator.js';
import {DEMO_MODELS} from '../../source/demo/catalog.js';

const LIVE_START = Date.UTC(2026, 7, 20, 10, 0, 0); // Thu 2026-08-20 10:00 UTC
const options: DemoOptions = {seed: 7, ratePerS: 20, liveStartMs: LIVE_START, tz: 'Europe/Berlin'};

function parseAll(lines: readonly string[], arrivalMs: number): MonitorEvent[] {
	const events: MonitorEvent[] = [];
	for (const line of lines) {
		const outcome = parseLine(line, arrivalMs);
		if (!outcome.ok) {
			throw new Error(`rejected (${outcome.reason}): ${line}`);
		}

		events.push(outcome.event);
	}

	return events;
}

describe('demo generator', () => {
	it('is deterministic: same seed and times give the same lines', () => {
		const run = (seed: number) => {
			const generator = createDemoGenerator({...options, seed});
			return [...generator.backfill(LIVE_START - 3_600_000, LIVE_START), ...generator.live(LIVE_START + 2000), ...generator.live(LIVE_START + 5000)];
		};

		expect(run(7)).toEqual(run(7));
		expect(run(7)).not.toEqual(run(8));
	});

	it('emits live lines at the requested rate, never in the future', () => {
		const generator = createDemoGenerator(options);
		const first: string[] = [];
		for (let s = 1; s <= 10; s++) {
			first.push(...generator.live(LIVE_START + s * 1000));
		}

		// 20 lines/s × 10 s = 200 lines due; the last interaction may add a few more than due.
		expect(first.length).toBeGreaterThanOrEqual(200);
		expect(first.length).toBeLessThan(200 + 15);
		const events = parseAll(first, LIVE_START + 10_000);
		for (const event of events) {
			expect(event.ts).toBeLessThanOrEqual(LIVE_START + 10_000);
		}

		// Nothing more is due until time moves on.
		expect(generator.live(LIVE_START + 10_000)).toEqual([]);
		expect(generator.skippedLines).toBe(0);
	});

	it('produces lines that all parse (0 rejects) with every event type and the advertised variety', () => {
		const generator = createDemoGenerator(options);
		const lines = [...generator.backfill(LIVE_START - 6 * 3_600_000, LIVE_START), ...generator.live(LIVE_START + 60_000)];
		const events = parseAll(lines, LIVE_START + 60_000);
		const types = new Set(events.map(e => e.type));
		expect([...types].sort()).toEqual(['llm_call', 'revenue', 'score', 'span']);

		const calls = events.filter(e => e.type === 'llm_call');
		expect(new Set(calls.map(c => c.provider)).size).toBe(4);
		expect(new Set(calls.map(c => c.model)).size).toBe(DEMO_MODELS.length);
		expect(new Set(calls.map(c => c.feature)).size).toBe(6);
		expect(calls.some(c => c.costUsd === undefined && (c.inputTokens ?? 0) > 0)).toBe(true);
		expect(calls.some(c => c.costUsd !== undefined)).toBe(true);
		expect(calls.some(c => (c.cacheReadTokens ?? 0) > 0)).toBe(true);
		expect(calls.some(c => (c.reasoningTokens ?? 0) > 0)).toBe(true);
		expect(calls.some(c => c.ttftMs !== undefined)).toBe(true);
		expect(calls.some(c => c.model === 'acme-llama-70b-ft')).toBe(true);

		const scoreNames = new Set(events.flatMap(e => (e.type === 'score' ? [e.name] : [])));
		expect([...scoreNames].sort()).toEqual(['grounding', 'hallucination', 'relevance', 'user_satisfaction']);
	});

	it('starts the live stream with an error burst and returns to the base rate after it', () => {
		const generator = createDemoGenerator(options);
		const errorRate = (lines: readonly string[]) => {
			const calls = parseAll(lines, LIVE_START + BURST_PERIOD_MS).filter(e => e.type === 'llm_call');
			return calls.filter(c => c.status === 'error').length / calls.length;
		};

		const liveUntil = (end: number) => {
			const lines: string[] = [];
			for (let t = LIVE_START; t <= end; t += 1000) {
				lines.push(...generator.live(t));
			}

			return lines;
		};

		const burst = errorRate(liveUntil(LIVE_START + BURST_LENGTH_MS));
		liveUntil(LIVE_START + 60_000);
		const calm = errorRate(liveUntil(LIVE_START + 115_000));
		// During the burst, OpenAI (about half the calls) fails 55 % of the time: well above the 5 % alert.
		expect(burst).toBeGreaterThan(0.15);
		expect(calm).toBeLessThan(0.05);
	});

	it('links every traced call to a span of its trace, children before parents', () => {
		const generator = createDemoGenerator(options);
		const events = parseAll(generator.live(LIVE_START + 20_000), LIVE_START + 20_000);
		const spans = events.flatMap(e => (e.type === 'span' ? [e] : []));
		const seen = new Map<string, Set<string>>();
		for (const span of spans) {
			const ids = seen.get(span.traceId) ?? new Set<string>();
			if (span.parentSpanId === undefined) {
				// The root arrives last: its children are already there.
				expect(ids.size).toBeGreaterThan(0);
			}

			ids.add(span.spanId);
			seen.set(span.traceId, ids);
		}

		for (const call of events.flatMap(e => (e.type === 'llm_call' ? [e] : []))) {
			expect(call.traceId).toBeDefined();
			expect(seen.get(call.traceId ?? '')?.has(call.spanId ?? '')).toBe(true);
		}
	});

	it('backfills exactly the 7 local days asked for, oldest first', () => {
		const calendar = createCalendar('Europe/Berlin');
		const days = calendar.previousDays(LIVE_START, 7);
		const from = days[0]?.start ?? 0;
		const generator = createDemoGenerator(options);
		const lines = generator.backfill(from, LIVE_START);
		const events = parseAll(lines, LIVE_START);
		const dayKeys = new Set(events.map(e => calendar.day(e.ts).key));
		expect([...dayKeys]).toEqual(days.map(d => d.key));
		for (let i = 1; i < events.length; i++) {
			expect(events[i]!.ts).toBeGreaterThanOrEqual(events[i - 1]!.ts);
		}

		expect(events[0]!.ts).toBeGreaterThanOrEqual(from);
		expect(events.at(-1)!.ts).toBeLessThanOrEqual(LIVE_START);
	});

	it('skips and counts a backlog longer than 5 s instead of generating it all at once', () => {
		const generator = createDemoGenerator(options);
		const lines = generator.live(LIVE_START + 3_600_000);
		// 5 s × 20 lines/s = 100 lines generated; 3600 × 20 − 100 = 71 900 skipped.
		expect(generator.skippedLines).toBe(71_900);
		expect(lines.length).toBeGreaterThanOrEqual(100);
		expect(lines.length).toBeLessThan(115);
	});
});
