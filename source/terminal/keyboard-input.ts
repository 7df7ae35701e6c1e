// Where the dashboard's keys come from. Events may arrive on stdin (`tail -F x | llmmon watch`), so
// keys are then read from the controlling terminal, /dev/tty, as a tty.ReadStream that Ink can put
// into raw mode (ink-notes P5). Without a terminal (ENXIO: cron, CI, `setsid`) the dashboard runs
// without keys and says so.
import fs from 'node:fs';
import tty from 'node:tty';
import {PassThrough} from 'node:stream';
import type {KeysStatus} from '../store/create-monitor-store.js';

export type KeyboardInput = {
	/** The stream to hand to Ink as `stdin`. */
	readonly stream: NodeJS.ReadStream;
	readonly keys: KeysStatus;
	/** Leaves raw mode and closes /dev/tty if we opened it; idempotent. */
	dispose(): void;
};

export type KeyboardInputOptions = {
	readonly stdin: NodeJS.ReadStream;
	/** stdin carries events, so it must not be used for keys even when it is a terminal. */
	readonly stdinIsSource: boolean;
	/** Opens the controlling terminal; injectable for tests. */
	readonly openTty?: () => tty.ReadStream;
};

export function openDevTty(): tty.ReadStream {
	const fd = fs.openSync('/dev/tty', 'r');
	try {
		return new tty.ReadStream(fd);
	} catch (error) {
		fs.closeSync(fd);
		throw error;
	}
}

/** A stream that never yields a byte and is not a TTY, so Ink turns input off instead of reading the event pipe. */
function silentStream(): NodeJS.ReadStream {
	const stream = new PassThrough() as unknown as NodeJS.ReadStream;
	Object.assign(stream, {isTTY: false});
	return stream;
}

function reason(error: unknown): string {
	const code = (error as {code?: unknown} | null)?.code;
	return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

export function openKeyboardInput(options: KeyboardInputOptions): KeyboardInput {
	if (!options.stdinIsSource && options.stdin.isTTY) {
		// Ink owns raw mode on process.stdin and restores it on unmount.
		return {stream: options.stdin, keys: {available: true}, dispose() {}};
	}

	let ttyStream: tty.ReadStream;
	try {
		ttyStream = (options.openTty ?? openDevTty)();
	} catch (error) {
		return {stream: silentStream(), keys: {available: false, detail: `no terminal: ${reason(error)}`}, dispose() {}};
	}

	// A read error on the terminal (hang-up) must not crash the monitor.
	ttyStream.on('error', () => {});
	let disposed = false;
	return {
		stream: ttyStream,
		keys: {available: true},
		dispose() {
			if (disposed) {
				return;
			}

			disposed = true;
			try {
				if (ttyStream.isRaw) {
					ttyStream.setRawMode(false);
				}
			} catch {
				// The terminal may already be gone; destroying the stream is what matters.
			}

			// Left open, the stream keeps the process alive (ink-notes P6).
			ttyStream.destroy();
		},
	};
}
