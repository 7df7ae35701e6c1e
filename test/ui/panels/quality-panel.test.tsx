import {describe, expect, it} from 'vitest';
import type {MonitorSnapshot} from '../../../source/domain/snapshot-types.js';
import {QualityPanel, qualitySummary} from '../../../source/ui/panels/quality-panel.js';
import {emptySnapshot, fullSnapshot, qualityStats} from '../../helpers/snapshot-fixture.js';
import {lineWith, renderWithStore, rowStarting, settle, storeWith} from '../../helpers/render.js';

async function frame(snapshot: MonitorSnapshot, width = 70, height = 8) {
	const rendered = renderWithStore(<QualityPanel width={width} height={height} focused={false} mode="full" />, storeWith(snapshot), {columns: 120});
	await settle();
	const lines = rendered.frameLines();
	rendered.unmount();
	return lines;
}

describe('QualityPanel', () => {
	it('shows per-model scores, the regression first with a visible REGRESSION mark', async () => {
		const lines = await frame(fullSnapshot());
		expect(lineWith(lines, 'Quality')).toContain('Quality · ▼ 1 REGRESSION');
		expect(rowStarting(lines, 'model')).toBe('model all grnd rel sat hall% n base');
		const claude = lines.findIndex(line => line.includes('claude'));
		const gpt = lines.findIndex(line => line.includes('gpt-4o'));
		expect(claude).toBeLessThan(gpt);
		// Overall (0.72 + 0.80 + 3.9 / 5) / 3 = 0.7667 → 0.77; hallucination 8 %; 150 scores; baseline 0.85.
		expect(rowStarting(lines, 'claude')).toBe('claude-3-5-sonnet ▼REG 0.77 0.72 0.80 3.9 8% 150 0.85');
		// (0.91 + 0.88 + 4.2 / 5) / 3 = 0.8767 → 0.88.
		expect(rowStarting(lines, 'gpt-4o')).toBe('gpt-4o 0.88 0.91 0.88 4.2 2% 400 0.87');
	});

	it('keeps the regression mark when narrow', async () => {
		const lines = await frame(fullSnapshot(), 40);
		expect(rowStarting(lines, 'claude')).toContain('▼REG');
	});

	it('shows — for scores a model has not received', async () => {
		const base = fullSnapshot();
		const snapshot: MonitorSnapshot = {
			...base,
			quality: {by_model: {'only-grounding': qualityStats({grounding: 0.5, samples: 3})}, by_feature: {}},
		};
		const lines = await frame(snapshot);
		expect(rowStarting(lines, 'only-grounding')).toBe('only-grounding — 0.50 — — — 3 —');
		expect(lineWith(lines, 'Quality')).not.toContain('REGRESSION');
	});

	it('says so when there are no scores yet', async () => {
		const lines = await frame(emptySnapshot());
		expect(lineWith(lines, 'no scores')).toBeDefined();
	});

	it('has a one-line summary naming regressions', () => {
		expect(qualitySummary(fullSnapshot().quality)).toBe('2 models · lowest overall 0.77 · ▼ 1 REGRESSION');
		expect(qualitySummary(emptySnapshot().quality)).toBe('no scores yet');
	});
});
