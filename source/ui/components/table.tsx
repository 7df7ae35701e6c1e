import {Box, Text, useIsScreenReaderEnabled} from 'ink';
import type {ReactElement} from 'react';
import {theme} from '../theme.js';
import {LineStack, textLine, type Line} from './line-stack.js';
import {cellParts, fitColumns, type Column, type FittedColumn, type TableRow} from './table-columns.js';
import {composeCells, fittedWidth} from './table-lines.js';

export {fitColumns, type Cell, type Column, type FittedColumn, type TableRow} from './table-columns.js';

export type Properties = {
	readonly columns: readonly Column[];
	readonly rows: readonly TableRow[];
	readonly width: number;
	/** Lines available including the header line. */
	readonly height: number;
	/** Marks a column header (the sort column), e.g. "▼". */
	readonly headerMarks?: Readonly<Record<string, string>>;
};

type LineProperties = {readonly fitted: readonly FittedColumn[]; readonly row: TableRow; readonly header?: boolean};

/**
 * A line Ink lays out itself: a sub-heading with a character of unknown width, or a row in a box per
 * cell. Fixed-width cell boxes can add up to more than the table (a grow column wider than the
 * panel), so the row clips its own width.
 */
function InkLine({fitted, row, header}: LineProperties) {
	if (row.span) {
		return (
			<Text wrap="truncate-end" bold={row.bold === true} color={theme.color(row.muted ? 'muted' : undefined)}>
				{cellParts(row.cells['name']).text}
			</Text>
		);
	}
	return (
		<Box height={1} flexShrink={0} overflow="hidden">
			{fitted.map((column, index) => {
				const cell = cellParts(row.cells[column.key]);
				return (
					<Box
						key={column.key}
						width={column.fitted}
						flexShrink={0}
						marginLeft={index === 0 ? 0 : 1}
						justifyContent={column.align === 'right' ? 'flex-end' : 'flex-start'}
					>
						<Text
							wrap="truncate-end"
							bold={(cell.bold ?? row.bold) === true}
							dimColor={header === true}
							color={theme.color(cell.tone ?? (row.muted ? 'muted' : undefined))}
						>
							{cell.text}
						</Text>
					</Box>
				);
			})}
		</Box>
	);
}

type Layout = {
	readonly fitted: readonly FittedColumn[];
	/** Whether composed rows fit the table (else Ink lays them out, clipped). */
	readonly composable: boolean;
	/** The first column drawn in a separate right part, or the column count for none. */
	readonly split: number;
};

function rowLine(layout: Layout, row: TableRow, key: string, width: number, header = false): Line {
	if (row.span) {
		return textLine(key, [{text: cellParts(row.cells['name']).text}], {bold: row.bold === true, color: theme.color(row.muted ? 'muted' : undefined)}, width);
	}
	const {fitted, composable, split} = layout;
	const element = (): ReactElement => <InkLine key={key} fitted={fitted} row={row} header={header} />;
	const composed = composable ? composeCells(fitted, row, header, 0, split) : null;
	if (composed === null || split === fitted.length) return {key, composed, element};
	const right = composeCells(fitted, row, header, split);
	return right === null ? {key, composed: null, element} : {key, composed, right, element};
}

/**
 * A fixed-height table: a header line, then as many rows as fit, the last line saying how many
 * were left out. Columns that do not fit the width are dropped by priority, never wrapped.
 */
export function Table({columns, rows, width, height, headerMarks}: Properties) {
	const screenReader = useIsScreenReaderEnabled();
	if (height <= 0) return null;
	const fitted = fitColumns(columns, width);
	// A composed line needs a column to draw in, and must not be wider than the table.
	const composable = width >= 1 && fittedWidth(fitted) <= width;
	// The wide column's blank end is not drawn: the columns after it are a part of their own. A
	// screen reader hears no layout, only each line's words, so it gets whole lines.
	const grow = fitted.findIndex(column => column.grow === true && column.align !== 'right');
	const split = grow === -1 || screenReader ? fitted.length : grow + 1;
	const layout: Layout = {fitted, composable, split};
	const headerCells = Object.fromEntries(columns.map(column => [column.key, `${column.header}${headerMarks?.[column.key] ?? ''}`]));
	const room = height - 1;
	const shown = rows.length > room ? rows.slice(0, Math.max(0, room - 1)) : rows;
	const hidden = rows.length - shown.length;
	// Keys are prefixed so that no row key (a feature's name) can take the header's or another line's.
	const lines = [rowLine(layout, {key: 'header', cells: headerCells}, 'header', width, true), ...shown.map(row => rowLine(layout, row, `row:${row.key}`, width))];
	if (hidden > 0 && room > 0) lines.push(textLine('more', [{text: `… ${hidden} more`}], {color: theme.color('muted')}, width));
	return (
		<Box flexDirection="column" width={width} height={height} overflowY="hidden">
			<LineStack lines={lines} splitAt={split < fitted.length ? fittedWidth(fitted, 0, split) + 1 : 0} />
		</Box>
	);
}
