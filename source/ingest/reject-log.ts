// `--reject-log FILE`: one JSON line per rejected input line (protocols.md §4.5).
// Best effort by design: a slow or broken disk must never slow down or stop ingest.
import {createWriteStream} from 'node:fs';
import {SAMPLE_CHARS} from './line-splitter.js';

export type RejectEntry = {
	readonly ts: number;
	readonly source: string;
	readonly reason: string;
	readonly sample: string;
	readonly hint?: string;
};

export type RejectLog = {
	write(entry: RejectEntry): void;
	/** Flushes and closes the file; resolves even if the file failed. */
	close(): Promise<void>;
	/** Entries not written: backpressure beyond the cap, a failed file, or writes after close. */
	readonly dropped: number;
	/** The file error that stopped the log, if any. */
	readonly error: string | undefined;
};

export const DEFAULT_REJECT_LOG_MAX_PENDING_BYTES = 4 * 1024 * 1024;

function isoTime(ms: number): string {
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

export function createRejectLog(path: string, options: {readonly maxPendingBytes?: number} = {}): RejectLog {
	const maxPending = options.maxPendingBytes ?? DEFAULT_REJECT_LOG_MAX_PENDING_BYTES;
	let dropped = 0;
	let error: string | undefined;
	let closed = false;
	let stream: ReturnType<typeof createWriteStream> | undefined;
	try {
		stream = createWriteStream(path, {flags: 'a'});
		stream.on('error', (e: Error) => {
			error ??= e.message;
		});
	} catch (e) {
		error = e instanceof Error ? e.message : String(e);
	}

	return {
		write(entry: RejectEntry): void {
			try {
				if (closed || error !== undefined || stream === undefined || stream.writableLength > maxPending) {
					dropped++;
					return;
				}
				const line = JSON.stringify({
					ts: isoTime(entry.ts),
					source: String(entry.source),
					reason: String(entry.reason),
					sample: String(entry.sample).slice(0, SAMPLE_CHARS),
					...(entry.hint === undefined ? {} : {hint: String(entry.hint)}),
				});
				stream.write(line + '\n');
			} catch {
				dropped++;
			}
		},
		close(): Promise<void> {
			if (closed || stream === undefined) {
				closed = true;
				return Promise.resolve();
			}
			closed = true;
			const s = stream;
			return new Promise(resolve => {
				try {
					if (s.closed) {
						resolve();
						return;
					}
					s.once('close', () => resolve());
					if (error !== undefined) s.destroy();
					else s.end();
				} catch {
					resolve();
				}
			});
		},
		get dropped(): number {
			return dropped;
		},
		get error(): string | undefined {
			return error;
		},
	};
}
