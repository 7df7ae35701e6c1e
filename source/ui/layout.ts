// Pure layout arithmetic. Ink 6.8 clears the whole terminal on every frame once the output is
// as tall as the screen (ink#450), so the frame is kept to rows − 1 lines: every row below
// has a fixed height and the sum is checked here, not left to flexbox.
import type {PanelId} from '../store/create-monitor-store.js';
import type {TerminalSize} from './hooks/use-terminal-size.js';

export type PanelMode = 'full' | 'line';

export type LayoutCell = {readonly panel: PanelId; readonly width: number; readonly mode: PanelMode};

export type LayoutRow = {readonly height: number; readonly cells: readonly LayoutCell[]};

export type DashboardLayout = {
	readonly columns: number;
	/** Lines the frame may use: terminal rows − 1. */
	readonly frameHeight: number;
	readonly headerHeight: number;
	readonly footerHeight: number;
	readonly bodyHeight: number;
	readonly columnCount: 1 | 2 | 3;
	readonly body: readonly LayoutRow[];
};

type Group = {readonly panels: readonly PanelId[]; readonly minHeight: number; readonly weight: number};

/** Side by side groups, most important first; the last groups collapse first. */
const GROUPS: Readonly<Record<1 | 2 | 3, readonly Group[]>> = {
	1: [
		{panels: ['performance'], minHeight: 7, weight: 3},
		{panels: ['cost'], minHeight: 8, weight: 3},
		{panels: ['alerts'], minHeight: 5, weight: 1},
		{panels: ['quality'], minHeight: 6, weight: 2},
		{panels: ['features'], minHeight: 6, weight: 2},
		{panels: ['traces'], minHeight: 5, weight: 1},
	],
	2: [
		{panels: ['performance', 'cost'], minHeight: 10, weight: 5},
		{panels: ['quality', 'features'], minHeight: 7, weight: 3},
		{panels: ['alerts', 'traces'], minHeight: 6, weight: 2},
	],
	3: [
		{panels: ['performance', 'cost', 'alerts'], minHeight: 10, weight: 11},
		{panels: ['quality', 'features', 'traces'], minHeight: 7, weight: 9},
	],
};

/** Column shares: performance's table is the widest, so it gets more room in three columns. */
const COLUMN_SHARES: Readonly<Record<1 | 2 | 3, readonly number[]>> = {
	1: [1],
	2: [0.5, 0.5],
	3: [0.38, 0.32, 0.3],
};

export const TWO_COLUMNS_FROM = 80;
export const THREE_COLUMNS_FROM = 150;

function splitWidth(total: number, shares: readonly number[]): number[] {
	const widths = shares.map(share => Math.floor(total * share));
	const used = widths.reduce((sum, width) => sum + width, 0);
	widths[0] = (widths[0] ?? 0) + (total - used);
	return widths;
}

function lineHeight(group: Group): number {
	return group.panels.length;
}

export function computeLayout(size: TerminalSize): DashboardLayout {
	const columns = Math.max(1, Math.floor(size.columns));
	const frameHeight = Math.max(1, Math.floor(size.rows) - 1);
	const headerHeight = frameHeight >= 15 ? 2 : 1;
	const footerHeight = frameHeight >= 9 ? 1 : 0;
	const bodyHeight = Math.max(0, frameHeight - headerHeight - footerHeight);
	const columnCount: 1 | 2 | 3 = columns >= THREE_COLUMNS_FROM ? 3 : columns >= TWO_COLUMNS_FROM ? 2 : 1;
	const groups = GROUPS[columnCount];
	const widths = splitWidth(columns, COLUMN_SHARES[columnCount]);

	// Collapse groups from the least important up until the minimum heights fit.
	const full = groups.map(() => true);
	const needed = (): number => groups.reduce((sum, group, index) => sum + (full[index] ? group.minHeight : lineHeight(group)), 0);
	for (let index = groups.length - 1; index >= 0 && needed() > bodyHeight; index--) full[index] = false;

	const fullWeight = groups.reduce((sum, group, index) => sum + (full[index] ? group.weight : 0), 0);
	const extra = Math.max(0, bodyHeight - needed());
	const heights = groups.map((group, index) => (full[index] ? group.minHeight + Math.floor((extra * group.weight) / fullWeight) : 0));
	const firstFull = full.indexOf(true);
	if (firstFull >= 0) {
		const used = groups.reduce((sum, group, index) => sum + (full[index] ? (heights[index] ?? 0) : lineHeight(group)), 0);
		heights[firstFull] = (heights[firstFull] ?? 0) + Math.max(0, bodyHeight - used);
	}

	const body: LayoutRow[] = [];
	let remaining = bodyHeight;
	for (const [index, group] of groups.entries()) {
		if (full[index]) {
			const height = heights[index] ?? 0;
			body.push({height, cells: group.panels.map((panel, column) => ({panel, width: widths[column] ?? columns, mode: 'full'}))});
			remaining -= height;
			continue;
		}
		for (const panel of group.panels) {
			// On a tiny terminal even the one-line summaries may not all fit: the least important go.
			if (remaining <= 0) break;
			body.push({height: 1, cells: [{panel, width: columns, mode: 'line'}]});
			remaining--;
		}
	}

	return {columns, frameHeight, headerHeight, footerHeight, bodyHeight, columnCount, body};
}
