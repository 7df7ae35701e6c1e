import {describe, expect, it} from 'vitest';
import {Table, type Column, type TableRow} from '../../../source/ui/components/table.js';
import {renderInk} from '../../helpers/render.js';

const COLUMNS: readonly Column[] = [
	{key: 'name', header: 'model', width: 8, priority: 0, grow: true},
	{key: 'calls', header: 'calls', width: 5, align: 'right', priority: 1},
	{key: 'err', header: 'err%', width: 5, align: 'right', priority: 2},
];

function frame(rows: readonly TableRow[], width = 30, height = 6): string[] {
	const rendered = renderInk(<Table columns={COLUMNS} rows={rows} width={width} height={height} />, {columns: 40});
	const lines = rendered.frameLines();
	rendered.unmount();
	return lines;
}

describe('Table', () => {
	it('pads, aligns and truncates cells to their columns', () => {
		// 30 wide: name 30 − (5 + 1) − (5 + 1) = 18, calls 5, err% 5.
		const lines = frame([
			{key: 'a', cells: {name: 'gpt-4o', calls: '1.2k', err: {text: '2.5%', tone: 'danger'}}},
			{key: 'b', cells: {name: 'a-very-long-model-name-here', calls: '123456', err: '—'}},
			{key: 'c', cells: {name: '', calls: '', err: ''}},
			{key: 'd', cells: {name: 'x', calls: '7', err: '0.0%'}},
		]);
		expect(lines.slice(0, 5)).toEqual([
			'model              calls  err%',
			'gpt-4o              1.2k  2.5%',
			// Too long for its column: cut with an ellipsis, as Ink's truncate-end does.
			'a-very-long-model… 1234…     —',
			'',
			'x                      7  0.0%',
		]);
	});

	it('lines up rows with wide characters with the others', () => {
		const lines = frame([
			{key: 'a', cells: {name: '模型-大', calls: '12', err: '1.0%'}},
			{key: 'b', cells: {name: 'gpt-4o', calls: '3', err: '—'}},
		]);
		// "模型-大" is 7 columns wide in 5 characters: 11 spaces of padding fill its 18 columns.
		expect(lines[1]).toBe(`模型-大${' '.repeat(11)}    12  1.0%`);
		// 18 − 6 = 12 padding, the gap, then "3" right-aligned in 5.
		expect(lines[2]).toBe(`gpt-4o${' '.repeat(12 + 1 + 4)}3     —`);
	});

	it('says how many rows did not fit', () => {
		const rows = Array.from({length: 9}, (_, index) => ({key: String(index), cells: {name: `m${index}`, calls: String(index), err: '—'}}));
		// 6 lines: header, 4 rows, "… 5 more".
		const lines = frame(rows);
		expect(lines[4]).toBe(`m3${' '.repeat(16 + 1 + 4)}3     —`);
		expect(lines[5]).toBe('… 5 more');
	});
});
