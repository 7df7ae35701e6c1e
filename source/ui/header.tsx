import {Box, Text} from 'ink';
import {memo} from 'react';
import type {SourceState, SourceStatus} from '../domain/snapshot-types.js';
import {sanitizeText} from '../events/sanitize.js';
import {selectClock, selectIngest, selectKeys, selectUi} from '../store/selectors.js';
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

export function sourceLabel(source: SourceStatus): string {
	const detail = source.detail === undefined || source.detail === '' ? '' : ` (${sanitizeText(source.detail)})`;
	return `${sanitizeText(source.name)} ${SOURCE_ICON[source.state]} ${source.state}${detail}`;
}

/** Status bar: what is paused or missing first, because the line is cut at the terminal's width. */
export const Header = memo(function Header({width, height, keysActive}: Properties) {
	const clock = useMonitor(selectClock);
	const ingest = useMonitor(selectIngest);
	const ui = useMonitor(selectUi);
	const keys = useMonitor(selectKeys);
	const rejected = ingest?.rejected ?? 0;
	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0} overflow="hidden">
			<Text wrap="truncate-end">
				<Text bold color={theme.color('accent')}>
					llmmon
				</Text>
				{ui.paused ? (
					<Text bold inverse color={theme.color('warn')}>
						{` PAUSED +${formatCount(ui.newWhilePaused)} new `}
					</Text>
				) : null}
				{keysActive ? null : (
					<Text color={theme.color('warn')}>{` keys unavailable (${sanitizeText(keys.detail ?? 'no terminal')})`}</Text>
				)}
				{`  window ${formatWindow(ui.windowS)}  ${formatClock(clock?.now)} ${clock === null ? '' : sanitizeText(clock.tz)}`}
			</Text>
			{height >= 2 ? (
				<Text wrap="truncate-end">
					{`events ${formatRate(ingest?.events_per_s)} │ ${formatCount(ingest?.lines ?? 0)} lines · `}
					<Text bold={rejected > 0} color={theme.color(rejected > 0 ? 'danger' : undefined)}>
						{formatCount(rejected)} rejected{rejected > 0 ? ' (r)' : ''}
					</Text>
					{' │ '}
					{ingest === null ? <Text color={theme.color('muted')}>waiting for data…</Text> : null}
					{(ingest?.sources ?? []).map((source, index) => (
						<Text key={`${index}:${source.name}`} color={theme.color(SOURCE_TONE[source.state])}>
							{index > 0 ? ' · ' : ''}
							{sourceLabel(source)}
						</Text>
					))}
				</Text>
			) : null}
		</Box>
	);
});
