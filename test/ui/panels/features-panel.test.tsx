import {describe, expect, it} from 'vitest';
import type {MonitorSnapshot} from '../../../source/domain/snapshot-types.js';
import {sortFeatures} from '../../../source/domain/feature-sort.js';
import {FeaturesPanel, featuresSummary} from '../../../source/ui/panels/features-panel.js';
import {emptySnapshot, fullSnapshot} from '../../helpers/snapshot-fixture.js';
import {lineWith, renderWithStore, rowStarting, settle, storeWith} from '../../helpers/render.js';

/** Feature names in the order their rows appear. */
function rowsOrder(lines: readonly string[]): string[] {
	const index = (name: string) => lines.findIndex(line => line.split(/[│┃]/).some(cell => cell.trim().startsWith(`${name} `)));
	return ['chat', 'summarize', 'search'].sort((a, b) => index(a) - index(b));
}

describe('FeaturesPanel', () => {
	it('lists features by cost with calls, $/call, revenue and ROI, and re-sorts by ROI on demand', async () => {
		const store = storeWith(fullSnapshot());
		const rendered = renderWithStore(<FeaturesPanel width={70} height={8} focused={false} mode="full" />, store, {columns: 120});
		await settle();
		let lines = rendered.frameLines();
		expect(lineWith(lines, 'Top features')).toContain('Top features · by cost ▼');
		expect(rowStarting(lines, 'feature')).toBe('feature cost▼ ROI calls $/call revenue');
		// 90 / 22.50 = 4.0×; 22.50 / 500 = $0.045.
		expect(rowStarting(lines, 'chat')).toBe('chat $22.50 4.0× 500 $0.045 $90.00');
		expect(rowStarting(lines, 'summarize')).toBe('summarize $18.00 3.0× 600 $0.030 $54.00');
		expect(rowStarting(lines, 'search')).toBe('search $2.00 15.0× 100 $0.020 $30.00');
		expect(rowsOrder(lines)).toEqual(['chat', 'summarize', 'search']);

		store.getState().actions.toggleFeatureSort();
		await settle();
		lines = rendered.frameLines();
		expect(lineWith(lines, 'Top features')).toContain('by ROI ▲ (worst first)');
		expect(rowStarting(lines, 'feature')).toContain('ROI▲');
		// 3.0 < 4.0 < 15.0.
		expect(rowsOrder(lines)).toEqual(['summarize', 'chat', 'search']);
		rendered.unmount();
	});

	it('marks a lower-bound cost with ≥ and an unknown ROI with —', async () => {
		const base = fullSnapshot();
		const snapshot: MonitorSnapshot = {
			...base,
			features: [{feature: 'unpriced', calls: 4, cost_usd: 0, cost_per_call_usd: null, revenue_usd: 10, roi: null, unpriced_calls: 4}],
		};
		const rendered = renderWithStore(<FeaturesPanel width={70} height={8} focused={false} mode="full" />, storeWith(snapshot), {columns: 120});
		await settle();
		expect(rowStarting(rendered.frameLines(), 'unpriced')).toBe('unpriced ≥$0.00 — 4 — $10.00');
		rendered.unmount();
	});

	it('sorts a feature whose cost is unknown below every priced one, and shows it as unpriced', () => {
		const base = fullSnapshot().features;
		const unknown = {feature: 'byo-model', calls: 9, cost_usd: null, cost_per_call_usd: null, revenue_usd: 0, roi: null, unpriced_calls: 9};
		const rows = sortFeatures([unknown, ...base], 'cost');
		expect(rows.at(-1)?.feature).toBe('byo-model');
		expect(rows.slice(0, -1).map(row => row.feature)).toEqual(sortFeatures(base, 'cost').map(row => row.feature));
		expect(featuresSummary([unknown], 'cost', true)).toBe('1 features, by cost ▼: byo-model unpriced (ROI —)');
	});

	it('has a one-line summary', () => {
		const rows = sortFeatures(fullSnapshot().features, 'cost');
		expect(featuresSummary(rows, 'cost', true)).toBe('3 features, by cost ▼: chat $22.50 (ROI 4.0×)');
		expect(featuresSummary(emptySnapshot().features, 'cost', true)).toBe('no feature costs yet');
		expect(featuresSummary([], 'cost', false)).toBe('waiting for data…');
	});
});
