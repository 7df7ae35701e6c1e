import {describe, expect, it} from 'vitest';
import {computeLayout} from '../../source/ui/layout.js';

const SIZES = [
	[80, 24],
	[100, 30],
	[120, 40],
	[160, 48],
	[200, 60],
	[79, 24],
	[60, 12],
	[200, 10],
	[40, 5],
] as const;

describe('computeLayout', () => {
	it.each(SIZES)('at %i×%i fills exactly rows − 1 lines and never exceeds the width', (columns, rows) => {
		const layout = computeLayout({columns, rows});
		const body = layout.body.reduce((sum, row) => sum + row.height, 0);
		expect(layout.headerHeight + body + layout.footerHeight).toBeLessThanOrEqual(rows - 1);
		expect(layout.frameHeight).toBe(rows - 1);
		for (const row of layout.body) {
			expect(row.cells.reduce((sum, cell) => sum + cell.width, 0)).toBeLessThanOrEqual(columns);
		}
	});

	it('uses two columns at 80×24 and collapses alerts and traces to one line each', () => {
		const layout = computeLayout({columns: 80, rows: 24});
		expect(layout.columnCount).toBe(2);
		// 23 lines − header 2 − footer 1 = 20; row minimums 10 + 7 + 6 = 23 > 20, so the last row collapses.
		expect(layout.bodyHeight).toBe(20);
		expect(layout.body.map(row => row.cells.map(cell => `${cell.panel}:${cell.mode}`))).toEqual([
			['performance:full', 'cost:full'],
			['quality:full', 'features:full'],
			['alerts:line'],
			['traces:line'],
		]);
		// 10 + 7 + 2 = 19: the spare line goes to the first row.
		expect(layout.body.map(row => row.height)).toEqual([11, 7, 1, 1]);
		expect(layout.body[0]?.cells.map(cell => cell.width)).toEqual([40, 40]);
	});

	it('shows every panel in full from 100×30', () => {
		const layout = computeLayout({columns: 100, rows: 30});
		expect(layout.body.flatMap(row => row.cells.map(cell => cell.mode))).toEqual(Array.from({length: 6}, () => 'full'));
		// Body 30 − 1 − 2 − 1 = 26; minimums 10 + 7 + 6 = 23; extra 3 by weight 5:3:2 of 10 →
		// floor(1.5) = 1, floor(0.9) = 0, floor(0.6) = 0; the 2 lines left go to row one → 13, 7, 6.
		expect(layout.body.map(row => row.height)).toEqual([13, 7, 6]);
	});

	it('uses three columns at wide sizes, performance the widest', () => {
		const layout = computeLayout({columns: 200, rows: 60});
		expect(layout.columnCount).toBe(3);
		// 200 × 0.38 = 76, × 0.32 = 64, × 0.30 = 60.
		expect(layout.body[0]?.cells.map(cell => cell.width)).toEqual([76, 64, 60]);
	});

	it('uses one column below 80 columns', () => {
		const layout = computeLayout({columns: 70, rows: 20});
		expect(layout.columnCount).toBe(1);
		expect(layout.body[0]?.cells).toEqual([{panel: 'performance', width: 70, mode: 'full'}]);
	});

	it('drops summary lines that do not fit on a tiny terminal', () => {
		const layout = computeLayout({columns: 40, rows: 5});
		// 4 lines: header 1, no footer, body 3 → three one-line summaries.
		expect(layout.bodyHeight).toBe(3);
		expect(layout.body).toHaveLength(3);
	});
});
