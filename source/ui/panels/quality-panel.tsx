import {memo} from 'react';
import type {QualitySnapshot, QualityStats} from '../../domain/snapshot-types.js';
import {sanitizeText} from '../../events/sanitize.js';
import {selectQuality} from '../../store/selectors.js';
import {Panel} from '../components/panel.js';
import {Placeholder} from '../components/placeholder.js';
import {SummaryLine} from '../components/summary-line.js';
import {Table, type Column, type TableRow} from '../components/table.js';
import {formatCount, formatPercent, formatSatisfaction, formatScore} from '../format.js';
import {useMonitor} from '../hooks/use-monitor.js';
import {innerSize, WAITING, type PanelProperties} from './panel-properties.js';

type Properties = PanelProperties;

/** Shown in the row of a model whose recent quality fell clearly below its baseline. */
export const REGRESSION_MARK = '▼REG';

const COLUMNS: readonly Column[] = [
	{key: 'name', header: 'model', width: 8, priority: 0, grow: true, preferred: 18, preferredPriority: 6.5},
	{key: 'flag', header: '', width: 4, priority: 1},
	{key: 'overall', header: 'all', width: 4, align: 'right', priority: 2},
	{key: 'grounding', header: 'grnd', width: 4, align: 'right', priority: 3},
	{key: 'relevance', header: 'rel', width: 4, align: 'right', priority: 4},
	{key: 'satisfaction', header: 'sat', width: 3, align: 'right', priority: 5},
	{key: 'hallucination', header: 'hall%', width: 5, align: 'right', priority: 6},
	{key: 'samples', header: 'n', width: 5, align: 'right', priority: 7},
	{key: 'baseline', header: 'base', width: 4, align: 'right', priority: 8},
];

function row(model: string, stats: QualityStats): TableRow {
	return {
		key: model,
		cells: {
			name: sanitizeText(model),
			flag: stats.regression ? {text: REGRESSION_MARK, tone: 'danger', bold: true} : '',
			overall: {text: formatScore(stats.overall), bold: true},
			grounding: formatScore(stats.grounding),
			relevance: formatScore(stats.relevance),
			satisfaction: formatSatisfaction(stats.satisfaction),
			hallucination: formatPercent(stats.hallucination_rate, 0),
			samples: formatCount(stats.samples),
			baseline: formatScore(stats.baseline_overall),
		},
	};
}

/** Regressions first, then the models with the most scores. */
export function qualityRows(quality: QualitySnapshot): TableRow[] {
	return Object.entries(quality.by_model)
		.sort(
			([a, x], [b, y]) =>
				Number(y.regression) - Number(x.regression) || y.samples - x.samples || (a < b ? -1 : a > b ? 1 : 0),
		)
		.map(([model, stats]) => row(model, stats));
}

function regressions(quality: QualitySnapshot): number {
	return Object.values(quality.by_model).filter(stats => stats.regression).length;
}

export function qualitySummary(quality: QualitySnapshot | null): string {
	if (quality === null) return WAITING;
	const models = Object.values(quality.by_model);
	if (models.length === 0) return 'no scores yet';
	const count = regressions(quality);
	const worst = models.reduce<number | null>((min, stats) => (stats.overall === null ? min : min === null ? stats.overall : Math.min(min, stats.overall)), null);
	const flag = count > 0 ? ` · ▼ ${count} REGRESSION` : '';
	return `${models.length} models · lowest overall ${formatScore(worst)}${flag}`;
}

export const QualityPanel = memo(function QualityPanel({width, height, focused, mode}: Properties) {
	const quality = useMonitor(selectQuality);
	const count = quality === null ? 0 : regressions(quality);
	if (mode === 'line') {
		return <SummaryLine label="Quality" text={qualitySummary(quality)} tone={count > 0 ? 'danger' : undefined} width={width} focused={focused} />;
	}
	const inner = innerSize(width, height);
	const rows = quality === null ? [] : qualityRows(quality);
	return (
		<Panel
			title="Quality"
			note={count > 0 ? `▼ ${count} REGRESSION` : undefined}
			noteTone="danger"
			width={width}
			height={height}
			focused={focused}
		>
			{quality === null ? <Placeholder text={WAITING} /> : null}
			{quality !== null && rows.length === 0 ? <Placeholder text="no scores yet" /> : null}
			{rows.length > 0 ? <Table columns={COLUMNS} rows={rows} width={inner.width} height={inner.height} /> : null}
		</Panel>
	);
});
