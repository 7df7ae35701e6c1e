import {afterEach, describe, expect, it, vi} from 'vitest';
import type {ParseOutcome} from '../../source/events/types.js';
import type {IngestSink, IngestSourceStatus} from '../../source/ingest/ingest-sink.js';
import {createDemoSource} from '../../source/demo/demo-source.js';
import {createDemoGenerator} from '../../source/demo/generator.js';

afterEach(() => {
	vi.useRealTimers();
});

function collectingSink() {
	const outcomes: ParseOutcome[] = [];
	const statuses: IngestSourceStatus[] = [];
	let chunks = 0;
	const sink: IngestSink = {
		accept: outcome => outcomes.push(outcome),
		sourceStatus: status => statuses.push(status),
		afterChunk: () => chunks++,
	};
	return {sink, outcomes, statuses, chunks: () => chunks};
}

describe('createDemoSource', () => {
	it('feeds the backfill, then live lines at the rate, through the real parser, and ends after the duration', async () => {
		vi.useFakeTimers({toFake: ['setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'Date']});
		const start = Date.UTC(2026, 7, 20, 12);
		vi.setSystemTime(start);
		const {sink, outcomes, statuses, chunks} = collectingSink();
		const generator = createDemoGenerator({seed: 1, ratePerS: 40, liveStartMs: start, tz: 'UTC'});
		const source = createDemoSource({generator, sink, now: Date.now, backfillFromMs: start - 3_600_000, liveStartMs: start, durationMs: 2000, tickMs: 50});
		source.start();
		expect(statuses).toEqual([{name: 'demo', state: 'reading', detail: 'built-in demo stream'}]);
		// The backfill runs on setImmediate turns; the live clock has not moved yet.
		await vi.advanceTimersByTimeAsync(0);
		// Only the backfill so far: one hour of past calls, every line valid.
		const backfilled = outcomes.length;
		expect(backfilled).toBeGreaterThan(100);
		expect(outcomes.every(outcome => outcome.ok)).toBe(true);
		expect(chunks()).toBeGreaterThan(0);

		await vi.advanceTimersByTimeAsync(2100);
		// 40 lines/s × 2 s = 80 lines due; the last interaction may add a few more.
		const live = outcomes.length - backfilled;
		expect(live).toBeGreaterThanOrEqual(80);
		expect(live).toBeLessThan(95);
		expect(outcomes.every(outcome => outcome.ok)).toBe(true);
		expect(statuses.at(-1)).toEqual({name: 'demo', state: 'ended', detail: 'demo finished'});

		await vi.advanceTimersByTimeAsync(5000);
		expect(outcomes.length - backfilled).toBe(live);
	});

	it('stops generating when stopped', async () => {
		vi.useFakeTimers({toFake: ['setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'Date']});
		const start = Date.UTC(2026, 7, 20, 12);
		vi.setSystemTime(start);
		const {sink, outcomes} = collectingSink();
		const generator = createDemoGenerator({seed: 1, ratePerS: 40, liveStartMs: start, tz: 'UTC'});
		const source = createDemoSource({generator, sink, now: Date.now, backfillFromMs: null, liveStartMs: start, durationMs: null});
		source.start();
		await vi.advanceTimersByTimeAsync(1000);
		const seen = outcomes.length;
		expect(seen).toBeGreaterThanOrEqual(40);
		source.stop();
		await vi.advanceTimersByTimeAsync(5000);
		expect(outcomes.length).toBe(seen);
	});
});
