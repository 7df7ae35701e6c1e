// Splitter → parser → sink in this thread, shared by every byte source when there is no parse
// worker. The sink is isolated: if it throws, that line is lost and counted, the source keeps reading.
import {parseLine} from '../events/parse.js';
import type {ParseOutcome} from '../events/types.js';
import {StatusDeduper, overlongOutcome, type ByteFeed} from './byte-feed.js';
import type {IngestSink, IngestSourceState} from './ingest-sink.js';
import {LineSplitter} from './line-splitter.js';

const nextTurn = (): Promise<void> => new Promise(resolve => setImmediate(resolve));

export class LineFeed implements ByteFeed {
	readonly splitter: LineSplitter;
	/** Times the sink threw. */
	sinkErrors = 0;
	readonly backlogged = false;
	readonly #statuses: StatusDeduper;

	constructor(
		readonly name: string,
		private readonly sink: IngestSink,
		now: () => number,
		maxLineBytes: number | undefined,
	) {
		this.#statuses = new StatusDeduper(name);
		let tooLong: ParseOutcome | undefined;
		this.splitter = new LineSplitter({
			maxLineBytes,
			onLine: line => {
				try {
					sink.accept(parseLine(line, now()), name, line);
				} catch {
					this.sinkErrors++;
				}
			},
			onOverlong: sample => {
				try {
					tooLong ??= overlongOutcome(this.splitter.maxLineBytes);
					sink.accept(tooLong, name, sample);
				} catch {
					this.sinkErrors++;
				}
			},
		});
	}

	/** Feeds one chunk and lets the frame ticker run. */
	push(chunk: Buffer): void {
		try {
			this.splitter.push(chunk);
		} catch {
			this.sinkErrors++;
		}
		this.afterChunk();
	}

	end(): void {
		try {
			this.splitter.end();
		} catch {
			this.sinkErrors++;
		}
		this.afterChunk();
	}

	reset(): void {
		this.splitter.reset();
	}

	room(): Promise<void> {
		return nextTurn();
	}

	afterChunk(): void {
		try {
			this.sink.afterChunk();
		} catch {
			this.sinkErrors++;
		}
	}

	/** Reports a state change; repeats of the same state and detail are not sent again. */
	status(state: IngestSourceState, detail?: string): void {
		const status = this.#statuses.next(state, detail);
		if (status === undefined) return;
		try {
			this.sink.sourceStatus(status);
		} catch {
			this.sinkErrors++;
		}
	}
}

/** The in-thread feed factory (the default of every byte source). */
export const lineFeeds = (name: string, sink: IngestSink, now: () => number, maxLineBytes: number | undefined): ByteFeed =>
	new LineFeed(name, sink, now, maxLineBytes);
