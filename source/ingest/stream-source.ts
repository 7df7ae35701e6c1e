// A readable byte stream (stdin, a pipe, a file read stream) as an ingest source.
import type {FeedFactory} from './byte-feed.js';
import type {IngestSink} from './ingest-sink.js';
import {lineFeeds} from './line-feed.js';

export type StreamSourceOptions = {
	readonly name: string;
	readonly stream: NodeJS.ReadableStream;
	readonly sink: IngestSink;
	readonly now: () => number;
	readonly maxLineBytes?: number;
	/** Where chunks are parsed (default: in this thread). */
	readonly feeds?: FeedFactory;
};

export type IngestSource = {
	start(): void;
	stop(): void;
	/** Times the sink threw on a line (the line is lost, the source keeps reading). */
	readonly sinkErrors: number;
};

export function errorDetail(error: unknown): string {
	if (error instanceof Error) return error.message;
	return String(error);
}

function hasDestroy(stream: NodeJS.ReadableStream): stream is NodeJS.ReadableStream & {destroy(): void} {
	return typeof (stream as {destroy?: unknown}).destroy === 'function';
}

export function createStreamSource(options: StreamSourceOptions): IngestSource {
	const {name, stream, sink, now, maxLineBytes} = options;
	const feed = (options.feeds ?? lineFeeds)(name, sink, now, maxLineBytes);
	let started = false;
	let finished = false;
	let pausedForRoom = false;

	const onData = (chunk: Buffer | string): void => {
		feed.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
		// A parse worker that falls behind pauses the stream, so unparsed bytes never pile up.
		if (feed.backlogged && !pausedForRoom) {
			pausedForRoom = true;
			stream.pause();
			void feed.room().then(() => {
				pausedForRoom = false;
				if (!finished) stream.resume();
			});
		}
	};
	const onEnd = (): void => {
		if (finished) return;
		finished = true;
		feed.end();
		feed.status('ended');
		detach();
	};
	const onError = (error: unknown): void => {
		if (finished) return;
		finished = true;
		// Whatever complete lines arrived are kept; a partial tail after a broken pipe is not a line.
		feed.status('error', errorDetail(error));
		detach();
	};
	// Stays attached for good: an 'error' emitted without a listener would crash the process.
	const swallow = (): void => {};

	function detach(): void {
		stream.removeListener('data', onData);
		stream.removeListener('end', onEnd);
		stream.removeListener('error', onError);
	}

	return {
		start(): void {
			if (started) return;
			started = true;
			stream.on('error', swallow);
			stream.on('error', onError);
			stream.on('end', onEnd);
			feed.status('reading');
			stream.on('data', onData);
		},
		stop(): void {
			if (!started || finished) return;
			finished = true;
			detach();
			try {
				if (hasDestroy(stream)) stream.destroy();
				else stream.pause();
			} catch {
				// A stream that cannot be destroyed is simply left paused and unreferenced.
			}
		},
		get sinkErrors(): number {
			return feed.sinkErrors;
		},
	};
}
