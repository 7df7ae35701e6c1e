import {describe, it, expect} from 'vitest';
import type {LlmCallEvent} from '../../source/events/types.js';
import {createCalendar} from '../../source/domain/calendar.js';
import {CostTracker} from '../../source/domain/cost-tracker.js';
import type {CallCost} from '../../source/domain/monitor-config.js';

const at = (iso: string) => Date.parse(iso);

function call(iso: string, extra: Partial<LlmCallEvent> = {}): LlmCallEvent {
	return {
		type: 'llm_call',
		ts: at(iso),
		model: 'gpt-4o',
		provider: 'openai',
		operation: 'chat',
		feature: '(none)',
		latencyMs: 1000,
		status: 'ok',
		...extra,
	};
}

const priced = (usd: number, source: 'reported' | 'computed' | 'estimated' = 'computed'): CallCost => ({
	usd,
	source,
	status: 'priced',
});
const UNPRICED: CallCost = {usd: null, source: null, status: 'unpriced'};
const UNMETERED: CallCost = {usd: null, source: null, status: 'unmetered'};

function tracker(tz = 'UTC', daily: number | null = null, monthly: number | null = null, keepDays?: number) {
	return new CostTracker({calendar: createCalendar(tz), dailyBudgetUsd: daily, monthlyBudgetUsd: monthly, keepDays});
}

/** Every number in the snapshot is finite (no NaN, no Infinity). */
function expectAllFinite(value: unknown, path = 'snapshot'): void {
	if (typeof value === 'number') {
		expect(Number.isFinite(value), path).toBe(true);
	} else if (Array.isArray(value)) {
		value.forEach((item, index) => expectAllFinite(item, `${path}[${index}]`));
	} else if (value !== null && typeof value === 'object') {
		for (const [key, item] of Object.entries(value)) expectAllFinite(item, `${path}.${key}`);
	}
}

describe('CostTracker', () => {
	it('reports zeros and nulls for an empty tracker, with no NaN', () => {
		const snapshot = tracker().snapshot(at('2026-01-10T12:00:00Z'));
		expectAllFinite(snapshot);
		expect(snapshot.today).toMatchObject({date: '2026-01-10', cost_usd: 0, calls: 0, unpriced_calls: 0, lower_bound: false});
		expect(snapshot.today.by_model).toEqual({});
		expect(snapshot.budget).toEqual({
			daily_usd: null,
			used_ratio: null,
			burn_usd_per_hour: 0,
			projected_day_usd: 0,
			projected_day_avg_usd: 0,
			day_start: at('2026-01-10T00:00:00Z'),
			day_end: at('2026-01-11T00:00:00Z'),
		});
		expect(snapshot.month).toEqual({
			month: '2026-01',
			to_date_usd: 0,
			projected_usd: 0,
			monthly_budget_usd: null,
			used_ratio: null,
			lower_bound: false,
		});
		expect(snapshot.days.map(day => day.date)).toEqual([
			'2026-01-04',
			'2026-01-05',
			'2026-01-06',
			'2026-01-07',
			'2026-01-08',
			'2026-01-09',
			'2026-01-10',
		]);
		expect(snapshot.days.every(day => day.cost_usd === 0 && day.calls === 0)).toBe(true);
		expect(snapshot.unpriced_models).toEqual([]);
	});

	it('gives nulls for rates while the day or month is too young', () => {
		const cost = tracker('UTC', 10, 100);
		// 30 s into the day: no burn window, no average; 30 s into the month: no month projection
		const snapshot = cost.snapshot(at('2026-02-01T00:00:30Z'));
		expect(snapshot.budget.burn_usd_per_hour).toBeNull();
		expect(snapshot.budget.projected_day_usd).toBeNull();
		expect(snapshot.budget.projected_day_avg_usd).toBeNull();
		expect(snapshot.month.projected_usd).toBeNull();
		expect(snapshot.budget.used_ratio).toBe(0);
	});

	it('accounts one call', () => {
		const cost = tracker('UTC', 10, 100);
		cost.record(call('2026-01-10T06:00:00Z', {inputTokens: 1200, outputTokens: 300, cacheReadTokens: 200}), priced(0.25));
		const snapshot = cost.snapshot(at('2026-01-10T12:00:00Z'));
		expectAllFinite(snapshot);
		expect(snapshot.today).toMatchObject({
			cost_usd: 0.25,
			calls: 1,
			computed_usd: 0.25,
			reported_usd: 0,
			input_tokens: 1200,
			output_tokens: 300,
			cache_read_tokens: 200,
			lower_bound: false,
		});
		expect(snapshot.today.by_provider).toEqual({openai: {cost_usd: 0.25, calls: 1, unpriced_calls: 0}});
		expect(snapshot.today.by_model).toEqual({'gpt-4o': {cost_usd: 0.25, calls: 1, unpriced_calls: 0}});
		// 0.25 / 10
		expect(snapshot.budget.used_ratio).toBeCloseTo(0.025, 12);
		// nothing spent in (11:00, 12:00]
		expect(snapshot.budget.burn_usd_per_hour).toBe(0);
		expect(snapshot.budget.projected_day_usd).toBe(0.25);
		// 0.25 / 12 h × 24 h
		expect(snapshot.budget.projected_day_avg_usd).toBeCloseTo(0.5, 12);
		// 9.5 days elapsed = 228 h of 744 h: 0.25 / 228 × 744
		expect(snapshot.month.projected_usd).toBeCloseTo((0.25 / 228) * 744, 12);
		expect(snapshot.month.used_ratio).toBeCloseTo(0.0025, 12);
		expect(snapshot.days.at(-1)).toEqual({date: '2026-01-10', cost_usd: 0.25, calls: 1, unpriced_calls: 0});
	});

	it('counts an unpriced call without adding to the cost, and lists the model', () => {
		const cost = tracker();
		cost.record(call('2026-01-10T08:00:00Z'), priced(1));
		cost.record(call('2026-01-10T09:00:00Z', {model: 'acme-1', provider: 'acme', inputTokens: 100, outputTokens: 50}), UNPRICED);
		cost.record(call('2026-01-10T09:30:00Z', {model: 'acme-1', provider: 'acme', inputTokens: 10}), UNPRICED);
		const snapshot = cost.snapshot(at('2026-01-10T12:00:00Z'));
		expect(snapshot.today).toMatchObject({
			cost_usd: 1,
			calls: 3,
			unpriced_calls: 2,
			unmetered_calls: 0,
			lower_bound: true,
			input_tokens: 110,
			output_tokens: 50,
		});
		// Every call of these rows lacks a price: their cost is unknown (null), never $0.
		expect(snapshot.today.by_model['acme-1']).toEqual({cost_usd: null, calls: 2, unpriced_calls: 2});
		expect(snapshot.today.by_provider.acme).toEqual({cost_usd: null, calls: 2, unpriced_calls: 2});
		expect(snapshot.unpriced_models).toEqual([{model: 'acme-1', provider: 'acme', calls: 2}]);
		expect(snapshot.month.lower_bound).toBe(true);
		expect(snapshot.days.at(-1)).toEqual({date: '2026-01-10', cost_usd: 1, calls: 3, unpriced_calls: 2});
	});

	it('counts an unmetered call apart from unpriced ones', () => {
		const cost = tracker();
		cost.record(call('2026-01-10T09:00:00Z', {model: 'mystery'}), UNMETERED);
		const snapshot = cost.snapshot(at('2026-01-10T12:00:00Z'));
		expect(snapshot.today).toMatchObject({cost_usd: 0, calls: 1, unpriced_calls: 0, unmetered_calls: 1, lower_bound: true});
		expect(snapshot.today.by_model.mystery).toEqual({cost_usd: null, calls: 1, unpriced_calls: 1});
		expect(snapshot.unpriced_models).toEqual([]);
		expect(snapshot.days.at(-1)?.unpriced_calls).toBe(1);
	});

	it('splits reported, computed and estimated cost', () => {
		const cost = tracker();
		cost.record(call('2026-01-10T09:00:00Z'), priced(1, 'reported'));
		cost.record(call('2026-01-10T09:01:00Z'), priced(2, 'computed'));
		cost.record(call('2026-01-10T09:02:00Z'), priced(0.5, 'estimated'));
		const today = cost.snapshot(at('2026-01-10T12:00:00Z')).today;
		// reported 1; computed 2 + 0.5 (estimated is part of computed); total 3.5
		expect(today.reported_usd).toBe(1);
		expect(today.computed_usd).toBe(2.5);
		expect(today.estimated_usd).toBe(0.5);
		expect(today.cost_usd).toBe(3.5);
	});

	it('keys days by the configured zone (America/Los_Angeles), including late events', () => {
		const cost = tracker('America/Los_Angeles');
		cost.record(call('2026-01-15T08:00:00Z'), priced(2)); // 2026-01-15 00:00 PST
		cost.record(call('2026-01-15T07:59:59Z'), priced(1)); // late, 2026-01-14 23:59:59 PST
		const snapshot = cost.snapshot(at('2026-01-15T20:00:00Z'));
		expect(snapshot.today.date).toBe('2026-01-15');
		expect(snapshot.today.cost_usd).toBe(2);
		expect(snapshot.days.slice(-2)).toEqual([
			{date: '2026-01-14', cost_usd: 1, calls: 1, unpriced_calls: 0},
			{date: '2026-01-15', cost_usd: 2, calls: 1, unpriced_calls: 0},
		]);
		expect(snapshot.budget.day_start).toBe(at('2026-01-15T08:00:00Z'));
	});

	it('projects a 23-hour DST day with its real length (America/New_York, 2026-03-08)', () => {
		const cost = tracker('America/New_York', 20);
		// the day runs 05:00Z .. 2026-03-09T04:00Z (23 h)
		cost.record(call('2026-03-08T09:00:00Z'), priced(5));
		cost.record(call('2026-03-08T14:30:00Z'), priced(1));
		const budget = cost.snapshot(at('2026-03-08T15:00:00Z')).budget;
		// elapsed 10 h: 6 / 10 × 23 = 13.8
		expect(budget.projected_day_avg_usd).toBeCloseTo(13.8, 12);
		// last hour (14:00, 15:00]: $1 → 1 $/h; 13 h left: 6 + 1 × 13 = 19
		expect(budget.burn_usd_per_hour).toBeCloseTo(1, 12);
		expect(budget.projected_day_usd).toBeCloseTo(19, 12);
		expect(budget.used_ratio).toBeCloseTo(0.3, 12); // 6 / 20
		expect(budget.day_end - budget.day_start).toBe(23 * 3_600_000);
	});

	it('measures burn over the last hour', () => {
		const cost = tracker();
		cost.record(call('2026-01-10T09:00:00Z'), priced(1)); // before the hour
		cost.record(call('2026-01-10T09:45:00Z'), priced(2));
		cost.record(call('2026-01-10T10:29:00Z'), priced(3));
		const budget = cost.snapshot(at('2026-01-10T10:30:00Z')).budget;
		// (09:30, 10:30]: 2 + 3 = 5 over 1 h
		expect(budget.burn_usd_per_hour).toBeCloseTo(5, 12);
		// 6 + 5 × 13.5 h = 73.5
		expect(budget.projected_day_usd).toBeCloseTo(73.5, 12);
		// 6 / 10.5 h × 24 h
		expect(budget.projected_day_avg_usd).toBeCloseTo((6 / 10.5) * 24, 12);
	});

	it('measures burn over the elapsed part of a day younger than one hour', () => {
		const cost = tracker();
		cost.record(call('2026-01-09T23:50:00Z'), priced(0.5)); // yesterday: not in today's burn
		cost.record(call('2026-01-10T00:05:00Z'), priced(1));
		cost.record(call('2026-01-10T00:15:00Z'), priced(1));
		const budget = cost.snapshot(at('2026-01-10T00:20:00Z')).budget;
		// (00:00, 00:20]: $2 over 1/3 h = 6 $/h; 2 + 6 × (23 h 40 min) = 2 + 142 = 144
		expect(budget.burn_usd_per_hour).toBeCloseTo(6, 12);
		expect(budget.projected_day_usd).toBeCloseTo(144, 9);
		expect(budget.projected_day_avg_usd).toBeCloseTo(144, 9);
	});

	it('projects the month over its real length from this month only', () => {
		const cost = tracker('UTC', null, 1000);
		cost.record(call('2025-12-31T12:00:00Z'), priced(50)); // December: not in January
		for (let day = 1; day <= 10; day++) {
			cost.record(call(`2026-01-${String(day).padStart(2, '0')}T12:00:00Z`), priced(10));
		}
		// $100 over 10 whole days (Jan 1 00:00 .. Jan 11 00:00): 100 / 10 × 31 = 310
		const month = cost.snapshot(at('2026-01-11T00:00:00Z')).month;
		expect(month.month).toBe('2026-01');
		expect(month.to_date_usd).toBeCloseTo(100, 12);
		expect(month.projected_usd).toBeCloseTo(310, 9);
		expect(month.used_ratio).toBeCloseTo(0.1, 12); // 100 / 1000
		// February 2024 (leap): $29 by Feb 15 00:00 (14 days) → 29 / 14 × 29
		const leap = tracker();
		leap.record(call('2024-02-10T00:00:00Z'), priced(29));
		expect(leap.snapshot(at('2024-02-15T00:00:00Z')).month.projected_usd).toBeCloseTo((29 / 14) * 29, 9);
	});

	it('computes budget ratios and never divides by a zero budget', () => {
		const cost = tracker('UTC', 10, 0);
		cost.record(call('2026-01-10T01:00:00Z'), priced(12.5));
		const snapshot = cost.snapshot(at('2026-01-10T12:00:00Z'));
		expect(snapshot.budget.used_ratio).toBeCloseTo(1.25, 12); // 12.5 / 10
		expect(snapshot.month.monthly_budget_usd).toBe(0);
		expect(snapshot.month.used_ratio).toBeNull();
		expectAllFinite(snapshot);
		const invalid = tracker('UTC', Number.NaN, -5);
		const empty = invalid.snapshot(at('2026-01-10T12:00:00Z'));
		expect(empty.budget.daily_usd).toBeNull();
		expect(empty.month.monthly_budget_usd).toBeNull();
	});

	it('prunes days beyond keepDays and drops calls that arrive for them', () => {
		const cost = tracker('UTC', null, null, 40);
		cost.record(call('2026-01-01T12:00:00Z'), priced(1));
		cost.record(call('2026-03-01T12:00:00Z'), priced(2));
		expect(cost.stats.days).toBe(1);
		// kept: 2026-01-21 .. 2026-03-01 (40 days); Jan 20 is too old, Jan 21 is kept
		cost.record(call('2026-01-20T12:00:00Z'), priced(4));
		cost.record(call('2026-01-21T12:00:00Z'), priced(8));
		expect(cost.stats).toEqual({days: 2, droppedOldCalls: 1, foldedKeys: 0});
		expect(cost.snapshot(at('2026-01-31T12:00:00Z')).month.to_date_usd).toBe(8);
	});

	it('folds provider and model keys beyond the per-day cap', () => {
		const cost = tracker();
		for (let index = 0; index < 250; index++) {
			cost.record(call('2026-01-10T09:00:00Z', {model: `m-${index}`}), priced(1));
		}
		const today = cost.snapshot(at('2026-01-10T12:00:00Z')).today;
		expect(Object.keys(today.by_model)).toHaveLength(201); // 200 + (other)
		expect(today.by_model['(other)']).toEqual({cost_usd: 50, calls: 50, unpriced_calls: 0});
		expect(cost.stats.foldedKeys).toBe(50);
		expect(today.calls).toBe(250);
	});
});
