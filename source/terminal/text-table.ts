// Aligned plain-text tables for `report` (no colours, no box drawing: safe for logs and e-mail).

export type Align = 'left' | 'right';

export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, align: readonly Align[] = []): string[] {
	const widths = headers.map((header, column) => Math.max(header.length, ...rows.map(row => (row[column] ?? '').length)));
	const line = (cells: readonly string[]): string =>
		cells
			.map((cell, column) => {
				const width = widths[column] ?? 0;
				return (align[column] ?? 'left') === 'right' ? cell.padStart(width) : cell.padEnd(width);
			})
			.join('  ')
			.trimEnd();
	return [line(headers), line(widths.map(width => '-'.repeat(width))), ...rows.map(row => line(headers.map((_, column) => row[column] ?? '')))];
}
