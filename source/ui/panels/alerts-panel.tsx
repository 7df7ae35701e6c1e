import {memo, useMemo} from 'react';
import type {AlertRow, AlertSeverity, AlertState} from '../../domain/snapshot-types.js';
import {sanitizeText} from '../../events/sanitize.js';
import {selectAlerts, selectClock} from '../../store/selectors.js';
import {Panel} from '../components/panel.js';
import {Placeholder} from '../components/placeholder.js';
import {SummaryLine} from '../components/summary-line.js';
import {Table, type Column, type TableRow} from '../components/table.js';
import {formatMs, formatPercent, formatRelative, NONE} from '../format.js';
import {useMonitor} from '../hooks/use-monitor.js';
import {severityTone} from '../theme.js';
import {innerSize, WAITING, type PanelProperties} from './panel-properties.js';

type Properties = PanelProperties;

const COLUMNS: readonly Column[] = [
	{key: 'severity', header: 'sev', width: 4, priority: 1},
	{key: 'state', header: 'state', width: 8, priority: 1},
	{key: 'rule', header: 'rule', width: 8, priority: 0, grow: true, preferred: 14, preferredPriority: 3.5},
	{key: 'value', header: 'value/limit', width: 13, align: 'right', priority: 2},
	{key: 'since', header: 'since', width: 8, align: 'right', priority: 3},
];

const SEVERITY_LABEL: Readonly<Record<AlertSeverity, string>> = {critical: 'CRIT', warning: 'WARN', info: 'INFO'};
const STATE_LABEL: Readonly<Record<AlertState, string>> = {firing: 'FIRING', pending: 'pending', resolved: 'resolved'};
const STATE_ORDER: Readonly<Record<AlertState, number>> = {firing: 0, pending: 1, resolved: 2};
const SEVERITY_ORDER: Readonly<Record<AlertSeverity, number>> = {critical: 0, warning: 1, info: 2};

/** Alert values carry the unit of their rule: rates and budget use as %, latencies as time, scores as 0.00. */
export function formatAlertValue(rule: string, value: number | null): string {
	if (value === null || !Number.isFinite(value)) return NONE;
	if (/rate|budget|ratio/i.test(rule)) return formatPercent(value);
	if (/latency|_ms|p\d\d/i.test(rule)) return formatMs(value);
	return value.toFixed(2);
}

/** "7.2% > 5.0%": which side of its threshold the value is on, in words a glance can read. */
export function valueVsThreshold(alert: AlertRow): string {
	const value = formatAlertValue(alert.rule, alert.value);
	const threshold = formatAlertValue(alert.rule, alert.threshold);
	if (alert.value === null) return `${value} / ${threshold}`;
	const comparison = alert.value > alert.threshold ? '>' : alert.value < alert.threshold ? '<' : '=';
	return `${value} ${comparison} ${threshold}`;
}

/** Firing first, then pending, then resolved; within a state the most severe, then the newest. */
export function orderAlerts(alerts: readonly AlertRow[]): AlertRow[] {
	return [...alerts].sort(
		(a, b) =>
			STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
			SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
			b.since - a.since,
	);
}

export function alertRows(alerts: readonly AlertRow[], nowMs: number | null): TableRow[] {
	return alerts.map((alert, index) => {
		const tone = severityTone(alert.severity, alert.state);
		return {
			key: `${index}:${alert.rule}`,
			muted: alert.state === 'resolved',
			cells: {
				severity: {text: SEVERITY_LABEL[alert.severity], tone, bold: alert.state === 'firing'},
				state: {text: STATE_LABEL[alert.state], tone, bold: alert.state === 'firing'},
				rule: sanitizeText(alert.rule),
				value: valueVsThreshold(alert),
				since: formatRelative(alert.since, nowMs),
			},
		};
	});
}

export function alertsSummary(alerts: readonly AlertRow[] | null): string {
	if (alerts === null) return WAITING;
	const firing = alerts.filter(alert => alert.state === 'firing');
	const pending = alerts.filter(alert => alert.state === 'pending').length;
	if (firing.length === 0 && pending === 0) return 'none firing';
	const critical = firing.filter(alert => alert.severity === 'critical').length;
	const rules = firing.map(alert => sanitizeText(alert.rule)).join(', ');
	return `${firing.length} FIRING (${critical} critical)${rules === '' ? '' : `: ${rules}`} · ${pending} pending`;
}

export const AlertsPanel = memo(function AlertsPanel({width, height, focused, mode}: Properties) {
	const alerts = useMonitor(selectAlerts);
	const clock = useMonitor(selectClock);
	const ordered = useMemo(() => orderAlerts(alerts), [alerts]);
	const firing = ordered.filter(alert => alert.state === 'firing').length;
	if (mode === 'line') {
		return (
			<SummaryLine
				label="Alerts"
				text={alertsSummary(clock === null ? null : ordered)}
				tone={firing > 0 ? 'danger' : undefined}
				width={width}
				focused={focused}
			/>
		);
	}
	const inner = innerSize(width, height);
	return (
		<Panel title="Alerts" note={firing > 0 ? `${firing} FIRING` : undefined} noteTone="danger" width={width} height={height} focused={focused}>
			{clock === null ? <Placeholder text={WAITING} /> : null}
			{clock !== null && ordered.length === 0 ? <Placeholder text="✓ no alerts" /> : null}
			{ordered.length > 0 ? (
				<Table columns={COLUMNS} rows={alertRows(ordered, clock?.now_ms ?? null)} width={inner.width} height={inner.height} />
			) : null}
		</Panel>
	);
});
