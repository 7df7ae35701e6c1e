import {Box} from 'ink';
import type {ComponentType} from 'react';
import type {PanelId} from '../store/create-monitor-store.js';
import type {LayoutRow} from './layout.js';
import {AlertsPanel} from './panels/alerts-panel.js';
import {CostPanel} from './panels/cost-panel.js';
import {FeaturesPanel} from './panels/features-panel.js';
import type {PanelProperties} from './panels/panel-properties.js';
import {PerformancePanel} from './panels/performance-panel.js';
import {QualityPanel} from './panels/quality-panel.js';
import {TracesPanel} from './panels/traces-panel.js';

export type Properties = {
	readonly rows: readonly LayoutRow[];
	readonly focus: PanelId;
	readonly width: number;
	readonly height: number;
};

const PANELS: Readonly<Record<PanelId, ComponentType<PanelProperties>>> = {
	performance: PerformancePanel,
	cost: CostPanel,
	quality: QualityPanel,
	features: FeaturesPanel,
	alerts: AlertsPanel,
	traces: TracesPanel,
};

/**
 * The panels as the layout placed them: fixed-height rows of fixed-width cells (their widths add up
 * to the frame's, so only heights are clipped; see Panel).
 */
export function Body({rows, focus, width, height}: Properties) {
	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0} overflowY="hidden">
			{rows.map(row => (
				<Box key={row.cells.map(cell => cell.panel).join('+')} height={row.height} flexShrink={0} overflowY="hidden">
					{row.cells.map(cell => {
						const Panel = PANELS[cell.panel];
						return <Panel key={cell.panel} width={cell.width} height={row.height} focused={cell.panel === focus} mode={cell.mode} />;
					})}
				</Box>
			))}
		</Box>
	);
}
