// Table rows composed as strings (see composed-line.ts): each cell fitted to its column, as a text
// after blank columns.
import {theme} from '../theme.js';
import {canStyle, styleText, type TextStyle} from './ink-styles.js';
import {isNarrow, truncateNarrow, type ComposedLine} from './composed-line.js';
import {cellParts, type FittedColumn, type TableRow} from './table-columns.js';

/** Columns the fitted columns take, one blank between two. */
export function fittedWidth(fitted: readonly FittedColumn[], from = 0, to = fitted.length): number {
	let width = 0;
	for (let index = from; index < to; index++) width += fitted[index]!.fitted + (index === from ? 0 : 1);
	return width;
}

/**
 * Cells `from` to `to` of a row (or of the header, dimmed) fitted to their columns, as the cells would
 * be drawn one text each after blank columns, starting at column `from`'s left edge. Null when a
 * cell is not narrow or a style cannot be composed.
 */
export function composeCells(fitted: readonly FittedColumn[], row: TableRow, header: boolean, from = 0, to = fitted.length): ComposedLine | null {
	let text = '';
	let spoken = '';
	// Blank columns are written only when a text follows them, as Ink writes no blank box.
	let blank = 0;
	for (let index = from; index < to; index++) {
		const column = fitted[index]!;
		const cell = cellParts(row.cells[column.key]);
		if (!isNarrow(cell.text)) return null;
		const gap = index === from ? 0 : 1;
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

	return {text, spoken};
}
