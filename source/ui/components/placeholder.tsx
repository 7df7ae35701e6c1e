import {Text} from 'ink';
import {theme} from '../theme.js';

export type Properties = {readonly text: string};

/** Muted one-liner for an empty panel ("no alerts", "waiting for data…"). */
export function Placeholder({text}: Properties) {
	return (
		<Text wrap="truncate-end" color={theme.color('muted')}>
			{text}
		</Text>
	);
}
