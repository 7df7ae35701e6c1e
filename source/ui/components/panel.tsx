import {Box} from 'ink';
import type {ReactNode} from 'react';
import {theme} from '../theme.js';
import type {Piece} from './composed-line.js';
import {LineStack, textLine} from './line-stack.js';

export type Properties = {
	readonly title: string;
	/** Extra title text after the title (sort indicator, regression count, data coverage). */
	readonly note?: string;
	readonly noteTone?: 'warn' | 'danger' | 'muted';
	readonly width: number;
	readonly height: number;
	readonly focused: boolean;
	readonly children?: ReactNode;
};

/** Lines a panel loses to its border and title. */
export const PANEL_CHROME_LINES = 3;
/** Columns a panel loses to its border. */
export const PANEL_CHROME_COLUMNS = 2;

/**
 * A titled, bordered box of a fixed size that clips its content's height, so no panel can push the
 * frame past the terminal. Focus shows as a heavy border and a ▶, not by colour alone.
 *
 * Width needs no clip: every line inside is a `truncate-end` Text, which Ink cuts to its box.
 * Clipping only vertically is deliberate: a horizontal clip makes Ink re-slice every line through
 * grapheme segmentation on each frame (slice-ansi), which cost about 8 ms per 160×50 frame.
 */
export function Panel({title, note, noteTone = 'muted', width, height, focused, children}: Properties) {
	const titlePieces: Piece[] = [{text: `${focused ? '▶ ' : ''}${title}`, style: {bold: true}}];
	if (note !== undefined) titlePieces.push({text: ` · ${note}`, style: {color: theme.color(noteTone)}});
	return (
		<Box
			width={width}
			height={height}
			flexShrink={0}
			flexDirection="column"
			borderStyle={focused ? 'bold' : 'round'}
			borderColor={theme.color(focused ? 'accent' : 'muted')}
			overflowY="hidden"
		>
			<Box height={1} flexShrink={0}>
				<LineStack lines={[textLine('title', titlePieces, {}, width - PANEL_CHROME_COLUMNS)]} />
			</Box>
			<Box flexDirection="column" height={Math.max(0, height - PANEL_CHROME_LINES)} overflowY="hidden">
				{children}
			</Box>
		</Box>
	);
}
