// The main thread's side of the parse worker: byte feeds whose chunks are split, parsed and
// validated on another core, then decoded and handed to the sink here, in order. JSON.parse and
// validation are most of the cost of a line (performance.md §2), so this roughly doubles what one
// process can ingest while the dashboard renders. Bounded: a feed with more than HIGH_WATER bytes
// unparsed reports `backlogged`, and sources pause until it drains below LOW_WATER.
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import {OutcomeDecoder} from '../events/outcome-codec.js';
import {StatusDeduper, type ByteFeed, type FeedFactory} from './byte-feed.js';
import type {IngestSink, IngestSourceState} from './ingest-sink.js';
import {LineFeed} from './line-feed.js';
import type {FromWorker, ToWorker} from './parse-protocol.js';

export const HIGH_WATER_BYTES = 8 * 1024 * 1024;
export const LOW_WATER_BYTES = 2 * 1024 * 1024;

export type ParsePool = {
	readonly feeds: FeedFactory;
	/** Stops the worker; feeds created afterwards (or still open) parse in this thread. */
	close(): Promise<void>;
	/** Why the worker is not used (it failed, or its file is missing), or undefined while it works. */
	readonly failure: string | undefined;
};

const nextTurn = (): Promise<void> => new Promise(resolve => setImmediate(resolve));

class WorkerFeed implements ByteFeed {
	sinkErrors = 0;
	inFlight = 0;
	/** Messages sent and not yet answered (chunks, ends, statuses): the worker is kept referenced meanwhile. */
	pending = 0;
	readonly #statuses: StatusDeduper;
	#waiters: Array<() => void> = [];
	/** Set when the worker failed: everything from then on is parsed in this thread. */
	fallback: LineFeed | undefined;
	/** The pool was closed: later input is dropped (its sources are being stopped). */
	closed = false;

	constructor(
		readonly id: number,
		readonly name: string,
		readonly sink: IngestSink,
		readonly now: () => number,
		readonly maxLineBytes: number | undefined,
		private readonly post: (message: ToWorker, transfer?: ArrayBuffer[]) => void,
	) {
		this.#statuses = new StatusDeduper(name);
		post({t: 'open', feed: id, maxLineBytes});
	}

	get backlogged(): boolean {
		return this.fallback === undefined && !this.closed && this.inFlight > HIGH_WATER_BYTES;
	}

	push(chunk: Buffer): void {
		if (this.fallback !== undefined) {
			this.fallback.push(chunk);
			return;
		}
		if (this.closed) return;
		// A copy whose memory moves to the worker: the caller may reuse its buffer. allocUnsafeSlow:
		// an ArrayBuffer of its own (transferable, unlike the shared pool) and no zero fill.
		const bytes = Buffer.allocUnsafeSlow(chunk.length);
		chunk.copy(bytes);
		this.inFlight += bytes.length;
		this.pending++;
		this.post({t: 'chunk', feed: this.id, bytes, arrivalMs: this.now()}, [bytes.buffer as ArrayBuffer]);
	}

	end(): void {
		if (this.fallback !== undefined) {
			this.fallback.end();
			return;
		}
		this.pending++;
		this.post({t: 'end', feed: this.id, arrivalMs: this.now()});
	}

	reset(): void {
		if (this.fallback !== undefined) this.fallback.reset();
		else this.post({t: 'reset', feed: this.id});
	}

	status(state: IngestSourceState, detail?: string): void {
		if (this.fallback !== undefined) {
			this.fallback.status(state, detail);
			return;
		}
		const status = this.#statuses.next(state, detail);
		if (status === undefined) return;
		// Through the worker, so "ended" reaches the sink after the last line before it.
		this.pending++;
		this.post({t: 'status', feed: this.id, state, detail});
	}

	room(): Promise<void> {
		if (!this.backlogged) return nextTurn();
		return new Promise(resolve => this.#waiters.push(resolve));
	}

	/** A chunk's outcomes were delivered: bytes no longer in flight may release a paused source. */
	settled(bytes: number): void {
		this.inFlight -= bytes;
		if (this.inFlight <= LOW_WATER_BYTES || this.fallback !== undefined) this.#wake();
	}

	reportStatus(state: IngestSourceState, detail: string | undefined): void {
		try {
			this.sink.sourceStatus(detail === undefined ? {name: this.name, state} : {name: this.name, state, detail});
		} catch {
			this.sinkErrors++;
		}
	}

	afterChunk(): void {
		try {
			this.sink.afterChunk();
		} catch {
			this.sinkErrors++;
		}
	}

	/** The worker is gone: what it had not answered is lost (and said so), the rest is parsed here. */
	failOver(reason: string): void {
		const lost = this.inFlight;
		this.fallback = new LineFeed(this.name, this.sink, this.now, this.maxLineBytes);
		this.inFlight = 0;
		this.pending = 0;
		this.reportStatus('error', `parse worker stopped (${reason})${lost > 0 ? `; ${lost} unparsed bytes lost` : ''}; parsing in the main thread`);
		this.#wake();
	}

	/** The pool is closing: nothing more will be parsed, so no source may stay paused for room. */
	release(): void {
		this.closed = true;
		this.inFlight = 0;
		this.#wake();
	}

	#wake(): void {
		const waiters = this.#waiters;
		this.#waiters = [];
		for (const wake of waiters) wake();
	}
}

/** The worker's module next to this one (dist/ingest/parse-worker.js); absent when run from TypeScript sources. */
function defaultWorkerFile(): string {
	return fileURLToPath(new URL('parse-worker.js', import.meta.url));
}

export type ParsePoolOptions = {
	/** The worker module (default: parse-worker.js beside this module, if it is there). */
	readonly workerFile?: string;
};

/**
 * A pool of one parse worker for every feed it makes. When the worker cannot start (its file is
 * missing) the factory gives in-thread LineFeeds, so callers never need a second code path.
 */
export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
	const file = options.workerFile ?? defaultWorkerFile();
	let failure: string | undefined = existsSync(file) ? undefined : 'parse-worker.js not found';
	const feeds = new Map<number, WorkerFeed>();
	const decoder = new OutcomeDecoder();
	let nextId = 1;
	let worker: Worker | undefined;
	let referenced = false;

	const updateRef = (): void => {
		if (worker === undefined) return;
		// Referenced only while answers are outstanding: an idle worker must not keep the process alive.
		const busy = [...feeds.values()].some(feed => feed.pending > 0);
		if (busy && !referenced) worker.ref();
		if (!busy && referenced) worker.unref();
		referenced = busy;
	};

	const fail = (reason: string): void => {
		if (failure !== undefined) return;
		failure = reason;
		const dead = worker;
		worker = undefined;
		void dead?.terminate();
		for (const feed of feeds.values()) feed.failOver(reason);
	};

	const onMessage = (message: FromWorker): void => {
		const feed = feeds.get(message.feed);
		if (feed === undefined) return;
		feed.pending--;
		if (message.t === 'status') {
			feed.reportStatus(message.state, message.detail);
		} else {
			try {
				decoder.decode(message.batch, (outcome, raw) => {
					try {
						feed.sink.accept(outcome, feed.name, raw);
					} catch {
						feed.sinkErrors++;
					}
				});
			} catch (error) {
				fail(error instanceof Error ? error.message : String(error));
				return;
			}
			feed.afterChunk();
			feed.settled(message.bytes);
		}
		updateRef();
	};

	const start = (): Worker | undefined => {
		if (worker !== undefined || failure !== undefined) return worker;
		try {
			worker = new Worker(file);
		} catch (error) {
			failure = error instanceof Error ? error.message : String(error);
			return undefined;
		}
		worker.unref();
		worker.on('message', onMessage);
		worker.on('error', error => fail(error.message));
		worker.on('exit', code => fail(`exit code ${code}`));
		return worker;
	};

	const post = (message: ToWorker, transfer?: ArrayBuffer[]): void => {
		const w = worker;
		if (w === undefined) return;
		w.postMessage(message, transfer);
		updateRef();
	};

	return {
		feeds(name, sink, now, maxLineBytes) {
			if (start() === undefined) return new LineFeed(name, sink, now, maxLineBytes);
			const feed = new WorkerFeed(nextId++, name, sink, now, maxLineBytes, post);
			feeds.set(feed.id, feed);
			return feed;
		},
		async close() {
			const w = worker;
			failure ??= 'closed';
			worker = undefined;
			// A source still waiting for room must not wait forever.
			for (const feed of feeds.values()) feed.release();
			feeds.clear();
			await w?.terminate();
		},
		get failure() {
			return failure;
		},
	};
}
