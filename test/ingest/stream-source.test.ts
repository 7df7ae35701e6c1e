import {PassThrough, Readable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {createStreamSource} from '../../source/ingest/stream-source.js';
import {recordingSink, waitFor} from './recording-sink.js';

const T0 = 1_787_220_000_000;
const callLine = (n: number): string => JSON.stringify({type: 'llm_call', ts: T0, model: 'gpt-4o', latency_ms: n});

describe('createStreamSource', () => {
	it('parses every line with the injected clock and reports reading → ended', async () => {
		const stream = new PassThrough();
		const sink = recordingSink();
		let clock = T0 + 1000;
		const source = createStreamSource({name: 'stdin', stream, sink, now: () => clock++});
		source.start();
		expect(sink.statuses).toEqual([{name: 'stdin', state: 'reading'}]);
		stream.write(`${callLine(1)}\n${callLine(2).slice(0, 10)}`);
		stream.write(`${callLine(2).slice(10)}\nnot json\n\n`);
		stream.end(callLine(3));
		await waitFor(() => sink.lastState() === 'ended');
		expect(sink.accepted.map(a => a.source)).toEqual(['stdin', 'stdin', 'stdin', 'stdin']);
		expect(sink.okRaw()).toEqual([callLine(1), callLine(2), callLine(3)]);
		expect(sink.reasons()).toEqual(['invalid_json']);
		// ts_missing would use now(): the clock is read once per line (4 non-blank lines)
		expect(clock).toBe(T0 + 1000 + 4);
		expect(sink.statuses).toEqual([
			{name: 'stdin', state: 'reading'},
			{name: 'stdin', state: 'ended'},
		]);
		// one afterChunk per data chunk plus one after the final flush
		expect(sink.chunks).toBeGreaterThanOrEqual(3);
	});

	it('uses now() as the arrival time for events without ts', async () => {
		const stream = new PassThrough();
		const sink = recordingSink();
		createStreamSource({name: 's', stream, sink, now: () => T0 + 42}).start();
		stream.end('{"type":"llm_call","model":"m","latency_ms":1}\n');
		await waitFor(() => sink.lastState() === 'ended');
		const outcome = sink.accepted[0]!.outcome;
		expect(outcome.ok && outcome.event.ts).toBe(T0 + 42);
	});

	it('reports an over-long line as line_too_long with a 200-char sample', async () => {
		const stream = new PassThrough();
		const sink = recordingSink();
		createStreamSource({name: 's', stream, sink, now: () => T0, maxLineBytes: 1000}).start();
		stream.write(`${callLine(1)}\n{"junk":"`);
		for (let i = 0; i < 50; i++) stream.write('z'.repeat(1000));
		stream.end(`"}\n${callLine(2)}\n`);
		await waitFor(() => sink.lastState() === 'ended');
		expect(sink.reasons()).toEqual(['line_too_long']);
		const rejected = sink.accepted.find(a => !a.outcome.ok)!;
		expect(rejected.outcome).toEqual({ok: false, reason: 'line_too_long', hint: 'longer than 1000 bytes'});
		expect(rejected.raw).toBe('{"junk":"' + 'z'.repeat(191));
		expect(sink.okRaw()).toEqual([callLine(1), callLine(2)]);
	});

	it('goes to error with the message on a stream error, never throwing', async () => {
		const stream = new PassThrough();
		const sink = recordingSink();
		createStreamSource({name: 's', stream, sink, now: () => T0}).start();
		stream.write(`${callLine(1)}\n`);
		stream.destroy(new Error('EPIPE: broken pipe'));
		await waitFor(() => sink.lastState() === 'error');
		expect(sink.statuses.at(-1)).toEqual({name: 's', state: 'error', detail: 'EPIPE: broken pipe'});
		expect(sink.okRaw()).toEqual([callLine(1)]);
	});

	it('keeps reading when the sink throws, counting the failures', async () => {
		const stream = new PassThrough();
		const sink = recordingSink();
		let calls = 0;
		const flaky = {
			...sink,
			accept: (...args: Parameters<typeof sink.accept>) => {
				if (calls++ === 0) throw new Error('sink bug');
				sink.accept(...args);
			},
		};
		const source = createStreamSource({name: 's', stream, sink: flaky, now: () => T0});
		source.start();
		stream.end(`${callLine(1)}\n${callLine(2)}\n`);
		await waitFor(() => sink.lastState() === 'ended');
		expect(sink.okRaw()).toEqual([callLine(2)]);
		expect(source.sinkErrors).toBe(1);
	});

	it('accepts string chunks (a stream with setEncoding)', async () => {
		const sink = recordingSink();
		const stream = Readable.from([`${callLine(1)}\n`, `${callLine(2)}\n`]);
		createStreamSource({name: 's', stream, sink, now: () => T0}).start();
		await waitFor(() => sink.lastState() === 'ended');
		expect(sink.okRaw()).toEqual([callLine(1), callLine(2)]);
	});

	it('stop() detaches and destroys the stream; later errors do not crash', async () => {
		const stream = new PassThrough();
		const sink = recordingSink();
		const source = createStreamSource({name: 's', stream, sink, now: () => T0});
		source.start();
		stream.write(`${callLine(1)}\n`);
		await waitFor(() => sink.okRaw().length === 1);
		source.stop();
		expect(stream.destroyed).toBe(true);
		stream.emit('error', new Error('late'));
		expect(sink.statuses.map(s => s.state)).toEqual(['reading']);
	});
});
