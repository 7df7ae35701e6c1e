import {PassThrough} from 'node:stream';
import type tty from 'node:tty';
import {describe, expect, it} from 'vitest';
import {openKeyboardInput} from '../../source/terminal/keyboard-input.js';

function fakeStdin(isTTY: boolean): NodeJS.ReadStream {
	return Object.assign(new PassThrough(), {isTTY}) as unknown as NodeJS.ReadStream;
}

function fakeTty(): tty.ReadStream & {rawCalls: boolean[]} {
	const stream = new PassThrough() as unknown as tty.ReadStream & {rawCalls: boolean[]};
	stream.rawCalls = [];
	Object.assign(stream, {
		isTTY: true,
		isRaw: true,
		setRawMode(mode: boolean) {
			stream.rawCalls.push(mode);
			Object.assign(stream, {isRaw: mode});
			return stream;
		},
	});
	return stream;
}

describe('openKeyboardInput', () => {
	it('uses stdin when it is a terminal and carries no events', () => {
		const stdin = fakeStdin(true);
		const input = openKeyboardInput({
			stdin,
			stdinIsSource: false,
			openTty: () => {
				throw new Error('must not open /dev/tty');
			},
		});
		expect(input.stream).toBe(stdin);
		expect(input.keys).toEqual({available: true});
	});

	it('opens the terminal when stdin carries events, and releases it once', () => {
		const terminal = fakeTty();
		const input = openKeyboardInput({stdin: fakeStdin(false), stdinIsSource: true, openTty: () => terminal});
		expect(input.stream).toBe(terminal);
		expect(input.keys).toEqual({available: true});
		input.dispose();
		input.dispose();
		expect(terminal.rawCalls).toEqual([false]);
		expect(terminal.destroyed).toBe(true);
	});

	it('opens the terminal even when stdin is a terminal that carries events (FILE -)', () => {
		const terminal = fakeTty();
		const input = openKeyboardInput({stdin: fakeStdin(true), stdinIsSource: true, openTty: () => terminal});
		expect(input.stream).toBe(terminal);
	});

	it('runs without keys when there is no controlling terminal, and says why', () => {
		const input = openKeyboardInput({
			stdin: fakeStdin(false),
			stdinIsSource: true,
			openTty: () => {
				throw Object.assign(new Error('ENXIO: no such device or address'), {code: 'ENXIO'});
			},
		});
		expect(input.keys).toEqual({available: false, detail: 'no terminal: ENXIO'});
		// Never the event pipe: Ink gets a silent non-TTY stream.
		expect(input.stream.isTTY).toBe(false);
		input.dispose();
	});
});
