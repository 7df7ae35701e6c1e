// Splitter → parser → sink, shared by every byte source. The sink is isolated: if it throws,
// that line is lost and counted, the source keeps reading.
import {parseLine} from '../events/parse.js';
import type {ParseOutcome} from '../events/types.js';
import type {IngestSink, IngestSourceState, IngestSourceStatus} from './ingest-sink.js';
import {LineSplitter} from './line-splitter.js';

export class LineFeed {
	readonly splitter: LineSplitter;
	/** Times the sink threw. */
	sinkErrors = 0;
	#lastStatus: IngestSourceStatus | undefined;

	constructor(
		readonly name: string,
		private readonly sink: IngestSink,
		now: () => number,
		maxLineBytes: number | undefined,
	) {
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
					tooLong ??= Object.freeze({ok: false as const, reason: 'line_too_long', hint: `longer than ${this.splitter.maxLineBytes} bytes`});
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

	afterChunk(): void {
		try {
			this.sink.afterChunk();
		} catch {
			this.sinkErrors++;
		}
	}

	/** Reports a state change; repeats of the same state and detail are not sent again. */
	status(state: IngestSourceState, detail?: string): void {
		const last = this.#lastStatus;
		if (last !== undefined && last.state === state && last.detail === detail) return;
		const status: IngestSourceStatus = detail === undefined ? {name: this.name, state} : {name: this.name, state, detail};
		this.#lastStatus = status;
		try {
			this.sink.sourceStatus(status);
		} catch {
			this.sinkErrors++;
		}
	}
}
