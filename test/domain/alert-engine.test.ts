import {describe, expect, it} from 'vitest';
import {AlertEngine, type AlertInput} from '../../source/domain/alert-engine.js';
import {DEFAULT_ALERT_THRESHOLDS, type AlertThresholds} from '../../source/domain/monitor-config.js';
import type {PerformanceSnapshot} from '../../source/domain/snapshot-types.js';

function perf(calls: number, errorRate: number | null, p99: number | null = 1000): PerformanceSnapshot {
	return {
		calls,
		errors: errorRate === null ? 0 : Math.round(errorRate * calls),
		error_rate: errorRate,
		throughput_rps: calls > 0 ? calls / 300 : null,
		input_tokens_per_s: null,
		output_tokens_per_s: null,
		latency_ms: {p50: p99, p95: p99, p99, avg: p99, max: p99},
		ttft_ms: {p50: null, p95: null, samples: 0},
		errors_by_type: {},
		window_s: 300,
		covered_s: calls > 0 ? 300 : 0,
		by_model: {},
		by_provider: {},
	};
}

type Conditions = {
	calls?: number;
	errorRate?: number | null;
	p99?: number | null;
	grounding?: number | null;
	scores?: number;
	spent?: number;
	budget?: number | null;
};

/** Everything healthy unless overridden. */
function input(now: number, c: Conditions = {}): AlertInput {
	const calls = c.calls ?? 100;
	return {
		now,
		performance: perf(calls, c.errorRate === undefined ? 0.01 : c.errorRate, c.p99 === undefined ? 1000 : c.p99),
		grounding: {mean: c.grounding === undefined ? 0.9 : c.grounding, samples: c.scores ?? 50},
		todayCostUsd: c.spent ?? 1,
		dailyBudgetUsd: c.budget === undefined ? 10 : c.budget,
	};
}

function engine(overrides: Partial<AlertThresholds> = {}): AlertEngine {
	return new AlertEngine({...DEFAULT_ALERT_THRESHOLDS, ...overrides});
}

const S = 1000;

describe('AlertEngine', () => {
	it('raises nothing when all is well', () => {
		expect(engine().evaluate(input(0))).toEqual([]);
	});

	describe('rules fire just above their threshold and not at it', () => {
		it('error_rate (critical)', () => {
			expect(engine().evaluate(input(0, {errorRate: 0.05}))).toEqual([]);
			const [row] = engine().evaluate(input(0, {errorRate: 0.075, calls: 150}));
			expect(row).toEqual({
				rule: 'error_rate',
				severity: 'critical',
				state: 'firing',
				value: 0.075,
				threshold: 0.05,
				since: 0,
				message: 'error rate 7.5% > 5.0% over 5m (150 calls)',
			});
			// 0.0501 prints with enough decimals to differ from the threshold.
			expect(engine().evaluate(input(0, {errorRate: 0.0501}))[0]?.message).toBe('error rate 5.01% > 5.00% over 5m (100 calls)');
		});

		it('p99_latency (warning)', () => {
			expect(engine().evaluate(input(0, {p99: 30_000}))).toEqual([]);
			const [row] = engine().evaluate(input(0, {p99: 31_234}));
			expect(row).toMatchObject({rule: 'p99_latency', severity: 'warning', state: 'firing', value: 31_234, threshold: 30_000});
			expect(row?.message).toBe('p99 latency 31.2 s > 30.0 s over 5m (100 calls)');
			expect(engine().evaluate(input(0, {p99: 30_001}))).toHaveLength(1);
		});

		it('daily_budget (warning): value is the ratio, the message shows dollars', () => {
			// 11 / 10 = 1.1: not above 1.1.
			expect(engine().evaluate(input(0, {spent: 11, budget: 10}))).toEqual([]);
			const [row] = engine().evaluate(input(0, {spent: 11.01, budget: 10}));
			expect(row).toMatchObject({rule: 'daily_budget', severity: 'warning', state: 'firing', threshold: 1.1});
			expect(row?.value).toBeCloseTo(1.101, 12);
			expect(row?.message).toBe('daily spend $11.01 is 110.1% of the $10.00 budget (over 110.0%)');
		});

		it('grounding (warning)', () => {
			expect(engine().evaluate(input(0, {grounding: 0.7}))).toEqual([]);
			const [row] = engine().evaluate(input(0, {grounding: 0.65, scores: 12}));
			expect(row).toMatchObject({rule: 'grounding', severity: 'warning', state: 'firing', value: 0.65, threshold: 0.7});
			expect(row?.message).toBe('avg grounding 0.65 < 0.70 over 5m (12 scores)');
			expect(engine().evaluate(input(0, {grounding: 0.6999}))).toHaveLength(1);
		});
	});

	describe('minimum samples', () => {
		it('1 of 1 errors does not fire; 20 calls are needed', () => {
			expect(engine().evaluate(input(0, {calls: 1, errorRate: 1}))).toEqual([]);
			expect(engine().evaluate(input(0, {calls: 19, errorRate: 1, p99: 60_000}))).toEqual([]);
			expect(engine().evaluate(input(0, {calls: 20, errorRate: 1})).map((r) => r.rule)).toEqual(['error_rate']);
		});

		it('grounding needs 10 scores', () => {
			expect(engine().evaluate(input(0, {grounding: 0.1, scores: 9}))).toEqual([]);
			expect(engine().evaluate(input(0, {grounding: 0.1, scores: 10}))).toHaveLength(1);
		});

		it('no calls or no scores at all is not an alert', () => {
			expect(engine().evaluate(input(0, {calls: 0, errorRate: null, p99: null, grounding: null, scores: 0}))).toEqual([]);
		});

		it('too few samples resolves a firing alert', () => {
			const e = engine();
			e.evaluate(input(0, {errorRate: 0.5}));
			const [row] = e.evaluate(input(10 * S, {calls: 3, errorRate: 0.5}));
			expect(row).toMatchObject({rule: 'error_rate', state: 'resolved', since: 10 * S});
			expect(row?.message).toBe('error rate 50.0% not judged: 3 calls over 5m, need 20');
		});
	});

	it('no budget means no budget alert, whatever the spend', () => {
		expect(engine().evaluate(input(0, {spent: 1e6, budget: null}))).toEqual([]);
		expect(engine().evaluate(input(0, {spent: 1e6, budget: 0}))).toEqual([]);
	});

	describe('states', () => {
		it('is pending until the condition has held for forS, then firing', () => {
			const e = engine({forS: 60});
			expect(e.evaluate(input(0, {p99: 40_000}))).toMatchObject([{rule: 'p99_latency', state: 'pending', since: 0}]);
			expect(e.evaluate(input(59_999, {p99: 40_000}))).toMatchObject([{state: 'pending', since: 0}]);
			expect(e.evaluate(input(60 * S, {p99: 40_000}))).toMatchObject([{state: 'firing', since: 60 * S}]);
			expect(e.evaluate(input(90 * S, {p99: 40_000}))).toMatchObject([{state: 'firing', since: 60 * S}]);
		});

		it('drops a pending alert whose condition goes away', () => {
			const e = engine({forS: 60});
			e.evaluate(input(0, {p99: 40_000}));
			expect(e.evaluate(input(30 * S))).toEqual([]);
			// Starting again restarts the clock.
			expect(e.evaluate(input(40 * S, {p99: 40_000}))).toMatchObject([{state: 'pending', since: 40 * S}]);
			expect(e.evaluate(input(90 * S, {p99: 40_000}))).toMatchObject([{state: 'pending'}]);
		});

		it('resolves a firing alert, lists it for resolvedKeepS, then drops it', () => {
			const e = engine({resolvedKeepS: 600});
			e.evaluate(input(0, {errorRate: 0.2}));
			const [resolved] = e.evaluate(input(100 * S));
			expect(resolved).toMatchObject({rule: 'error_rate', state: 'resolved', since: 100 * S, value: 0.01});
			expect(resolved?.message).toBe('error rate 1.0% ≤ 5.0% over 5m (100 calls)');
			expect(e.evaluate(input(699_999))).toMatchObject([{state: 'resolved', since: 100 * S}]);
			expect(e.evaluate(input(700 * S))).toEqual([]);
		});

		it('fires anew when a resolved condition comes back', () => {
			const e = engine({forS: 30});
			e.evaluate(input(0, {grounding: 0.5}));
			e.evaluate(input(30 * S, {grounding: 0.5})); // firing
			e.evaluate(input(40 * S)); // resolved
			expect(e.evaluate(input(50 * S, {grounding: 0.5}))).toMatchObject([{state: 'pending', since: 50 * S}]);
			expect(e.evaluate(input(80 * S, {grounding: 0.5}))).toMatchObject([{state: 'firing', since: 80 * S}]);
		});

		it('sorts firing critical, firing warning (newest first), pending, resolved', () => {
			const e = engine({forS: 60});
			// t = 0: budget and error rate pending. t = 60: both firing; p99 pending.
			e.evaluate(input(0, {spent: 20, errorRate: 0.5}));
			e.evaluate(input(60 * S, {spent: 20, errorRate: 0.5, p99: 40_000}));
			// t = 120: budget back to normal → resolved; p99 firing; grounding pending.
			const rows = e.evaluate(input(120 * S, {errorRate: 0.5, p99: 40_000, grounding: 0.5}));
			expect(rows.map((r) => [r.rule, r.state, r.since])).toEqual([
				['error_rate', 'firing', 60 * S],
				['p99_latency', 'firing', 120 * S],
				['grounding', 'pending', 120 * S],
				['daily_budget', 'resolved', 120 * S],
			]);
			// t = 180: grounding firing (since 180) sorts before p99 (since 120).
			const later = e.evaluate(input(180 * S, {errorRate: 0.5, p99: 40_000, grounding: 0.5}));
			expect(later.map((r) => r.rule)).toEqual(['error_rate', 'grounding', 'p99_latency', 'daily_budget']);
		});
	});

	it('labels the window from the performance snapshot', () => {
		const e = engine();
		const i = input(0, {errorRate: 0.5});
		const [row] = e.evaluate({...i, performance: {...i.performance, window_s: 3600}});
		expect(row?.message).toBe('error rate 50.0% > 5.0% over 1h (100 calls)');
	});
});
