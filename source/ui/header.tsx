import {Box} from 'ink';
import {memo} from 'react';
import type {ClockSnapshot, IngestSnapshot, SourceState, SourceRow} from '../domain/snapshot-types.js';
import {sanitizeText} from '../events/sanitize.js';
import type {KeysStatus, UiState} from '../store/create-monitor-store.js';
import {selectClock, selectIngest, selectKeys, selectUi} from '../store/selectors.js';
import type {Piece} from './components/composed-line.js';
import {LineStack, textLine} from './components/line-stack.js';
import {formatClock, formatCount, formatRate, formatWindow} from './format.js';
import {useMonitor} from './hooks/use-monitor.js';
import {theme, type Tone} from './theme.js';

export type Properties = {
	readonly width: number;
	readonly height: number;
	/** False when there is no terminal to read keys from (or it cannot be put in raw mode). */
	readonly keysActive: boolean;
};

const SOURCE_ICON: Readonly<Record<SourceState, string>> = {
	starting: '○',
	reading: '●',
	following: '●',
	ended: '■',
	error: '✗',
};

const SOURCE_TONE: Readonly<Record<SourceState, Tone | undefined>> = {
	starting: 'muted',
	reading: 'ok',
	following: 'ok',
	ended: 'muted',
	error: 'danger',
};

export function sourceLabel(source: SourceRow): string {
	const detail = source.detail === null || source.detail === '' ? '' : ` (${sanitizeText(source.detail)})`;
	return `${sanitizeText(source.name)} ${SOURCE_ICON[source.state]} ${source.state}${detail}`;
}

function statusLine(ui: UiState, keys: KeysStatus, keysActive: boolean, clock: ClockSnapshot | null): Piece[] {
	const pieces: Piece[] = [{text: 'llmmon', style: {bold: true, color: theme.color('accent')}}];
	if (ui.paused) pieces.push({text: ` PAUSED +${formatCount(ui.newWhilePaused)} new `, style: {bold: true, inverse: true, color: theme.color('warn')}});
	if (!keysActive) pieces.push({text: ` keys unavailable (${sanitizeText(keys.detail ?? 'no terminal')})`, style: {color: theme.color('warn')}});
	pieces.push({text: `  window ${formatWindow(ui.windowS)}  ${formatClock(clock?.now)} ${clock === null ? '' : sanitizeText(clock.tz)}`});
	return pieces;
}

function ingestLine(ingest: IngestSnapshot | null): Piece[] {
	const rejected = ingest?.rejected ?? 0;
	const pieces: Piece[] = [
		{text: `events ${formatRate(ingest?.events_per_s)} │ ${formatCount(ingest?.lines ?? 0)} lines · `},
		{text: `${formatCount(rejected)} rejected${rejected > 0 ? ' (r)' : ''}`, style: {bold: rejected > 0, color: theme.color(rejected > 0 ? 'danger' : undefined)}},
		{text: ' │ '},
	];
	if (ingest === null) pieces.push({text: 'waiting for data…', style: {color: theme.color('muted')}});
	for (const [index, source] of (ingest?.sources ?? []).entries()) {
		pieces.push({text: `${index > 0 ? ' · ' : ''}${sourceLabel(source)}`, style: {color: theme.color(SOURCE_TONE[source.state])}});
	}
	return pieces;
}

/** Status bar: what is paused or missing first, because the line is cut at the terminal's width. */
export const Header = memo(function Header({width, height, keysActive}: Properties) {
	const clock = useMonitor(selectClock);
	const ingest = useMonitor(selectIngest);
	const ui = useMonitor(selectUi);
	const keys = useMonitor(selectKeys);
	const lines = [textLine('status', statusLine(ui, keys, keysActive, clock), {}, width)];
	if (height >= 2) lines.push(textLine('ingest', ingestLine(ingest), {}, width));
	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0} overflow="hidden">
			<LineStack lines={lines} />
		</Box>
	);
});
