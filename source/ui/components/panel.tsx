import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {theme} from '../theme.js';

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
 * A titled, bordered box of a fixed size that clips its content (overflow hidden), so no panel can
 * push the frame past the terminal. Focus shows as a heavy border and a ▶, not by colour alone.
 */
export function Panel({title, note, noteTone = 'muted', width, height, focused, children}: Properties) {
	return (
		<Box
			width={width}
			height={height}
			flexShrink={0}
			flexDirection="column"
			borderStyle={focused ? 'bold' : 'round'}
			borderColor={theme.color(focused ? 'accent' : 'muted')}
			overflow="hidden"
		>
			<Box height={1} flexShrink={0}>
				<Text wrap="truncate-end">
					<Text bold>
						{focused ? '▶ ' : ''}
						{title}
					</Text>
					{note === undefined ? '' : <Text color={theme.color(noteTone)}> · {note}</Text>}
				</Text>
			</Box>
			<Box flexDirection="column" height={Math.max(0, height - PANEL_CHROME_LINES)} overflow="hidden">
				{children}
			</Box>
		</Box>
	);
}
