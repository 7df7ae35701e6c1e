// `watch --demo`: the generator as an ingest source. Its lines go through the same parser and sink
// as stdin, so the demo exercises the real pipeline. The backfill is fed in slices, one per event-loop
// turn, so the dashboard draws while the past week loads.
import {parseLine} from '../events/parse.js';
import type {IngestSink} from '../ingest/ingest-sink.js';
import type {DemoGenerator} from './generator.js';

export type DemoSourceOptions = {
	readonly generator: DemoGenerator;
	readonly sink: IngestSink;
	readonly now: () => number;
	/** Start of the backfill (epoch ms); null for none. It runs up to `liveStartMs`. */
	readonly backfillFromMs: number | null;
	readonly liveStartMs: number;
	/** Stop after this much live time; null runs until stopped. */
	readonly durationMs: number | null;
	readonly name?: string;
	/** How often live lines are generated (default 50 ms). */
	readonly tickMs?: number;
};

export type DemoSource = {
	start(): void;
	stop(): void;
};

/** Event time generated per step of the backfill. */
const BACKFILL_SLICE_MS = 3_600_000;
/** Wall time spent on the backfill before yielding, so frames keep coming while it loads. */
const BACKFILL_WORK_MS = 150;

export function createDemoSource(options: DemoSourceOptions): DemoSource {
	const {generator, sink, now} = options;
	const name = options.name ?? 'demo';
	const tickMs = options.tickMs ?? 50;
	let timer: ReturnType<typeof setInterval> | undefined;
	let immediate: ReturnType<typeof setImmediate> | undefined;
	let stopped = false;

	const feed = (lines: readonly string[]): void => {
		for (const line of lines) {
			const arrival = now();
			sink.accept(parseLine(line, arrival), name, line);
		}

		sink.afterChunk();
	};

	const end = (): void => {
		stop();
		sink.sourceStatus({name, state: 'ended', detail: 'demo finished'});
	};

	const live = (): void => {
		const at = now();
		const until = options.durationMs === null ? at : Math.min(at, options.liveStartMs + options.durationMs);
		feed(generator.live(until));
		if (options.durationMs !== null && at >= options.liveStartMs + options.durationMs) {
			end();
		}
	};

	const backfillFrom = (start: number): void => {
		immediate = undefined;
		if (stopped) {
			return;
		}

		// Frames render only when this yields, so yield by wall time, not by event time.
		const deadline = now() + BACKFILL_WORK_MS;
		let from = start;
		while (from < options.liveStartMs && now() < deadline) {
			const to = Math.min(options.liveStartMs, from + BACKFILL_SLICE_MS);
			feed(generator.backfill(from, to));
			from = to;
		}

		if (from < options.liveStartMs) {
			immediate = setImmediate(backfillFrom, from);
			return;
		}

		timer = setInterval(live, tickMs);
		live();
	};

	function stop(): void {
		stopped = true;
		if (timer !== undefined) {
			clearInterval(timer);
			timer = undefined;
		}

		if (immediate !== undefined) {
			clearImmediate(immediate);
			immediate = undefined;
		}
	}

	return {
		start() {
			if (stopped || timer !== undefined || immediate !== undefined) {
				return;
			}

			sink.sourceStatus({name, state: 'reading', detail: 'built-in demo stream'});
			const from = options.backfillFromMs;
			if (from !== null && from < options.liveStartMs) {
				immediate = setImmediate(backfillFrom, from);
			} else {
				backfillFrom(options.liveStartMs);
			}
		},
		stop,
	};
}
