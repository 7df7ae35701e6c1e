import {describe, expect, it} from 'vitest';
import type {MonitorSnapshot} from '../../../source/domain/snapshot-types.js';
import {CostPanel, costSummary} from '../../../source/ui/panels/cost-panel.js';
import {emptySnapshot, fullSnapshot, withCost} from '../../helpers/snapshot-fixture.js';
import {lineWith, renderWithStore, settle, storeWith} from '../../helpers/render.js';

async function frame(snapshot: MonitorSnapshot, width = 60, height = 16) {
	const rendered = renderWithStore(<CostPanel width={width} height={height} focused={false} mode="full" />, storeWith(snapshot), {columns: 120});
	await settle();
	const lines = rendered.frameLines();
	rendered.unmount();
	return lines;
}

function withRatio(ratio: number): MonitorSnapshot {
	return withCost(fullSnapshot(), cost => ({...cost, budget: {...cost.budget, used_ratio: ratio}}));
}

describe('CostPanel', () => {
	it('shows today against the budget, burn, projections, month and the 7-day trend', async () => {
		const lines = await frame(fullSnapshot());
		expect(lineWith(lines, 'Cost')).toContain('Cost · 2026-03-02');
		// 42.50 / 50 = 85 %.
		expect(lineWith(lines, '%')).toMatch(/\[█+░+\] 85\.0% ⚠ ≥80%/);
		expect(lineWith(lines, 'today $')).toContain('today $42.50 of $50.00 · 1.2k calls');
		expect(lineWith(lines, 'burn')).toContain('burn $2.50/h · proj. day $67.36 (avg $72.57)');
		// The fixture has $10 reported + $32.50 computed = $42.50, none estimated.
		expect(lineWith(lines, 'reported')).toContain('reported $10.00 · computed $32.50');
		expect(lineWith(lines, 'reported')).not.toContain('est.');
		// 80.50 / 1500 = 5.37 % → 5.4%.
		expect(lineWith(lines, 'month')).toContain('month $80.50 · proj. $1,247.75 of $1,500.00 (5.4%)');
		expect(lineWith(lines, '7d')).toContain('7d ▄·▆▇█▅▆ max $61.00');
	});

	it('shows the estimated part of computed cost when there is one', async () => {
		const lines = await frame(withCost(fullSnapshot(), cost => ({...cost, today: {...cost.today, estimated_usd: 1.25}})));
		expect(lineWith(lines, 'reported')).toContain('reported $10.00 · computed $32.50 (est. $1.25)');
	});

	it('lists the top providers and models with their share of today', async () => {
		const lines = await frame(fullSnapshot());
		// 30.25 / 42.50 = 71.2 % → 71%; 12.25 / 42.50 = 28.8 % → 29%.
		expect(lineWith(lines, 'openai')).toContain('openai $30.25 71%');
		expect(lineWith(lines, 'anthropic')).toContain('anthropic $12.25 29%');
		expect(lineWith(lines, 'claude-3-5-sonnet')).toContain('claude-3-5-sonnet $12.25 29%');
		// Providers and models are two groups under their own sub-headings (each adds up to 100 %).
		const text = lines.join('\n');
		expect(text.indexOf('by provider')).toBeGreaterThan(-1);
		expect(text.indexOf('by provider')).toBeLessThan(text.indexOf('openai'));
		expect(text.indexOf('openai')).toBeLessThan(text.indexOf('by model'));
		expect(text.indexOf('by model')).toBeLessThan(text.indexOf('claude-3-5-sonnet'));
	});

	it('shows a provider whose calls all lack a price as unpriced, below the priced ones, never as $0.00', async () => {
		const snapshot = withCost(fullSnapshot(), cost => ({
			...cost,
			today: {...cost.today, by_provider: {...cost.today.by_provider, vllm: {cost_usd: null, calls: 266, unpriced_calls: 266}}},
		}));
		const lines = await frame(snapshot, 60, 22);
		expect(lineWith(lines, 'vllm')).toMatch(/vllm unpriced —/);
		expect(lines.join('\n')).not.toMatch(/vllm.*\$0\.00/);
		const text = lines.join('\n');
		expect(text.indexOf('anthropic')).toBeLessThan(text.indexOf('vllm'));
	});

	it('below 80 % the gauge has no marker', async () => {
		const lines = await frame(withRatio(0.79));
		expect(lineWith(lines, '%')).toMatch(/\] 79\.0%│/);
		expect(lines.join('\n')).not.toMatch(/⚠|OVER BUDGET/);
	});

	it('at 100 % and over the bar is full and says OVER BUDGET', async () => {
		for (const [ratio, percent] of [
			[1, '100.0%'],
			[1.12, '112.0%'],
		] as const) {
			const gauge = lineWith(await frame(withRatio(ratio)), percent);
			expect(gauge).toContain(`${percent} ✗ OVER BUDGET`);
			expect(gauge).not.toContain('░');
		}
	});

	it('marks today as a lower bound and counts unpriced and unmetered calls', async () => {
		const snapshot = withCost(fullSnapshot(), cost => ({
			...cost,
			today: {...cost.today, lower_bound: true, unpriced_calls: 3, unmetered_calls: 2},
			month: {...cost.month, lower_bound: true},
		}));
		const lines = await frame(snapshot);
		expect(lineWith(lines, 'today')).toContain('today ≥$42.50 of $50.00');
		expect(lineWith(lines, 'lower bound')).toContain('≥ lower bound: 3 unpriced · 2 unmetered');
		expect(lineWith(lines, 'month')).toContain('month ≥$80.50');
	});

	it('says "no budget set" without a daily budget, and — for what cannot be known yet', async () => {
		const lines = await frame(emptySnapshot());
		expect(lineWith(lines, 'budget')).toContain('no budget set');
		expect(lines.join('\n')).not.toContain('[');
		expect(lineWith(lines, 'today')).toContain('today $0.00 · 0 calls');
		expect(lineWith(lines, 'burn')).toContain('burn — · proj. day — (avg —)');
		expect(lineWith(lines, 'month')).toContain('month $0.00 · proj. —');
		expect(lines.join('\n')).not.toContain('NaN');
	});

	it('shows a 0 % gauge for a budget with no spend yet', async () => {
		const lines = await frame(emptySnapshot({dailyBudgetUsd: 20}));
		expect(lineWith(lines, '%')).toMatch(/\[░+\] 0\.0%/);
	});

	it('has a one-line summary', () => {
		expect(costSummary(fullSnapshot().cost)).toBe('today $42.50 of $50.00 (85.0%) · burn $2.50/h · month $80.50');
		expect(costSummary(emptySnapshot().cost)).toBe('today $0.00 no budget set · burn — · month $0.00');
	});
});
