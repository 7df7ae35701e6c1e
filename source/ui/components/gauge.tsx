import {Text} from 'ink';
import {bar, formatPercent} from '../format.js';
import {budgetMarker, budgetTone, theme} from '../theme.js';

export type Properties = {
	/** Spend ÷ budget; may exceed 1. */
	readonly ratio: number | null;
	readonly width: number;
};

/**
 * `[██████░░░░] 82.0% ⚠ ≥80%`: the bar is clamped at full, the percentage is not, and the
 * marker names the state so it reads without colour.
 */
export function Gauge({ratio, width}: Properties) {
	const tone = budgetTone(ratio);
	const marker = budgetMarker(ratio);
	const percent = formatPercent(ratio);
	const barWidth = Math.max(4, width - 2 - 1 - percent.length - (marker === '' ? 0 : marker.length + 1));
	return (
		<Text wrap="truncate-end">
			<Text color={theme.color(tone)}>[{bar(ratio, barWidth)}]</Text>{' '}
			<Text bold color={theme.color(tone)}>
				{percent}
			</Text>
			{marker === '' ? '' : <Text color={theme.color(tone)}> {marker}</Text>}
		</Text>
	);
}
