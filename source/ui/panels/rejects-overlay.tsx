import {Text} from 'ink';
import {memo} from 'react';
import type {IngestSnapshot} from '../../domain/snapshot-types.js';
import {sanitizeText} from '../../events/sanitize.js';
import {selectIngest} from '../../store/selectors.js';
import {Panel} from '../components/panel.js';
import {Placeholder} from '../components/placeholder.js';
import {Table, type Column, type TableRow} from '../components/table.js';
import {formatCount, formatRelative} from '../format.js';
import {useMonitor} from '../hooks/use-monitor.js';
import {theme} from '../theme.js';
import {innerSize} from './panel-properties.js';

export type Properties = {readonly width: number; readonly height: number};

const COLUMNS: readonly Column[] = [
	{key: 'age', header: 'when', width: 8, priority: 1},
	{key: 'source', header: 'source', width: 8, priority: 3},
	{key: 'reason', header: 'reason', width: 20, priority: 2},
	{key: 'sample', header: 'line', width: 10, priority: 0, grow: true},
];

/** "invalid_json 2 · missing_field:model 1", most frequent first. */
export function reasonsLine(byReason: Readonly<Record<string, number>>): string {
	return Object.entries(byReason)
		.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
		.map(([reason, count]) => `${sanitizeText(reason)} ${formatCount(count)}`)
		.join(' · ');
}

/**
 * Newest first, by the order lines were read (the snapshot lists them oldest first): sorting by
 * arrival time mixed the order up, as the lines of one chunk share their arrival millisecond.
 * Samples were sanitised at ingest and are sanitised again here.
 */
export function rejectRows(ingest: IngestSnapshot, nowMs: number | null): TableRow[] {
	return [...ingest.recent_rejects]
		.reverse()
		.map((reject, index) => ({
			key: `${index}:${reject.at}`,
			cells: {
				age: formatRelative(reject.at, nowMs),
				source: sanitizeText(reject.source),
				reason: {text: sanitizeText(reject.reason), tone: 'warn'},
				// The hint goes in the wide column: in the reason column it would be cut off at once.
				sample: sanitizeText(reject.hint === undefined ? reject.sample : `(${reject.hint}) ${reject.sample}`),
			},
		}));
}

export const RejectsOverlay = memo(function RejectsOverlay({width, height}: Properties) {
	const ingest = useMonitor(selectIngest);
	const nowMs = useMonitor(state => state.snapshot?.clock.now_ms ?? null);
	const inner = innerSize(width, height);
	const total = ingest?.rejected ?? 0;
	return (
		<Panel title="Recent rejects" note={`${formatCount(total)} rejected · Esc or r to close`} width={width} height={height} focused>
			{ingest === null || ingest.recent_rejects.length === 0 ? (
				<Placeholder text="no rejected lines" />
			) : (
				<>
					<Text wrap="truncate-end" color={theme.color('muted')}>
						{reasonsLine(ingest.rejected_by_reason)}
					</Text>
					<Table columns={COLUMNS} rows={rejectRows(ingest, nowMs)} width={inner.width} height={Math.max(0, inner.height - 1)} />
				</>
			)}
		</Panel>
	);
});
