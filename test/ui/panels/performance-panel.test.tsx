import {describe, expect, it} from 'vitest';
import {PerformancePanel, performanceSummary} from '../../../source/ui/panels/performance-panel.js';
import {emptySnapshot, fullSnapshot} from '../../helpers/snapshot-fixture.js';
import {lineWith, renderWithStore, rowStarting, settle, storeWith} from '../../helpers/render.js';

async function frame(snapshot = fullSnapshot() as ReturnType<typeof fullSnapshot> | null, width = 100, height = 12) {
	const rendered = renderWithStore(<PerformancePanel width={width} height={height} focused={false} mode="full" />, storeWith(snapshot), {columns: 120});
	await settle();
	const lines = rendered.frameLines();
	rendered.unmount();
	return lines;
}

describe('PerformancePanel', () => {
	it('shows the overall row and one row per model with every column when wide', async () => {
		const lines = await frame();
		expect(lineWith(lines, 'Performance')).toContain('Performance · last 5m');
		expect(lineWith(lines, 'model')).toContain('model calls err% p50 p95 p99 ttft50 req/s avg');
		// 1200 calls, 30 errors → 2.5 %; 4 calls/s.
		expect(rowStarting(lines, 'all ')).toContain('all 1.2k 2.5% 850ms 2.10s 4.52s 320ms 4.00/s 1.01s');
		// 21 / 700 = 3.0 %; 700 / 300 s = 2.33/s.
		expect(lineWith(lines, 'gpt-4o')).toContain('gpt-4o 700 3.0% 900ms 2.30s 4.80s 350ms 2.33/s 1.10s');
		// 9 / 500 = 1.8 %; 500 / 300 = 1.67/s; p99 3999 ms → 4.00s.
		expect(lineWith(lines, 'claude')).toContain('claude-3-5-sonnet 500 1.8% 780ms 1.65s 4.00s 290ms 1.67/s 884ms');
	});

	it('lists providers under the models when there is room', async () => {
		const lines = await frame();
		expect(lineWith(lines, 'by provider')).toBeDefined();
		expect(lineWith(lines, 'openai')).toContain('openai 700 3.0%');
		expect(lineWith(lines, 'anthropic')).toContain('anthropic 500 1.8%');
	});

	it('leaves providers out when the panel is too short for them', async () => {
		// 7 lines − 3 chrome = 4: header + all + 2 models; no room for 3 more.
		const lines = await frame(fullSnapshot(), 100, 7);
		expect(lineWith(lines, 'by provider')).toBeUndefined();
		expect(lineWith(lines, 'gpt-4o')).toBeDefined();
	});

	it('drops the least important columns when narrow, keeping p95 and p99', async () => {
		// 40 wide → 38 inside: name 8 + calls, err%, p50, p95, p99 at 5 + 1 each = 38.
		const lines = await frame(fullSnapshot(), 40, 12);
		expect(lineWith(lines, 'calls')).toContain('model calls err% p50 p95 p99');
		expect(lineWith(lines, 'calls')).not.toContain('avg');
		expect(lineWith(lines, 'gpt-4o')).toContain('gpt-4o 700 3.0% 900ms 2.30s 4.80s');
	});

	it('shows — for every value of an empty window, never 0ms or NaN', async () => {
		const lines = await frame(emptySnapshot());
		expect(rowStarting(lines, 'all ')).toContain('all 0 — — — — — — —');
		expect(lines.join('\n')).not.toMatch(/NaN|0ms/);
	});

	it('says it is waiting before the first snapshot', async () => {
		const lines = await frame(null);
		expect(lineWith(lines, 'waiting')).toContain('waiting for data…');
	});

	it('has a one-line summary for short terminals', () => {
		expect(performanceSummary(fullSnapshot().performance)).toBe('5m: 1.2k calls · err 2.5% · p50 850ms · p95 2.10s · p99 4.52s · 4.00/s');
		expect(performanceSummary(emptySnapshot().performance)).toBe('5m: 0 calls · err — · p50 — · p95 — · p99 — · —');
	});
});
