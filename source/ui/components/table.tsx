import {Box, Text} from 'ink';
import {theme, type Tone} from '../theme.js';
import {CellText, isNarrow, truncateNarrow, type CellProperties} from './cell-text.js';

export type Column = {
	readonly key: string;
	readonly header: string;
	/** Fixed width; for the `grow` column, the minimum width. */
	readonly width: number;
	readonly align?: 'left' | 'right';
	/** Lower is more important: columns are dropped from the highest priority up when narrow. */
	readonly priority: number;
	/** Takes the width left over (one column per table). */
	readonly grow?: boolean;
	/** Grow column only: a wider width it claims, at `preferredPriority`, before less important columns. */
	readonly preferred?: number;
	readonly preferredPriority?: number;
};

export type Cell = string | {readonly text: string; readonly tone?: Tone; readonly bold?: boolean};

export type TableRow = {
	readonly key: string;
	readonly cells: Readonly<Record<string, Cell>>;
	readonly bold?: boolean;
	readonly muted?: boolean;
	/** A sub-heading line: the `name` cell across the whole width. */
	readonly span?: boolean;
};

export type Properties = {
	readonly columns: readonly Column[];
	readonly rows: readonly TableRow[];
	readonly width: number;
	/** Lines available including the header line. */
	readonly height: number;
	/** Marks a column header (the sort column), e.g. "▼". */
	readonly headerMarks?: Readonly<Record<string, string>>;
};

export type FittedColumn = Column & {readonly fitted: number};

/** Picks the columns that fit in `width` (one space between columns), most important first. */
export function fitColumns(columns: readonly Column[], width: number): FittedColumn[] {
	const grow = columns.find(column => column.grow);
	let used = grow?.width ?? 0;
	let growExtra = 0;
	const chosen = new Set<Column>(grow === undefined ? [] : [grow]);
	type Candidate = {readonly priority: number; readonly column?: Column; readonly extra?: number};
	const candidates: Candidate[] = columns.filter(column => column !== grow).map(column => ({priority: column.priority, column}));
	if (grow?.preferred !== undefined && grow.preferred > grow.width) {
		candidates.push({priority: grow.preferredPriority ?? grow.priority, extra: grow.preferred - grow.width});
	}
	for (const candidate of candidates.sort((a, b) => a.priority - b.priority)) {
		if (candidate.column === undefined) {
			const extra = Math.min(candidate.extra ?? 0, Math.max(0, width - used));
			growExtra += extra;
			used += extra;
			continue;
		}
		const cost = candidate.column.width + (chosen.size > 0 ? 1 : 0);
		if (used + cost > width) continue;
		chosen.add(candidate.column);
		used += cost;
	}
	const spare = Math.max(0, width - used);
	return columns
		.filter(column => chosen.has(column))
		.map(column => ({...column, fitted: column.grow ? column.width + growExtra + spare : column.width}));
}

type CellParts = {readonly text: string; readonly tone?: Tone; readonly bold?: boolean};

const EMPTY_CELL: CellParts = {text: ''};

function cellText(cell: Cell | undefined): CellParts {
	if (cell === undefined) return EMPTY_CELL;
	return typeof cell === 'string' ? {text: cell} : cell;
}

type FastCell = CellProperties & {readonly key: string};

/**
 * The row's cells fitted to their columns: blank columns before and after each text, and the text
 * with its style, so that a cell needs no box of its own (see CellText). Null when the row needs a
 * box per cell (a character of unknown width, or columns wider than the table).
 */
function fastCells(fitted: readonly FittedColumn[], row: TableRow, header: boolean, width: number): FastCell[] | null {
	const cells: FastCell[] = [];
	let used = 0;
	for (let index = 0; index < fitted.length; index++) {
		const column = fitted[index]!;
		const cell = cellText(row.cells[column.key]);
		if (!isNarrow(cell.text)) return null;
		used += column.fitted + (index === 0 ? 0 : 1);
		const gap = index === 0 ? 0 : 1;
		const text = truncateNarrow(cell.text, column.fitted);
		const pad = column.fitted - text.length;
		const bold = (cell.bold ?? row.bold) === true;
		const color = theme.color(cell.tone ?? (row.muted ? 'muted' : undefined));
		const styled = bold || header || color !== undefined;
		cells.push({
			key: column.key,
			before: column.align === 'right' ? gap + pad : gap,
			pieces: text === '' ? [] : [styled ? {text, bold, dimColor: header, color} : {text}],
			after: column.align === 'right' ? 0 : pad,
		});
	}

	return used > width ? null : cells;
}

function Line({fitted, row, header, width}: {readonly fitted: readonly FittedColumn[]; readonly row: TableRow; readonly header?: boolean; readonly width: number}) {
	if (row.span) {
		return (
			<Text wrap="truncate-end" bold={row.bold === true} color={theme.color(row.muted ? 'muted' : undefined)}>
				{cellText(row.cells['name']).text}
			</Text>
		);
	}
	const cells = fastCells(fitted, row, header === true, width);
	if (cells !== null) {
		return (
			<Box height={1} flexShrink={0}>
				{cells.map(cell => (
					<CellText key={cell.key} before={cell.before} pieces={cell.pieces} after={cell.after} />
				))}
			</Box>
		);
	}
	// Fixed-width cell boxes can add up to more than the table (a grow column wider than the
	// panel), so this line clips its own width.
	return (
		<Box height={1} flexShrink={0} overflow="hidden">
			{fitted.map((column, index) => {
				const cell = cellText(row.cells[column.key]);
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

/**
 * A fixed-height table: a header line, then as many rows as fit, the last line saying how many
 * were left out. Columns that do not fit the width are dropped by priority, never wrapped.
 */
export function Table({columns, rows, width, height, headerMarks}: Properties) {
	if (height <= 0) return null;
	const fitted = fitColumns(columns, width);
	const headerCells = Object.fromEntries(columns.map(column => [column.key, `${column.header}${headerMarks?.[column.key] ?? ''}`]));
	const room = height - 1;
	const shown = rows.length > room ? rows.slice(0, Math.max(0, room - 1)) : rows;
	const hidden = rows.length - shown.length;
	return (
		<Box flexDirection="column" width={width} height={height} overflowY="hidden">
			<Line header fitted={fitted} row={{key: 'header', cells: headerCells}} width={width} />
			{shown.map(row => (
				<Line key={row.key} fitted={fitted} row={row} width={width} />
			))}
			{hidden > 0 && room > 0 ? (
				<Text wrap="truncate-end" color={theme.color('muted')}>
					… {hidden} more
				</Text>
			) : null}
		</Box>
	);
}
