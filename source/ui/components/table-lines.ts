// Table rows composed as strings (see composed-line.ts): each cell fitted to its column, as a text
// after blank columns.
import {theme} from '../theme.js';
import {canStyle, styleText, type TextStyle} from './ink-styles.js';
import {isNarrow, truncateNarrow, type ComposedLine} from './composed-line.js';
import {cellParts, type FittedColumn, type TableRow} from './table-columns.js';

/**
 * A row (or the header, dimmed) with its cells fitted to their columns, as the cells would be drawn
 * one text each after blank columns. Null when a cell is not narrow, a style cannot be composed, or
 * the columns add up to more than `width` (Ink clips such a line: see table.tsx).
 */
export function composeRow(fitted: readonly FittedColumn[], row: TableRow, header: boolean, width: number): ComposedLine | null {
	let text = '';
	let spoken = '';
	// Blank columns are written only when a text follows them, as Ink writes no blank box.
	let blank = 0;
	let used = 0;
	for (let index = 0; index < fitted.length; index++) {
		const column = fitted[index]!;
		const cell = cellParts(row.cells[column.key]);
		if (!isNarrow(cell.text)) return null;
		const gap = index === 0 ? 0 : 1;
		used += column.fitted + gap;
		const shown = truncateNarrow(cell.text, column.fitted);
		const pad = column.fitted - shown.length;
		const style: TextStyle = {
			bold: (cell.bold ?? row.bold) === true,
			dimColor: header,
			color: theme.color(cell.tone ?? (row.muted ? 'muted' : undefined)),
		};
		if (!canStyle(style)) return null;
		blank += column.align === 'right' ? gap + pad : gap;
		if (shown !== '') {
			const styled = styleText(shown, style);
			text += ' '.repeat(blank) + styled;
			// A screen reader hears each cell's text, one space between.
			spoken += spoken === '' ? styled : ` ${styled}`;
			blank = 0;
		}
		if (column.align !== 'right') blank += pad;
	}

	return used > width ? null : {text, spoken};
}
