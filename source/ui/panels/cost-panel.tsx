import {Box} from 'ink';
import {memo} from 'react';
import type {CostBreakdown, CostSnapshot} from '../../domain/snapshot-types.js';
import {sanitizeText} from '../../events/sanitize.js';
import {selectCost} from '../../store/selectors.js';
import {gaugePieces} from '../components/gauge.js';
import {LineStack, textLine} from '../components/line-stack.js';
import {Panel} from '../components/panel.js';
import {Placeholder} from '../components/placeholder.js';
import {SummaryLine} from '../components/summary-line.js';
import {Table, type Column, type TableRow} from '../components/table.js';
import {formatCount, formatPercent, formatUsd, NONE, sparkline} from '../format.js';
import {useMonitor} from '../hooks/use-monitor.js';
import {budgetTone, theme} from '../theme.js';
import {innerSize, WAITING, type PanelProperties} from './panel-properties.js';

type Properties = PanelProperties;

const TOP_COLUMNS: readonly Column[] = [
	{key: 'name', header: 'today', width: 8, priority: 0, grow: true},
	{key: 'cost', header: 'cost', width: 9, align: 'right', priority: 1},
	{key: 'share', header: 'share', width: 6, align: 'right', priority: 2},
];

/** Top providers and top models each get at most this many rows, and fewer when the panel is short. */
const TOP_MAX = 5;

/** "≥$12.34" when some of the calls behind the amount have no known cost; "unpriced" when none has one. */
export function lowerBoundUsd(usd: number | null, lowerBound: boolean): string {
	if (usd === null) return 'unpriced';
	return `${lowerBound ? '≥' : ''}${formatUsd(usd)}`;
}

/**
 * One group (providers or models) under its own sub-heading: each group's shares add up to 100 %,
 * so the two must never look like one list.
 */
function topRows(prefix: string, heading: string, entries: Readonly<Record<string, CostBreakdown>>, total: number, count: number): TableRow[] {
	const rows = Object.entries(entries)
		.sort(([a, x], [b, y]) => (y.cost_usd ?? -1) - (x.cost_usd ?? -1) || (a < b ? -1 : a > b ? 1 : 0))
		.slice(0, count)
		.map(([name, entry]) => ({
			key: `${prefix}:${name}`,
			cells: {
				name: sanitizeText(name),
				cost: lowerBoundUsd(entry.cost_usd, entry.unpriced_calls > 0),
				share: total > 0 && entry.cost_usd !== null ? formatPercent(entry.cost_usd / total, 0) : NONE,
			},
		}));
	return rows.length === 0 ? [] : [{key: `${prefix}:heading`, cells: {name: heading}, span: true, muted: true}, ...rows];
}

function perHour(usd: number | null): string {
	return usd === null ? NONE : `${formatUsd(usd)}/h`;
}

/** The text lines under the gauge, most important first (the panel clips the rest). */
export function costLines(cost: CostSnapshot): Array<{key: string; text: string; tone?: 'warn' | 'muted'}> {
	const {today, budget, month} = cost;
	const lines: Array<{key: string; text: string; tone?: 'warn' | 'muted'}> = [];
	const of = budget.daily_usd === null ? '' : ` of ${formatUsd(budget.daily_usd)}`;
	lines.push({key: 'today', text: `today ${lowerBoundUsd(today.cost_usd, today.lower_bound)}${of} · ${formatCount(today.calls)} calls`});
	if (today.lower_bound) {
		lines.push({
			key: 'lower-bound',
			tone: 'warn',
			text: `≥ lower bound: ${formatCount(today.unpriced_calls)} unpriced · ${formatCount(today.unmetered_calls)} unmetered`,
		});
	}
	// Issue 3: where today's dollars come from, so a computed total is never mistaken for a bill.
	const estimated = today.estimated_usd > 0 ? ` (est. ${formatUsd(today.estimated_usd)})` : '';
	lines.push({key: 'split', tone: 'muted', text: `reported ${formatUsd(today.reported_usd)} · computed ${formatUsd(today.computed_usd)}${estimated}`});
	lines.push({
		key: 'burn',
		text: `burn ${perHour(budget.burn_usd_per_hour)} · proj. day ${formatUsd(budget.projected_day_usd)} (avg ${formatUsd(budget.projected_day_avg_usd)})`,
	});
	const monthBudget = month.monthly_budget_usd === null ? '' : ` of ${formatUsd(month.monthly_budget_usd)} (${formatPercent(month.used_ratio)})`;
	lines.push({
		key: 'month',
		text: `month ${lowerBoundUsd(month.to_date_usd, month.lower_bound)} · proj. ${formatUsd(month.projected_usd)}${monthBudget}`,
	});
	const days = cost.days.map(day => day.cost_usd);
	const max = days.length === 0 ? null : Math.max(...days);
	lines.push({key: 'days', text: `${days.length}d ${sparkline(days)} max ${formatUsd(max)}`});
	return lines;
}

export function costSummary(cost: CostSnapshot | null): string {
	if (cost === null) return WAITING;
	const {today, budget, month} = cost;
	const used = budget.daily_usd === null ? 'no budget set' : `of ${formatUsd(budget.daily_usd)} (${formatPercent(budget.used_ratio)})`;
	return `today ${lowerBoundUsd(today.cost_usd, today.lower_bound)} ${used} · burn ${perHour(budget.burn_usd_per_hour)} · month ${lowerBoundUsd(month.to_date_usd, month.lower_bound)}`;
}

function CostBody({cost, width, height}: {readonly cost: CostSnapshot; readonly width: number; readonly height: number}) {
	const lines = costLines(cost);
	const total = cost.today.cost_usd;
	const room = height - 1 - lines.length;
	// Header line and two sub-headings, then providers and models sharing what is left.
	const each = Math.max(1, Math.min(TOP_MAX, Math.floor((room - 3) / 2)));
	const top = [
		...topRows('provider', 'by provider', cost.today.by_provider, total, each),
		...topRows('model', 'by model', cost.today.by_model, total, each),
	];
	const topHeight = Math.min(top.length + 1, room);
	const gauge =
		cost.budget.daily_usd === null
			? textLine('gauge', [{text: 'no budget set'}], {color: theme.color('muted')}, width)
			: textLine('gauge', gaugePieces(cost.budget.used_ratio, width), {}, width);
	return (
		<Box flexDirection="column" width={width}>
			<LineStack lines={[gauge, ...lines.map(line => textLine(line.key, [{text: line.text}], {color: theme.color(line.tone)}, width))]} />
			{top.length > 0 && topHeight >= 2 ? <Table columns={TOP_COLUMNS} rows={top} width={width} height={topHeight} /> : null}
		</Box>
	);
}

export const CostPanel = memo(function CostPanel({width, height, focused, mode}: Properties) {
	const cost = useMonitor(selectCost);
	const tone = cost === null ? undefined : budgetTone(cost.budget.used_ratio);
	if (mode === 'line') {
		return <SummaryLine label="Cost" text={costSummary(cost)} tone={tone === 'ok' ? undefined : tone} width={width} focused={focused} />;
	}
	const inner = innerSize(width, height);
	return (
		<Panel title="Cost" note={cost?.today.date} width={width} height={height} focused={focused}>
			{cost === null ? <Placeholder text={WAITING} /> : <CostBody cost={cost} width={inner.width} height={inner.height} />}
		</Panel>
	);
});
