import {stripVTControlCharacters} from 'node:util';
import type {ReactElement} from 'react';
import {afterAll, describe, expect, it, vi} from 'vitest';
// Type imports are erased, so they load nothing before colour is forced below.
import type {Piece} from '../../../source/ui/components/composed-line.js';
import type {TextStyle} from '../../../source/ui/components/ink-styles.js';
import type {Column, TableRow} from '../../../source/ui/components/table.js';

// Composed lines must come out exactly as Ink draws the texts they replace, escape codes included,
// so this file forces colour (see colour.test.tsx) before anything imports Ink's chalk.
const saved = vi.hoisted(() => {
	const before = {force: process.env['FORCE_COLOR'], noColor: process.env['NO_COLOR']};
	process.env['FORCE_COLOR'] = '1';
	delete process.env['NO_COLOR'];
	return before;
});

afterAll(() => {
	if (saved.force === undefined) delete process.env['FORCE_COLOR'];
	else process.env['FORCE_COLOR'] = saved.force;
	if (saved.noColor !== undefined) process.env['NO_COLOR'] = saved.noColor;
});

const {Box, Text} = await import('ink');
const {LineStack, textLine} = await import('../../../source/ui/components/line-stack.js');
const {Table} = await import('../../../source/ui/components/table.js');
const {fitColumns} = await import('../../../source/ui/components/table-columns.js');
const {theme} = await import('../../../source/ui/theme.js');
const {renderInk} = await import('../../helpers/render.js');

function raw(node: ReactElement, screenReader = false): string {
	const rendered = renderInk(node, {columns: 60, rows: 20, screenReader});
	const frame = rendered.rawFrame();
	rendered.unmount();
	return frame;
}

const GRAY = theme.color('muted');
const RED = theme.color('danger');

describe('textLine', () => {
	const cases: Array<{name: string; pieces: Piece[]; style?: TextStyle; widths: number[]}> = [
		{
			name: 'a title: bold text and a coloured note',
			pieces: [{text: '▶ Performance', style: {bold: true}}, {text: ' · last 5m, 2m of data', style: {color: GRAY}}],
			widths: [40, 35, 20, 14, 13, 12, 3, 2, 1],
		},
		{
			name: 'a gauge: colour, bold colour and plain',
			pieces: [{text: '[████░░]', style: {color: RED}}, {text: ' '}, {text: '82.0%', style: {bold: true, color: RED}}, {text: ' ⚠ ≥80%', style: {color: RED}}],
			widths: [30, 21, 15, 9, 8, 2],
		},
		{
			name: 'bold inverse colour, dim, and an outer colour around nested bold',
			pieces: [{text: 'llmmon', style: {bold: true, color: theme.color('accent')}}, {text: ' PAUSED +3 new ', style: {bold: true, inverse: true, color: theme.color('warn')}}, {text: 'dim', style: {dimColor: true}}, {text: ' end'}],
			style: {color: GRAY},
			widths: [40, 27, 20, 7, 6],
		},
		{
			name: 'bold and dim together (both end with the same code)',
			pieces: [{text: 'a'}, {text: 'both', style: {bold: true, dimColor: true}}, {text: 'z', style: {color: RED}}],
			style: {bold: true},
			widths: [10, 6, 4, 3],
		},
		{name: 'empty pieces around text', pieces: [{text: ''}, {text: 'x', style: {color: RED}}, {text: ''}], widths: [5, 1]},
	];

	for (const {name, pieces, style = {}, widths} of cases) {
		it(`draws ${name} as Ink does, cut or not`, () => {
			for (const width of widths) {
				const line = textLine('t', pieces, style, width);
				expect(line.composed, `width ${width}`).not.toBeNull();
				const composed = raw(
					<Box width={width} flexDirection="column">
						<LineStack lines={[line]} />
					</Box>,
				);
				const ink = raw(
					<Box width={width} flexDirection="column">
						{line.element()}
					</Box>,
				);
				expect(composed, `width ${width}`).toBe(ink);
				// Cut to one column, a line is a bare "…": every other frame here carries styles.
				if (width > 1) expect(composed).toContain('\u001B[');
				const spoken = raw(<LineStack lines={[line]} />, true);
				expect(spoken, `width ${width}, screen reader`).toBe(raw(line.element(), true));
			}
		});
	}

	it('leaves to Ink what it cannot compose exactly', () => {
		// A wide character, an empty text (Ink gives it no line), no column, a colour it has no code for.
		expect(textLine('t', [{text: '模型'}], {}, 20).composed).toBeNull();
		expect(textLine('t', [{text: ''}], {}, 20).composed).toBeNull();
		expect(textLine('t', [{text: 'x'}], {}, 0).composed).toBeNull();
		expect(textLine('t', [{text: 'x', style: {color: '#ff8800'}}], {}, 20).composed).toBeNull();
	});
});

/** Each cell a box of its column's width holding one truncated text: the layout composed rows replace. */
function ReferenceTable({columns, rows, width}: {readonly columns: readonly Column[]; readonly rows: readonly TableRow[]; readonly width: number}) {
	const fitted = fitColumns(columns, width);
	const line = (row: TableRow, header: boolean) => (
		<Box key={row.key} height={1} flexShrink={0}>
			{fitted.map((column, index) => {
				const cell = row.cells[column.key];
				const parts = cell === undefined ? {text: ''} : typeof cell === 'string' ? {text: cell} : cell;
				return (
					<Box key={column.key} width={column.fitted} flexShrink={0} marginLeft={index === 0 ? 0 : 1} justifyContent={column.align === 'right' ? 'flex-end' : 'flex-start'}>
						<Text wrap="truncate-end" bold={(parts.bold ?? row.bold) === true} dimColor={header} color={theme.color(parts.tone ?? (row.muted ? 'muted' : undefined))}>
							{parts.text}
						</Text>
					</Box>
				);
			})}
		</Box>
	);
	return (
		<Box flexDirection="column" width={width}>
			{line({key: 'header', cells: Object.fromEntries(columns.map(column => [column.key, column.header]))}, true)}
			{rows.map(row => line(row, false))}
		</Box>
	);
}

describe('Table rows composed as text', () => {
	// A wide column in the middle, as in the traces panel: rows are drawn in two parts.
	const columns: readonly Column[] = [
		{key: 'id', header: 'trace', width: 8, priority: 2},
		{key: 'name', header: 'root', width: 6, priority: 0, grow: true, preferred: 14, preferredPriority: 2.5},
		{key: 'ms', header: 'dur', width: 6, align: 'right', priority: 1},
		{key: 'err', header: 'err', width: 4, align: 'right', priority: 1},
		{key: 'note', header: 'note', width: 7, priority: 3},
	];
	const rows: readonly TableRow[] = [
		{key: 'all', bold: true, cells: {id: 'all', name: 'everything', ms: '850ms', err: {text: '12.5%', tone: 'danger'}, note: 'bold row'}},
		{key: 'a', cells: {id: '5a712a6d', name: 'POST /api/support-bot', ms: '1.25s', err: {text: '✗2', tone: 'danger', bold: true}, note: ''}},
		{key: 'b', muted: true, cells: {id: 'c0ffee00', name: '', ms: '—', err: '', note: 'resolved'}},
		{key: 'c', cells: {id: 'x', name: 'a-rather-long-root-name', ms: '12.5s', err: {text: '0.4%', tone: 'warn'}}},
		{key: 'd', cells: {}},
	];

	it('draws the same characters and styles as a box and a text per cell', () => {
		for (const width of [50, 40, 33, 27, 20, 14, 8]) {
			const table = raw(<Table columns={columns} rows={rows} width={width} height={rows.length + 1} />);
			expect(table, `width ${width}`).toBe(raw(<ReferenceTable columns={columns} rows={rows} width={width} />));
			expect(table).toContain('\u001B[');
		}
	});

	it('gives a screen reader the cell texts of each line as drawn, one space apart', () => {
		const spoken = raw(<Table columns={columns} rows={rows} width={40} height={rows.length + 1} />, true);
		// 40 wide: trace 8, root 14 + 2 spare, dur 6, err 4 (the note column does not fit).
		expect(stripVTControlCharacters(spoken).split('\n')).toEqual([
			'trace root dur err',
			'all everything 850ms 12.…',
			'5a712a6d POST /api/support-… 1.25s ✗2',
			'c0ffee00 —',
			'x a-rather-long-root… 12.5s 0.4%',
		]);
		expect(spoken).toContain(`\u001B[1m\u001B[31m✗2`);
	});
});
