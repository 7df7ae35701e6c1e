import {describe, it, expect} from 'vitest';
import type {LlmCallEvent, RevenueEvent} from '../../source/events/types.js';
import {createCalendar} from '../../source/domain/calendar.js';
import {FeatureTracker} from '../../source/domain/feature-tracker.js';
import {sortFeatures} from '../../source/domain/feature-sort.js';
import type {CallCost} from '../../source/domain/monitor-config.js';
import type {FeatureRow} from '../../source/domain/snapshot-types.js';

const at = (iso: string) => Date.parse(iso);
const NOW = at('2026-01-10T12:00:00Z');

function call(feature: string, iso = '2026-01-10T09:00:00Z'): LlmCallEvent {
	return {
		type: 'llm_call',
		ts: at(iso),
		model: 'gpt-4o',
		provider: 'openai',
		operation: 'chat',
		feature,
		latencyMs: 500,
		status: 'ok',
	};
}

function revenue(feature: string, amountUsd: number, iso = '2026-01-10T10:00:00Z'): RevenueEvent {
	return {type: 'revenue', ts: at(iso), feature, amountUsd};
}

const priced = (usd: number): CallCost => ({usd, source: 'computed', status: 'priced'});
const UNPRICED: CallCost = {usd: null, source: null, status: 'unpriced'};

const tracker = (tz = 'UTC', maxFeatures?: number) => new FeatureTracker({calendar: createCalendar(tz), maxFeatures});

describe('FeatureTracker', () => {
	it('is empty before any event', () => {
		expect(tracker().snapshot(NOW)).toEqual([]);
	});

	it('computes cumulative ROI, not the last call’s', () => {
		const features = tracker();
		// three calls at $0.40 = $1.20; revenue $1 + $2 = $3 → ROI 3 / 1.2 = 2.5
		features.record(call('search'), priced(0.4));
		features.recordRevenue(revenue('search', 1));
		features.record(call('search'), priced(0.4));
		features.record(call('search'), priced(0.4));
		features.recordRevenue(revenue('search', 2));
		const [row] = features.snapshot(NOW);
		expect(row?.feature).toBe('search');
		expect(row?.calls).toBe(3);
		expect(row?.cost_usd).toBeCloseTo(1.2, 12);
		expect(row?.cost_per_call_usd).toBeCloseTo(0.4, 12);
		expect(row?.revenue_usd).toBe(3);
		expect(row?.roi).toBeCloseTo(2.5, 12);
		expect(row?.unpriced_calls).toBe(0);
	});

	it('gives a null ROI at zero cost and divides cost only by priced calls', () => {
		const features = tracker();
		features.record(call('free'), priced(0));
		features.recordRevenue(revenue('free', 5));
		features.record(call('mixed'), priced(0.3));
		features.record(call('mixed'), UNPRICED);
		features.record(call('unknown'), UNPRICED);
		const rows = Object.fromEntries(features.snapshot(NOW).map(row => [row.feature, row]));
		expect(rows.free).toMatchObject({calls: 1, cost_usd: 0, cost_per_call_usd: 0, revenue_usd: 5, roi: null});
		// $0.30 over the one call with a known cost
		expect(rows.mixed).toMatchObject({calls: 2, cost_usd: 0.3, cost_per_call_usd: 0.3, unpriced_calls: 1});
		// One call and no known cost: the cost is unknown, never $0.
		expect(rows.unknown).toMatchObject({calls: 1, cost_usd: null, cost_per_call_usd: null, roi: null, unpriced_calls: 1});
	});

	it('shows revenue for a feature without calls, and refunds', () => {
		const features = tracker();
		features.recordRevenue(revenue('checkout', 10));
		features.recordRevenue(revenue('checkout', -4)); // refund
		features.record(call('chat'), priced(2));
		features.recordRevenue(revenue('chat', -1));
		const rows = features.snapshot(NOW);
		// sorted by cost: chat ($2) then checkout ($0)
		expect(rows.map(row => row.feature)).toEqual(['chat', 'checkout']);
		expect(rows[1]).toEqual({
			feature: 'checkout',
			calls: 0,
			cost_usd: 0,
			cost_per_call_usd: null,
			revenue_usd: 6,
			roi: null,
			unpriced_calls: 0,
		});
		expect(rows[0]?.roi).toBe(-0.5); // -1 / 2
	});

	it('resets per local day and keeps late events on their own day', () => {
		const features = tracker('America/Los_Angeles');
		// 2026-01-15T07:59Z is 01-14 23:59 PST; 08:00Z is 01-15 00:00 PST
		features.record(call('search', '2026-01-15T07:59:00Z'), priced(1));
		features.record(call('search', '2026-01-15T08:00:00Z'), priced(2));
		features.record(call('search', '2026-01-15T07:30:00Z'), priced(4)); // late, yesterday
		expect(features.snapshot(at('2026-01-15T20:00:00Z'))[0]?.cost_usd).toBe(2);
		expect(features.snapshot(at('2026-01-15T07:00:00Z'))[0]?.cost_usd).toBe(5); // 1 + 4
		// two days later the 14th is pruned: an event for it is dropped
		features.record(call('search', '2026-01-17T12:00:00Z'), priced(1));
		features.record(call('search', '2026-01-15T07:00:00Z'), priced(1));
		expect(features.stats.droppedOldEvents).toBe(1);
		expect(features.snapshot(at('2026-01-15T07:00:00Z'))).toEqual([]);
	});

	it('drops every event for a pruned day, also in a run right after one for a kept day', () => {
		const features = tracker();
		features.record(call('search', '2026-01-15T07:00:00Z'), priced(1));
		features.record(call('search', '2026-01-15T08:00:00Z'), priced(1));
		features.record(call('search', '2026-01-17T12:00:00Z'), priced(1));
		for (let index = 0; index < 3; index++) features.record(call('search', '2026-01-15T09:00:00Z'), priced(1));
		features.recordRevenue(revenue('search', 5, '2026-01-15T09:00:00Z'));
		features.record(call('search', '2026-01-16T09:00:00Z'), priced(2));
		features.record(call('search', '2026-01-16T10:00:00Z'), priced(2));
		expect(features.stats.droppedOldEvents).toBe(4);
		expect(features.snapshot(at('2026-01-16T12:00:00Z'))[0]).toMatchObject({calls: 2, cost_usd: 4});
		expect(features.snapshot(at('2026-01-17T13:00:00Z'))[0]).toMatchObject({calls: 1, cost_usd: 1});
	});

	it('folds features beyond the per-day cap into (other)', () => {
		const features = tracker('UTC', 3);
		for (const name of ['a', 'b', 'c', 'd', 'e']) features.record(call(name), priced(1));
		features.recordRevenue(revenue('f', 2));
		const rows = features.snapshot(NOW);
		expect(rows.map(row => row.feature)).toEqual(['(other)', 'a', 'b', 'c']);
		// d and e cost $2, f brought $2 of revenue → ROI 1
		expect(rows[0]).toMatchObject({calls: 2, cost_usd: 2, revenue_usd: 2, roi: 1});
		expect(features.stats.foldedEvents).toBe(3);
	});
});

describe('sortFeatures', () => {
	const row = (feature: string, cost: number, roi: number | null): FeatureRow => ({
		feature,
		calls: 1,
		cost_usd: cost,
		cost_per_call_usd: cost,
		revenue_usd: roi === null ? 0 : roi * cost,
		roi,
		unpriced_calls: 0,
	});
	const rows = [row('b', 1, 3), row('a', 1, null), row('c', 5, 0.5), row('d', 2, 3), row('e', 0, null)];

	it('sorts by cost descending, ties by name (a and b both cost 1)', () => {
		expect(sortFeatures(rows, 'cost').map(r => r.feature)).toEqual(['c', 'd', 'a', 'b', 'e']);
	});

	it('sorts by ROI ascending with null ROI last, ties by name', () => {
		expect(sortFeatures(rows, 'roi').map(r => r.feature)).toEqual(['c', 'b', 'd', 'a', 'e']);
		expect(rows[0]?.feature).toBe('b'); // input untouched
	});
});
