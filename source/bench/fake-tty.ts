// A Writable that Ink takes for a 160×50 terminal, counting what the dashboard writes.
import {PassThrough, Writable} from 'node:stream';

export type FakeTty = {
	readonly stdout: NodeJS.WriteStream;
	readonly stdin: NodeJS.ReadStream;
	readonly frames: () => number;
	readonly bytes: () => number;
};

/** Writes this large are frames; Ink's small writes are cursor and synchronised-update escapes. */
const FRAME_BYTES = 512;

export function createFakeTty(columns = 160, rows = 50): FakeTty {
	let frames = 0;
	let bytes = 0;
	const stdout = new Writable({
		write(chunk: Buffer | string, _encoding, callback) {
			const size = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
			bytes += size;
			if (size >= FRAME_BYTES) {
				frames++;
			}

			callback();
		},
	});
	Object.assign(stdout, {isTTY: true, columns, rows});
	const stdin = new PassThrough();
	Object.assign(stdin, {isTTY: false});
	return {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		frames: () => frames,
		bytes: () => bytes,
	};
}
