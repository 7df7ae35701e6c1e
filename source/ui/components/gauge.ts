import {bar, formatPercent} from '../format.js';
import {budgetMarker, budgetTone, theme} from '../theme.js';
import type {Piece} from './composed-line.js';

/**
 * `[██████░░░░] 82.0% ⚠ ≥80%` in `width` columns: the bar is clamped at full, the percentage is
 * not, and the marker names the state so it reads without colour. `ratio` is spend ÷ budget.
 */
export function gaugePieces(ratio: number | null, width: number): Piece[] {
	const color = theme.color(budgetTone(ratio));
	const marker = budgetMarker(ratio);
	const percent = formatPercent(ratio);
	const barWidth = Math.max(4, width - 2 - 1 - percent.length - (marker === '' ? 0 : marker.length + 1));
	const pieces: Piece[] = [{text: `[${bar(ratio, barWidth)}]`, style: {color}}, {text: ' '}, {text: percent, style: {bold: true, color}}];
	if (marker !== '') pieces.push({text: ` ${marker}`, style: {color}});
	return pieces;
}
