import {memo} from 'react';
import type {FeatureRow} from '../../domain/snapshot-types.js';
import {sanitizeText} from '../../events/sanitize.js';
import type {FeatureSort} from '../../store/create-monitor-store.js';
import {selectFeatures, selectHasSnapshot} from '../../store/selectors.js';
import {Panel} from '../components/panel.js';
import {Placeholder} from '../components/placeholder.js';
import {SummaryLine} from '../components/summary-line.js';
import {Table, type Column, type TableRow} from '../components/table.js';
import {formatCount, formatRoi, formatUsd} from '../format.js';
import {useMonitor} from '../hooks/use-monitor.js';
import {lowerBoundUsd} from './cost-panel.js';
import {innerSize, WAITING, type PanelProperties} from './panel-properties.js';

type Properties = PanelProperties;

const COLUMNS: readonly Column[] = [
	{key: 'name', header: 'feature', width: 8, priority: 0, grow: true, preferred: 16, preferredPriority: 3.5},
	{key: 'cost', header: 'cost', width: 8, align: 'right', priority: 1},
	{key: 'roi', header: 'ROI', width: 6, align: 'right', priority: 2},
	{key: 'calls', header: 'calls', width: 5, align: 'right', priority: 3},
	{key: 'perCall', header: '$/call', width: 7, align: 'right', priority: 4},
	{key: 'revenue', header: 'revenue', width: 8, align: 'right', priority: 5},
];

/** The sort indicator: cost is most expensive first (▼), ROI is least profitable first (▲). */
export function sortNote(sort: FeatureSort): string {
	return sort === 'cost' ? 'by cost ▼' : 'by ROI ▲ (worst first)';
}

export function featureRows(rows: readonly FeatureRow[]): TableRow[] {
	return rows.map(row => ({
		key: row.feature,
		cells: {
			name: sanitizeText(row.feature),
			cost: lowerBoundUsd(row.cost_usd, row.unpriced_calls > 0),
			roi: {text: formatRoi(row.roi), tone: row.roi !== null && row.roi < 1 ? 'warn' : undefined},
			calls: formatCount(row.calls),
			perCall: formatUsd(row.cost_per_call_usd),
			revenue: formatUsd(row.revenue_usd),
		},
	}));
}

export function featuresSummary(rows: readonly FeatureRow[], sort: FeatureSort, hasData: boolean): string {
	if (!hasData) return WAITING;
	const first = rows[0];
	if (first === undefined) return 'no feature costs yet';
	return `${rows.length} features, ${sortNote(sort)}: ${sanitizeText(first.feature)} ${lowerBoundUsd(first.cost_usd, first.unpriced_calls > 0)} (ROI ${formatRoi(first.roi)})`;
}

export const FeaturesPanel = memo(function FeaturesPanel({width, height, focused, mode}: Properties) {
	const rows = useMonitor(selectFeatures);
	const sort = useMonitor(state => state.ui.featureSort);
	const hasData = useMonitor(selectHasSnapshot);
	if (mode === 'line') {
		return <SummaryLine label="Features" text={featuresSummary(rows, sort, hasData)} width={width} focused={focused} />;
	}
	const inner = innerSize(width, height);
	return (
		<Panel title="Top features" note={sortNote(sort)} width={width} height={height} focused={focused}>
			{hasData ? null : <Placeholder text={WAITING} />}
			{hasData && rows.length === 0 ? <Placeholder text="no feature costs yet" /> : null}
			{rows.length > 0 ? (
				<Table
					columns={COLUMNS}
					rows={featureRows(rows)}
					width={inner.width}
					height={inner.height}
					headerMarks={sort === 'cost' ? {cost: '▼'} : {roi: '▲'}}
				/>
			) : null}
		</Panel>
	);
});
