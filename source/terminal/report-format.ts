// The human form of `llmmon report`: one readable table per section. Unknown values print as "—"
// (the same formatters as the dashboard), never as 0.
import type {AlertRow, MonitorSnapshot, PerfStats, QualityStats} from '../domain/snapshot-types.js';
import {
	NONE,
	formatCount,
	formatDuration,
	formatMs,
	formatPercent,
	formatRate,
	formatRelative,
	formatRoi,
	formatSatisfaction,
	formatScore,
	formatUsd,
	formatWindow,
} from '../ui/format.js';
import {renderTable} from './text-table.js';

const INDENT = '  ';

function indent(lines: readonly string[]): string[] {
	return lines.map(line => (line === '' ? line : INDENT + line));
}

function section(title: string, body: readonly string[]): string[] {
	return [title, ...indent(body), ''];
}

function perfRow(scope: string, stats: PerfStats): string[] {
	return [
		scope,
		formatCount(stats.calls),
		formatCount(stats.errors),
		formatPercent(stats.error_rate),
		formatRate(stats.throughput_rps),
		formatMs(stats.latency_ms.p50),
		formatMs(stats.latency_ms.p95),
		formatMs(stats.latency_ms.p99),
		formatMs(stats.latency_ms.avg),
		formatMs(stats.latency_ms.max),
		formatMs(stats.ttft_ms.p50),
		formatMs(stats.ttft_ms.p95),
	];
}

function qualityRow(name: string, stats: QualityStats): string[] {
	return [
		name,
		formatScore(stats.grounding),
		formatScore(stats.relevance),
		formatSatisfaction(stats.satisfaction),
		formatPercent(stats.hallucination_rate),
		formatScore(stats.overall),
		formatScore(stats.baseline_overall),
		stats.regression ? 'REGRESSION' : '',
		formatCount(stats.samples),
	];
}

function byCount<T>(record: Readonly<Record<string, T>>, count: (value: T) => number): Array<[string, T]> {
	return Object.entries(record).sort(([a, x], [b, y]) => count(y) - count(x) || a.localeCompare(b));
}

/** Alert values are in the rule's own unit: a ratio for rates and budgets, ms for latency, a 0–1 score otherwise. */
export function formatAlertValue(rule: string, value: number | null): string {
	if (value === null) {
		return NONE;
	}

	if (/latency|_ms|p\d\d/.test(rule)) {
		return formatMs(value);
	}

	if (/rate|budget|ratio/.test(rule)) {
		return formatPercent(value);
	}

	return formatScore(value);
}

function alertRows(alerts: readonly AlertRow[], nowMs: number): string[][] {
	return alerts.map(alert => [
		alert.rule,
		alert.severity,
		alert.state,
		formatAlertValue(alert.rule, alert.value),
		formatAlertValue(alert.rule, alert.threshold),
		formatRelative(alert.since, nowMs),
		alert.message,
	]);
}

/** A cost that no call behind it had: "unpriced", never "$0.00" or a bare dash. */
function knownUsd(usd: number | null): string {
	return usd === null ? 'unpriced' : formatUsd(usd);
}

export function formatReport(snapshot: MonitorSnapshot): string {
	const {clock, ingest, performance: perf, cost, quality, features, alerts, traces} = snapshot;
	const out: string[] = [`llmmon report at ${clock.now} (${clock.tz}), window ${formatWindow(clock.window_s)}`, ''];

	const reasons = byCount(ingest.rejected_by_reason, count => count);
	out.push(
		...section('Ingest', [
			`lines ${ingest.lines}, accepted ${ingest.accepted}, rejected ${ingest.rejected}`,
			...(reasons.length > 0 ? ['', ...renderTable(['rejected because', 'lines'], reasons.map(([reason, count]) => [reason, String(count)]), ['left', 'right'])] : []),
		]),
	);

	const perfHeaders = ['scope', 'calls', 'errors', 'err%', 'req/s', 'p50', 'p95', 'p99', 'avg', 'max', 'ttft p50', 'ttft p95'];
	const perfAlign = ['left', ...Array<'right'>(11).fill('right')] as const;
	const perfRows = [
		perfRow('all', perf),
		...byCount(perf.by_provider, stats => stats.calls).map(([name, stats]) => perfRow(`provider ${name}`, stats)),
		...byCount(perf.by_model, stats => stats.calls).map(([name, stats]) => perfRow(`model ${name}`, stats)),
	];
	const errorTypes = byCount(perf.errors_by_type, count => count).map(([type, count]) => `${type} ${count}`);
	out.push(
		...section(`Performance (last ${formatWindow(perf.window_s)}, stream covers ${formatDuration(perf.covered_s * 1000, 'nearest')})`, [
			...renderTable(perfHeaders, perfRows, perfAlign),
			`errors by type: ${errorTypes.length > 0 ? errorTypes.join(', ') : NONE}`,
		]),
	);

	const today = cost.today;
	const costRows = [
		...byCount(today.by_provider, b => b.calls).map(([name, b]) => [`provider ${name}`, formatCount(b.calls), formatCount(b.unpriced_calls), knownUsd(b.cost_usd)]),
		...byCount(today.by_model, b => b.calls).map(([name, b]) => [`model ${name}`, formatCount(b.calls), formatCount(b.unpriced_calls), knownUsd(b.cost_usd)]),
	];
	out.push(
		...section(`Cost today (${today.date})`, [
			`spent ${formatUsd(today.cost_usd)}${today.lower_bound ? ` (lower bound: ${today.unpriced_calls} unpriced and ${today.unmetered_calls} unmetered calls)` : ''} over ${formatCount(today.calls)} ${today.calls === 1 ? 'call' : 'calls'}`,
			`reported ${formatUsd(today.reported_usd)}, computed ${formatUsd(today.computed_usd)} (of which estimated ${formatUsd(today.estimated_usd)})`,
			`tokens: input ${formatCount(today.input_tokens)}, output ${formatCount(today.output_tokens)}, cache read ${formatCount(today.cache_read_tokens)}, cache write ${formatCount(today.cache_write_tokens)}, reasoning ${formatCount(today.reasoning_tokens)}`,
			...(costRows.length > 0 ? ['', ...renderTable(['scope', 'calls', 'unpriced', 'cost'], costRows, ['left', 'right', 'right', 'right'])] : []),
			...(cost.unpriced_models.length > 0
				? ['', ...renderTable(['unpriced model', 'provider', 'calls'], cost.unpriced_models.map(m => [m.model, m.provider, formatCount(m.calls)]), ['left', 'left', 'right'])]
				: []),
		]),
	);

	const budget = cost.budget;
	const month = cost.month;
	out.push(
		...section('Budget', [
			`daily ${formatUsd(budget.daily_usd)}, used ${formatPercent(budget.used_ratio)}, burn ${formatUsd(budget.burn_usd_per_hour)}/h`,
			`projected day: ${formatUsd(budget.projected_day_usd)} at the current burn, ${formatUsd(budget.projected_day_avg_usd)} at today's average`,
			`month ${month.month}: to date ${formatUsd(month.to_date_usd)}${month.lower_bound ? ' (lower bound)' : ''}, projected ${formatUsd(month.projected_usd)}, budget ${formatUsd(month.monthly_budget_usd)}, used ${formatPercent(month.used_ratio)}`,
		]),
	);

	out.push(
		...section(
			'Last 7 days',
			renderTable(
				['date', 'calls', 'unpriced', 'cost'],
				cost.days.map(day => [day.date, formatCount(day.calls), formatCount(day.unpriced_calls), formatUsd(day.cost_usd)]),
				['left', 'right', 'right', 'right'],
			),
		),
	);

	const qualityHeaders = ['', 'grounding', 'relevance', 'satisfaction', 'hallucination', 'overall', 'baseline', '', 'samples'];
	const qualityAlign = ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'right'] as const;
	const qualityByModel = byCount(quality.by_model, stats => stats.samples);
	const qualityByFeature = byCount(quality.by_feature, stats => stats.samples);
	out.push(
		...section('Quality', [
			...(qualityByModel.length > 0 ? renderTable(['model', ...qualityHeaders.slice(1)], qualityByModel.map(([name, stats]) => qualityRow(name, stats)), qualityAlign) : ['no scores by model']),
			'',
			...(qualityByFeature.length > 0 ? renderTable(['feature', ...qualityHeaders.slice(1)], qualityByFeature.map(([name, stats]) => qualityRow(name, stats)), qualityAlign) : ['no scores by feature']),
		]),
	);

	out.push(
		...section(
			'Features',
			features.length > 0
				? renderTable(
						['feature', 'calls', 'cost', 'cost/call', 'revenue', 'ROI', 'unpriced'],
						features.map(row => [row.feature, formatCount(row.calls), knownUsd(row.cost_usd), formatUsd(row.cost_per_call_usd), formatUsd(row.revenue_usd), formatRoi(row.roi), formatCount(row.unpriced_calls)]),
						['left', 'right', 'right', 'right', 'right', 'right', 'right'],
					)
				: ['no calls'],
		),
	);

	out.push(
		...section(
			'Alerts',
			alerts.length > 0
				? renderTable(['rule', 'severity', 'state', 'value', 'threshold', 'since', 'message'], alertRows(alerts, clock.now_ms), ['left', 'left', 'left', 'right', 'right', 'right', 'left'])
				: ['none'],
		),
	);

	out.push(
		...section('Traces', [
			`traces seen ${traces.traces_seen}, spans seen ${traces.spans_seen}, spans dropped ${traces.spans_dropped}`,
			...(traces.recent.length > 0
				? [
						'',
						...renderTable(
							['trace', 'root', 'service', 'spans', 'duration', 'errors', 'LLM calls', 'cost'],
							traces.recent.map(row => [
								row.trace_id.slice(0, 12),
								row.root_name,
								row.service ?? NONE,
								String(row.spans),
								formatMs(row.duration_ms),
								String(row.errors),
								String(row.llm_calls),
								formatUsd(row.cost_usd),
							]),
							['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right'],
						),
					]
				: []),
		]),
	);

	return `${out.join('\n').trimEnd()}\n`;
}
