import {describe, expect, it} from 'vitest';
import {DEFAULT_MAX_LINE_BYTES, LineSplitter, SAMPLE_CHARS} from '../../source/ingest/line-splitter.js';

type Collected = {lines: string[]; overlong: Array<{sample: string; bytes: number}>; splitter: LineSplitter};

function collect(maxLineBytes?: number): Collected {
	const lines: string[] = [];
	const overlong: Array<{sample: string; bytes: number}> = [];
	const splitter = new LineSplitter({maxLineBytes, onLine: l => lines.push(l), onOverlong: (sample, bytes) => overlong.push({sample, bytes})});
	return {lines, overlong, splitter};
}

function feedAll(c: Collected, chunks: Array<Buffer | string>): void {
	for (const chunk of chunks) c.splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
}

describe('LineSplitter', () => {
	it('splits lines within one chunk', () => {
		const c = collect();
		feedAll(c, ['{"a":1}\n{"b":2}\n']);
		expect(c.lines).toEqual(['{"a":1}', '{"b":2}']);
		expect(c.splitter.bufferedBytes).toBe(0);
	});

	it('joins a line split across chunk boundaries, including one byte at a time', () => {
		const text = '{"model":"gpt-4o"}\n{"x":"yz"}\n';
		const c = collect();
		feedAll(c, ['{"mo', 'del":"gp', 't-4o"}\n{"x"', ':"yz"}', '\n']);
		expect(c.lines).toEqual(['{"model":"gpt-4o"}', '{"x":"yz"}']);
		const d = collect();
		for (const byte of Buffer.from(text)) d.splitter.push(Buffer.from([byte]));
		expect(d.lines).toEqual(c.lines);
	});

	it('decodes a UTF-8 character split across chunks', () => {
		// '€' = E2 82 AC, '🙂' = F0 9F 99 82
		const bytes = Buffer.from('{"s":"€🙂"}\n');
		const euro = bytes.indexOf(0xe2);
		const smile = bytes.indexOf(0xf0);
		const c = collect();
		c.splitter.push(bytes.subarray(0, euro + 1));
		c.splitter.push(bytes.subarray(euro + 1, smile + 2));
		c.splitter.push(bytes.subarray(smile + 2));
		expect(c.lines).toEqual(['{"s":"€🙂"}']);
	});

	it('does not depend on the caller keeping its chunk buffers intact', () => {
		const c = collect();
		const reused = Buffer.from('{"part":');
		c.splitter.push(reused);
		reused.fill(0x78); // the file source reuses its read buffer
		c.splitter.push(Buffer.from('1}\n'));
		expect(c.lines).toEqual(['{"part":1}']);
	});

	it('strips CR of CRLF endings and a leading BOM on the first line only', () => {
		const c = collect();
		feedAll(c, [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}\r\n\ufeff{"b":2}\r\n')])]);
		expect(c.lines).toEqual(['{"a":1}', '\ufeff{"b":2}']);
	});

	it('strips a BOM split across chunks', () => {
		const c = collect();
		feedAll(c, [Buffer.from([0xef]), Buffer.from([0xbb]), Buffer.from([0xbf, 0x7b, 0x7d, 0x0a])]);
		expect(c.lines).toEqual(['{}']);
	});

	it('skips blank and whitespace-only lines', () => {
		const c = collect();
		feedAll(c, ['\n\r\n   \n\t\n{"a":1}\n \t \r\n\n{"b":2}\n']);
		expect(c.lines).toEqual(['{"a":1}', '{"b":2}']);
		expect(c.overlong).toEqual([]);
	});

	it('end() flushes a final line without newline, and ignores a blank tail', () => {
		const c = collect();
		feedAll(c, ['{"a":1}\n{"b":', '2}']);
		expect(c.lines).toEqual(['{"a":1}']);
		c.splitter.end();
		expect(c.lines).toEqual(['{"a":1}', '{"b":2}']);
		expect(c.splitter.bufferedBytes).toBe(0);
		const d = collect();
		feedAll(d, ['{"a":1}\n   ']);
		d.splitter.end();
		expect(d.lines).toEqual(['{"a":1}']);
	});

	it('reset() forgets a partial line', () => {
		const c = collect();
		feedAll(c, ['{"half":']);
		c.splitter.reset();
		feedAll(c, ['{"new":1}\n']);
		expect(c.lines).toEqual(['{"new":1}']);
	});

	it('defaults to 1 MiB lines', () => {
		expect(collect().splitter.maxLineBytes).toBe(DEFAULT_MAX_LINE_BYTES);
		expect(DEFAULT_MAX_LINE_BYTES).toBe(1_048_576);
	});
});

describe('LineSplitter: over-long lines', () => {
	it('a line of exactly maxLineBytes passes, one byte more is rejected', () => {
		const c = collect(10);
		feedAll(c, ['0123456789\n', '0123456789A\n', 'ok\n']);
		expect(c.lines).toEqual(['0123456789', 'ok']);
		// the sample never holds more than maxLineBytes
		expect(c.overlong).toEqual([{sample: '0123456789', bytes: 11}]);
	});

	it('discards an oversize line streamed over many chunks without buffering it', () => {
		const max = 1024;
		const c = collect(max);
		c.splitter.push(Buffer.from('{"before":1}\n{"big":"'));
		let maxBuffered = 0;
		// 2 MB of payload in 1000 chunks of 2000 bytes
		for (let i = 0; i < 1000; i++) {
			c.splitter.push(Buffer.alloc(2000, 0x61));
			maxBuffered = Math.max(maxBuffered, c.splitter.bufferedBytes);
		}
		c.splitter.push(Buffer.from('"}\n{"after":2}\n'));
		expect(maxBuffered).toBeLessThanOrEqual(max);
		expect(c.splitter.bufferedBytes).toBe(0);
		expect(c.lines).toEqual(['{"before":1}', '{"after":2}']);
		expect(c.overlong).toHaveLength(1);
		// '{"big":"' (8) + 2 000 000 + '"}' (2)
		expect(c.overlong[0]!.bytes).toBe(2_000_010);
		expect(c.overlong[0]!.sample).toBe('{"big":"' + 'a'.repeat(SAMPLE_CHARS - 8));
	});

	it('an oversize line inside a single chunk', () => {
		const c = collect(100);
		feedAll(c, [`{"a":1}\n${'x'.repeat(5000)}\n{"b":2}\n`]);
		expect(c.lines).toEqual(['{"a":1}', '{"b":2}']);
		expect(c.overlong).toEqual([{sample: 'x'.repeat(100), bytes: 5000}]);
	});

	it('grows past the limit only when the newline arrives', () => {
		const c = collect(10);
		feedAll(c, ['12345', '678901']);
		expect(c.splitter.bufferedBytes).toBeLessThanOrEqual(10);
		feedAll(c, ['\n']);
		expect(c.overlong).toEqual([{sample: '1234567890', bytes: 11}]);
	});

	it('an unterminated oversize tail is reported on end()', () => {
		const c = collect(16);
		feedAll(c, ['{"a":1}\n', 'y'.repeat(40)]);
		expect(c.overlong).toEqual([]);
		c.splitter.end();
		expect(c.overlong).toEqual([{sample: 'y'.repeat(16), bytes: 40}]);
	});

	it('the sample is 200 characters of a real 2 MB line at the default limit', () => {
		const c = collect();
		const big = `{"type":"llm_call","model":"${'€'.repeat(700_000)}"}\n`;
		c.splitter.push(Buffer.from(big));
		expect(c.lines).toEqual([]);
		expect(c.overlong).toHaveLength(1);
		expect(c.overlong[0]!.sample).toHaveLength(SAMPLE_CHARS);
		expect(c.overlong[0]!.sample.startsWith('{"type":"llm_call","model":"€€')).toBe(true);
		// 700 000 × 3 bytes + '{"type":"llm_call","model":"' (28) + '"}' (2)
		expect(c.overlong[0]!.bytes).toBe(2_100_030);
	});
});
