import {Box} from 'ink';
import {theme, type Tone} from '../theme.js';
import type {Piece} from './composed-line.js';
import {LineStack, textLine} from './line-stack.js';

export type Properties = {
	readonly label: string;
	readonly text: string;
	readonly tone?: Tone;
	readonly width: number;
	readonly focused: boolean;
};

/** A collapsed panel: one line, for terminals too short to show it whole. */
export function SummaryLine({label, text, tone, width, focused}: Properties) {
	const pieces: Piece[] = [{text: focused ? '▶ ' : '  '}, {text: label, style: {bold: true}}, {text: ' '}, {text, style: {color: theme.color(tone)}}];
	return (
		<Box width={width} height={1} flexShrink={0} overflow="hidden">
			<LineStack lines={[textLine('summary', pieces, {}, width)]} />
		</Box>
	);
}
