import {Box, Text} from 'ink';
import {memo} from 'react';
import {Panel} from '../components/panel.js';
import {NONE} from '../format.js';
import {bindingKeys, KEYMAP} from '../keymap.js';
import {theme} from '../theme.js';
import {REGRESSION_MARK} from './quality-panel.js';

export type Properties = {readonly width: number; readonly height: number};

const KEY_COLUMN = 18;

/** What the symbols on screen mean; shown under the keys when there is room. */
export const LEGEND: readonly string[] = [
	`${NONE}  no data for this value yet`,
	'≥  lower bound: some calls had no price or no token counts',
	`${REGRESSION_MARK}  quality clearly below the model's baseline`,
	'⚠ ≥80% / ✗ OVER BUDGET  daily budget used',
];

/** Every keymap entry, straight from the table. */
export const HelpOverlay = memo(function HelpOverlay({width, height}: Properties) {
	return (
		<Panel title="Keys" note="Esc or ? to close" width={width} height={height} focused>
			{KEYMAP.map(binding => (
				<Box key={binding.command} height={1} flexShrink={0}>
					<Box width={KEY_COLUMN} flexShrink={0}>
						<Text bold color={theme.color('accent')} wrap="truncate-end">
							{bindingKeys(binding)}
						</Text>
					</Box>
					<Text wrap="truncate-end">{binding.description}</Text>
				</Box>
			))}
			<Text> </Text>
			{LEGEND.map(line => (
				<Text key={line} wrap="truncate-end" color={theme.color('muted')}>
					{line}
				</Text>
			))}
		</Panel>
	);
});
