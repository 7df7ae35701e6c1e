import {memo} from 'react';
import type {TraceRow, TracesSnapshot} from '../../domain/snapshot-types.js';
import {sanitizeText} from '../../events/sanitize.js';
import {selectTraces} from '../../store/selectors.js';
import {Panel} from '../components/panel.js';
import {Placeholder} from '../components/placeholder.js';
import {SummaryLine} from '../components/summary-line.js';
import {Table, type Column, type TableRow} from '../components/table.js';
import {formatCount, formatMs, formatUsd} from '../format.js';
import {useMonitor} from '../hooks/use-monitor.js';
import {innerSize, WAITING, type PanelProperties} from './panel-properties.js';

type Properties = PanelProperties;

const COLUMNS: readonly Column[] = [
	{key: 'id', header: 'trace', width: 8, priority: 2},
	{key: 'root', header: 'root', width: 8, priority: 0, grow: true, preferred: 16, preferredPriority: 2.5},
	{key: 'duration', header: 'dur', width: 6, align: 'right', priority: 1},
	{key: 'errors', header: 'err', width: 4, align: 'right', priority: 1},
	{key: 'spans', header: 'spans', width: 5, align: 'right', priority: 3},
	{key: 'cost', header: 'cost', width: 8, align: 'right', priority: 4},
	{key: 'service', header: 'service', width: 10, priority: 5},
];

/** Enough of a trace id to tell traces apart on screen. */
export function shortTraceId(id: string): string {
	return sanitizeText(id.slice(0, 8));
}

export function errorsCell(errors: number): string {
	return errors > 0 ? `✗${formatCount(errors)}` : '';
}

export function traceRows(traces: readonly TraceRow[]): TableRow[] {
	return traces.map((trace, index) => ({
		key: `${index}:${trace.trace_id}`,
		cells: {
			id: shortTraceId(trace.trace_id),
			root: sanitizeText(trace.root_name),
			duration: formatMs(trace.duration_ms),
			errors: {text: errorsCell(trace.errors), tone: trace.errors > 0 ? 'danger' : undefined},
			spans: formatCount(trace.spans),
			cost: formatUsd(trace.cost_usd),
			service: trace.service === null ? '' : sanitizeText(trace.service),
		},
	}));
}

function seenNote(traces: TracesSnapshot): string {
	const dropped = traces.spans_dropped > 0 ? ` · ${formatCount(traces.spans_dropped)} spans dropped` : '';
	return `${formatCount(traces.traces_seen)} seen${dropped}`;
}

export function tracesSummary(traces: TracesSnapshot | null): string {
	if (traces === null) return WAITING;
	const last = traces.recent[0];
	if (last === undefined) return 'no traces yet';
	const errors = last.errors > 0 ? ` ${errorsCell(last.errors)}` : '';
	return `${seenNote(traces)} · last ${sanitizeText(last.root_name)} ${formatMs(last.duration_ms)}${errors} ${formatUsd(last.cost_usd)}`;
}

export const TracesPanel = memo(function TracesPanel({width, height, focused, mode}: Properties) {
	const traces = useMonitor(selectTraces);
	if (mode === 'line') {
		return <SummaryLine label="Traces" text={tracesSummary(traces)} width={width} focused={focused} />;
	}
	const inner = innerSize(width, height);
	return (
		<Panel title="Recent traces" note={traces === null ? undefined : seenNote(traces)} width={width} height={height} focused={focused}>
			{traces === null ? <Placeholder text={WAITING} /> : null}
			{traces !== null && traces.recent.length === 0 ? <Placeholder text="no traces yet" /> : null}
			{traces !== null && traces.recent.length > 0 ? (
				<Table columns={COLUMNS} rows={traceRows(traces.recent)} width={inner.width} height={inner.height} />
			) : null}
		</Panel>
	);
});
