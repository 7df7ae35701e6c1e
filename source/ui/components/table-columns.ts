import type {Tone} from '../theme.js';

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

export type CellParts = {readonly text: string; readonly tone?: Tone; readonly bold?: boolean};

const EMPTY_CELL: CellParts = {text: ''};

export function cellParts(cell: Cell | undefined): CellParts {
	if (cell === undefined) return EMPTY_CELL;
	return typeof cell === 'string' ? {text: cell} : cell;
}
