import {Box, Text} from 'ink';
import {theme, type Tone} from '../theme.js';

export type Properties = {
	readonly label: string;
	readonly text: string;
	readonly tone?: Tone;
	readonly width: number;
	readonly focused: boolean;
};

/** A collapsed panel: one line, for terminals too short to show it whole. */
export function SummaryLine({label, text, tone, width, focused}: Properties) {
	return (
		<Box width={width} height={1} flexShrink={0} overflow="hidden">
			<Text wrap="truncate-end">
				{focused ? '▶ ' : '  '}
				<Text bold>{label}</Text> <Text color={theme.color(tone)}>{text}</Text>
			</Text>
		</Box>
	);
}
