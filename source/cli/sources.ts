// The ingest sources a command reads from: stdin, files (read once or followed) and the demo.
import {createCalendar} from '../domain/calendar.js';
import {createDemoSource} from '../demo/demo-source.js';
import {createDemoGenerator} from '../demo/generator.js';
import {createFileSource} from '../ingest/file-source.js';
import type {FeedFactory} from '../ingest/byte-feed.js';
import type {IngestSink} from '../ingest/ingest-sink.js';
import {createStreamSource} from '../ingest/stream-source.js';
import type {Settings} from './resolve-config.js';

export type RunningSource = {
	readonly name: string;
	start(): void;
	stop(): void | Promise<void>;
};

export type SourceDeps = {
	readonly stdin: NodeJS.ReadableStream;
	readonly sink: IngestSink;
	readonly now: () => number;
	/** Where stdin and files are parsed (default: in this thread). */
	readonly feeds?: FeedFactory;
};

/** The first instant of the local day six days before today: the demo backfill covers 7 local days. */
export function backfillStart(tz: string, nowMs: number): number {
	const days = createCalendar(tz).previousDays(nowMs, 7);
	return days[0]?.start ?? nowMs - 6 * 86_400_000;
}

export function createSources(settings: Settings, deps: SourceDeps): RunningSource[] {
	const sources: RunningSource[] = [];
	const follow = settings.command === 'watch' && settings.follow;
	const used = new Map<string, number>();
	for (const file of settings.files) {
		if (file === '-') {
			sources.push({name: 'stdin', ...createStreamSource({name: 'stdin', stream: deps.stdin, sink: deps.sink, now: deps.now, feeds: deps.feeds})});
		} else {
			// Source names key the status list (and end-of-input), so a file named twice gets `#2`.
			const seen = (used.get(file) ?? 0) + 1;
			used.set(file, seen);
			const name = seen === 1 ? file : `${file}#${seen}`;
			const source = createFileSource({path: file, name, follow, sink: deps.sink, now: deps.now, feeds: deps.feeds});
			sources.push({name, start: () => source.start(), stop: () => source.stop()});
		}
	}

	if (settings.readStdin && !settings.files.includes('-')) {
		sources.push({name: 'stdin', ...createStreamSource({name: 'stdin', stream: deps.stdin, sink: deps.sink, now: deps.now, feeds: deps.feeds})});
	}

	if (settings.demo) {
		const liveStartMs = deps.now();
		const generator = createDemoGenerator({seed: settings.seed, ratePerS: settings.rate, liveStartMs, tz: settings.tz});
		const demo = createDemoSource({
			generator,
			sink: deps.sink,
			now: deps.now,
			backfillFromMs: backfillStart(settings.tz, liveStartMs),
			liveStartMs,
			durationMs: null,
		});
		sources.push({name: 'demo', start: () => demo.start(), stop: () => demo.stop()});
	}

	return sources;
}
