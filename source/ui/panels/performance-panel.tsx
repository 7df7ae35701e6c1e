import {memo} from 'react';
import type {PerfStats, PerformanceSnapshot} from '../../domain/snapshot-types.js';
import {sanitizeText} from '../../events/sanitize.js';
import {selectPerformance} from '../../store/selectors.js';
import {Panel} from '../components/panel.js';
import {Placeholder} from '../components/placeholder.js';
import {SummaryLine} from '../components/summary-line.js';
import {Table, type Column, type TableRow} from '../components/table.js';
import {formatCount, formatDuration, formatMs, formatPercent, formatRate, formatWindow} from '../format.js';
import {useMonitor} from '../hooks/use-monitor.js';
import {errorRateTone} from '../theme.js';
import {innerSize, WAITING, type PanelProperties} from './panel-properties.js';

type Properties = PanelProperties;

const COLUMNS: readonly Column[] = [
	{key: 'name', header: 'model', width: 8, priority: 0, grow: true, preferred: 14, preferredPriority: 7.5},
	{key: 'calls', header: 'calls', width: 5, align: 'right', priority: 1},
	{key: 'err', header: 'err%', width: 5, align: 'right', priority: 2},
	{key: 'p50', header: 'p50', width: 5, align: 'right', priority: 3},
	{key: 'p95', header: 'p95', width: 5, align: 'right', priority: 4},
	{key: 'p99', header: 'p99', width: 5, align: 'right', priority: 5},
	{key: 'ttft', header: 'ttft50', width: 6, align: 'right', priority: 6},
	{key: 'rps', header: 'req/s', width: 6, align: 'right', priority: 7},
	{key: 'avg', header: 'avg', width: 5, align: 'right', priority: 8},
];

/** Error rates in a five-column cell: 100% has no room for a decimal. */
export function formatErrorRate(rate: number | null): string {
	if (rate !== null && rate >= 0.9995) return '100%';
	return formatPercent(rate);
}

function statsRow(key: string, name: string, stats: PerfStats, bold = false): TableRow {
	return {
		key,
		bold,
		cells: {
			name,
			calls: formatCount(stats.calls),
			err: {text: formatErrorRate(stats.error_rate), tone: errorRateTone(stats.error_rate)},
			p50: formatMs(stats.latency_ms.p50),
			p95: formatMs(stats.latency_ms.p95),
			p99: formatMs(stats.latency_ms.p99),
			ttft: formatMs(stats.ttft_ms.p50),
			rps: formatRate(stats.throughput_rps),
			avg: formatMs(stats.latency_ms.avg),
		},
	};
}

function byCalls(stats: Readonly<Record<string, PerfStats>>): Array<[string, PerfStats]> {
	return Object.entries(stats).sort(([a, x], [b, y]) => y.calls - x.calls || (a < b ? -1 : a > b ? 1 : 0));
}

/** Overall row, per-model rows, then per-provider rows when they all fit. */
export function performanceRows(perf: PerformanceSnapshot, room: number): TableRow[] {
	const rows = [statsRow('all', 'all', perf, true)];
	const models = byCalls(perf.by_model);
	rows.push(...models.map(([model, stats]) => statsRow(`model:${model}`, sanitizeText(model), stats)));
	const providers = byCalls(perf.by_provider);
	// Providers only add information when there is more than one, and only below every model.
	if (providers.length > 1 && rows.length + 1 + providers.length <= room) {
		rows.push({key: 'providers', muted: true, span: true, cells: {name: 'by provider'}});
		rows.push(...providers.map(([provider, stats]) => statsRow(`provider:${provider}`, sanitizeText(provider), stats)));
	}
	return rows;
}

export function performanceSummary(perf: PerformanceSnapshot | null): string {
	if (perf === null) return WAITING;
	const l = perf.latency_ms;
	return `${formatWindow(perf.window_s)}: ${formatCount(perf.calls)} calls · err ${formatPercent(perf.error_rate)} · p50 ${formatMs(l.p50)} · p95 ${formatMs(l.p95)} · p99 ${formatMs(l.p99)} · ${formatRate(perf.throughput_rps)}`;
}

function coverageNote(perf: PerformanceSnapshot): string {
	const window = `last ${formatWindow(perf.window_s)}`;
	if (perf.calls === 0 || perf.covered_s >= perf.window_s) return window;
	// Nearest, not down: a full 5m window covered to 298.8 s is "5m of data", not "4m".
	return `${window}, ${formatDuration(perf.covered_s * 1000, 'nearest')} of data`;
}

export const PerformancePanel = memo(function PerformancePanel({width, height, focused, mode}: Properties) {
	const perf = useMonitor(selectPerformance);
	if (mode === 'line') {
		return <SummaryLine label="Perf" text={performanceSummary(perf)} width={width} focused={focused} />;
	}
	const inner = innerSize(width, height);
	return (
		<Panel title="Performance" note={perf === null ? undefined : coverageNote(perf)} width={width} height={height} focused={focused}>
			{perf === null ? (
				<Placeholder text={WAITING} />
			) : (
				<Table columns={COLUMNS} rows={performanceRows(perf, inner.height - 1)} width={inner.width} height={inner.height} />
			)}
		</Panel>
	);
});
