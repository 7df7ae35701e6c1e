// A file as an ingest source: read once, or followed like `tail -F` by polling fs.stat
// (fs.watch misses events on network filesystems and some editors' save patterns).
import {open, stat} from 'node:fs/promises';
import type {FileHandle} from 'node:fs/promises';
import type {FeedFactory} from './byte-feed.js';
import type {IngestSink} from './ingest-sink.js';
import {lineFeeds} from './line-feed.js';
import {errorDetail} from './stream-source.js';
import type {IngestSource} from './stream-source.js';

export const DEFAULT_POLL_MS = 250;
export const DEFAULT_SLICE_BYTES = 1024 * 1024;

export type FileSourceOptions = {
	readonly path: string;
	readonly follow: boolean;
	readonly sink: IngestSink;
	readonly now: () => number;
	readonly pollMs?: number;
	readonly maxLineBytes?: number;
	/** Source name reported to the sink; defaults to the path. */
	readonly name?: string;
	/** Largest read per event-loop turn, so a big file never starves the UI. */
	readonly sliceBytes?: number;
	/** Where chunks are parsed (default: in this thread). */
	readonly feeds?: FeedFactory;
};

export type FileSource = IngestSource & {
	/** Clears the poll timer and closes the file; resolves once nothing is left running. */
	stop(): Promise<void>;
};

function errorCode(error: unknown): string | undefined {
	const code = (error as {code?: unknown} | null)?.code;
	return typeof code === 'string' ? code : undefined;
}

function isMissing(error: unknown): boolean {
	const code = errorCode(error);
	return code === 'ENOENT' || code === 'ENOTDIR';
}

export function createFileSource(options: FileSourceOptions): FileSource {
	const {path, follow, sink, now} = options;
	const pollMs = options.pollMs !== undefined && options.pollMs > 0 ? options.pollMs : DEFAULT_POLL_MS;
	const sliceBytes = options.sliceBytes !== undefined && options.sliceBytes > 0 ? options.sliceBytes : DEFAULT_SLICE_BYTES;
	const feed = (options.feeds ?? lineFeeds)(options.name ?? path, sink, now, options.maxLineBytes);

	let buffer: Buffer | undefined;
	let handle: FileHandle | undefined;
	let inode = -1;
	let device = -1;
	let offset = 0;
	let started = false;
	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	let running: Promise<void> | undefined;
	/** Last notable follow event (truncation, rotation): kept in the status until the next one. */
	let followDetail: string | undefined;

	/** Reads from `offset` (or sequentially for pipes) until EOF, one slice per event-loop turn. */
	async function readToEnd(positional: boolean): Promise<void> {
		buffer ??= Buffer.allocUnsafe(sliceBytes);
		while (!stopped && handle !== undefined) {
			const {bytesRead} = await handle.read(buffer, 0, buffer.length, positional ? offset : null);
			if (bytesRead === 0 || stopped) return;
			offset += bytesRead;
			feed.push(buffer.subarray(0, bytesRead));
			// One slice per turn (the UI gets its turn), and no further while a parse worker catches up.
			await feed.room();
		}
	}

	async function closeHandle(): Promise<void> {
		const h = handle;
		handle = undefined;
		if (h === undefined) return;
		try {
			await h.close();
		} catch {
			// Closing can only fail on an already-broken descriptor; nothing to recover.
		}
	}

	async function openCurrent(): Promise<void> {
		const h = await open(path, 'r');
		handle = h;
		const st = await h.stat();
		inode = st.ino;
		device = st.dev;
		offset = 0;
	}

	/** Reads what the old file still holds, ends its last line, and lets go of it. */
	async function finishOld(): Promise<void> {
		try {
			await readToEnd(true);
		} catch {
			// The old file may already be unreadable; what was read is kept.
		}
		feed.end();
		await closeHandle();
	}

	async function readOnce(): Promise<void> {
		try {
			await openCurrent();
			feed.status('reading');
			await readToEnd(false);
			if (stopped) return;
			feed.end();
			feed.status('ended');
		} catch (error) {
			if (!stopped) feed.status('error', errorDetail(error));
		} finally {
			await closeHandle();
		}
	}

	async function followStep(): Promise<void> {
		let st;
		try {
			st = await stat(path);
		} catch (error) {
			if (!isMissing(error)) throw error;
			if (handle !== undefined) {
				await finishOld();
				followDetail = 'rotated';
			}
			feed.status('following', 'waiting for file');
			return;
		}
		if (handle !== undefined && (st.ino !== inode || st.dev !== device)) {
			await finishOld();
			followDetail = 'rotated, reading the new file';
		}
		if (handle === undefined) {
			await openCurrent();
			feed.status('reading', followDetail);
		} else if (st.size < offset) {
			// copytruncate-style rotation or `> file`: the partial line we held belongs to the old content.
			feed.reset();
			offset = 0;
			followDetail = 'truncated, read again from the start';
		}
		await readToEnd(true);
		if (!stopped) feed.status('following', followDetail);
	}

	async function poll(): Promise<void> {
		timer = undefined;
		if (stopped) return;
		try {
			await followStep();
		} catch (error) {
			// Permission or I/O trouble: reported, and retried on the next poll like `tail -F`.
			if (!stopped) feed.status('error', errorDetail(error));
			await closeHandle();
		}
		if (!stopped) timer = setTimeout(schedule, pollMs);
	}

	function schedule(): void {
		running = poll();
	}

	return {
		start(): void {
			if (started) return;
			started = true;
			feed.status('starting');
			if (follow) schedule();
			else running = readOnce();
		},
		async stop(): Promise<void> {
			stopped = true;
			if (timer !== undefined) clearTimeout(timer);
			timer = undefined;
			try {
				await running;
			} catch {
				// poll and readOnce catch their own errors; this is only belt and braces.
			}
			await closeHandle();
		},
		get sinkErrors(): number {
			return feed.sinkErrors;
		},
	};
}
