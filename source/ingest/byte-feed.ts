// What a byte source (stdin, a file) hands its chunks to: a LineFeed that parses in this thread, or
// a feed of the parse worker. Sources only see this interface, so both run the same source code.
import type {IngestSink, IngestSourceState, IngestSourceStatus} from './ingest-sink.js';

export type ByteFeed = {
	readonly name: string;
	/** Feeds one chunk; the bytes may be reused by the caller once this returns. */
	push(chunk: Buffer): void;
	/** End of the byte stream: a final line without a newline is a line. The feed can then start a new stream. */
	end(): void;
	/** Forgets a partial line without emitting it (the file under it was truncated). */
	reset(): void;
	/** Reports a source state to the sink, in order with the lines pushed before it. */
	status(state: IngestSourceState, detail?: string): void;
	/** True while more bytes are waiting to be parsed than the feed wants in flight: pause the source. */
	readonly backlogged: boolean;
	/** Resolves when the source may push again: on the next event-loop turn, or once a backlog has drained. */
	room(): Promise<void>;
	/** Times the sink threw on a line (the line is lost, the source keeps reading). */
	readonly sinkErrors: number;
};

export type FeedFactory = (name: string, sink: IngestSink, now: () => number, maxLineBytes: number | undefined) => ByteFeed;

/** A line longer than the limit, as the parser would reject it. */
export function overlongOutcome(maxLineBytes: number) {
	return Object.freeze({ok: false as const, reason: 'line_too_long', hint: `longer than ${maxLineBytes} bytes`});
}

/** Builds a source's status reports, skipping repeats of the same state and detail. */
export class StatusDeduper {
	#last: IngestSourceStatus | undefined;

	constructor(readonly name: string) {}

	/** The status to report, or undefined when it repeats the last one. */
	next(state: IngestSourceState, detail?: string): IngestSourceStatus | undefined {
		const last = this.#last;
		if (last !== undefined && last.state === state && last.detail === detail) return undefined;
		const status: IngestSourceStatus = detail === undefined ? {name: this.name, state} : {name: this.name, state, detail};
		this.#last = status;
		return status;
	}
}
