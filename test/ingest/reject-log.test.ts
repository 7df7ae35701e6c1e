import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {createRejectLog} from '../../source/ingest/reject-log.js';

const T0 = 1_787_220_000_000;
let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'llmmon-reject-log-'));
});

afterEach(() => {
	rmSync(dir, {recursive: true, force: true});
});

function readLines(path: string): unknown[] {
	return readFileSync(path, 'utf8')
		.split('\n')
		.filter(l => l !== '')
		.map(l => JSON.parse(l) as unknown);
}

describe('createRejectLog', () => {
	it('appends one JSON line per entry with an ISO timestamp', async () => {
		const path = join(dir, 'rejects.ndjson');
		const log = createRejectLog(path);
		log.write({ts: T0, source: 'stdin', reason: 'invalid_json', sample: 'not json'});
		log.write({ts: T0 + 1500, source: 'app.log', reason: 'missing_field:model', sample: '{"type":"llm_call"}'});
		await log.close();
		expect(readLines(path)).toEqual([
			{ts: '2026-08-20T10:00:00.000Z', source: 'stdin', reason: 'invalid_json', sample: 'not json'},
			{ts: '2026-08-20T10:00:01.500Z', source: 'app.log', reason: 'missing_field:model', sample: '{"type":"llm_call"}'},
		]);
		expect(log.dropped).toBe(0);
	});

	it('appends to an existing file instead of replacing it', async () => {
		const path = join(dir, 'rejects.ndjson');
		const first = createRejectLog(path);
		first.write({ts: T0, source: 'a', reason: 'r1', sample: 's'});
		await first.close();
		const second = createRejectLog(path);
		second.write({ts: T0, source: 'b', reason: 'r2', sample: 's'});
		await second.close();
		expect(readLines(path).map(l => (l as {reason: string}).reason)).toEqual(['r1', 'r2']);
	});

	it('escapes control characters (the file stays one entry per line) and caps samples at 200 chars', async () => {
		const path = join(dir, 'rejects.ndjson');
		const log = createRejectLog(path);
		log.write({ts: T0, source: 's', reason: 'invalid_json', sample: '\u001b[2J\nline2\u0000' + 'x'.repeat(500)});
		await log.close();
		const raw = readFileSync(path, 'utf8');
		expect(raw.split('\n')).toHaveLength(2);
		expect(raw).not.toMatch(/[\u0000\u001b]/);
		const [entry] = readLines(path) as Array<{sample: string}>;
		expect(entry!.sample).toHaveLength(200);
		expect(entry!.sample.startsWith('\u001b[2J\nline2\u0000x')).toBe(true);
	});

	it('drops and counts entries while backpressured beyond the cap', async () => {
		const path = join(dir, 'rejects.ndjson');
		const log = createRejectLog(path, {maxPendingBytes: 1000});
		// each entry is 333 bytes (82 of JSON framing + 250 sample + '\n'); the stream cannot flush
		// within this synchronous loop
		for (let i = 0; i < 100; i++) log.write({ts: T0, source: 's', reason: 'invalid_json', sample: 'y'.repeat(250)});
		// accepted while writableLength ≤ 1000: pending before entry k is 333k → k = 0..3 (0, 333, 666, 999); 100 − 4 = 96 dropped
		expect(log.dropped).toBe(96);
		await log.close();
		expect(readLines(path)).toHaveLength(4);
	});

	it('never throws: an unwritable path counts every entry as dropped', async () => {
		const log = createRejectLog(join(dir, 'no-such-dir', 'rejects.ndjson'));
		await new Promise(resolve => setTimeout(resolve, 50));
		expect(log.error).toMatch(/ENOENT/);
		log.write({ts: T0, source: 's', reason: 'r', sample: 'x'});
		log.write({ts: Number.NaN, source: 's', reason: 'r', sample: 'x'});
		expect(log.dropped).toBe(2);
		await log.close();
	});

	it('writes after close are dropped; a bad ts is written as the epoch', async () => {
		const path = join(dir, 'rejects.ndjson');
		const log = createRejectLog(path);
		log.write({ts: Number.NaN, source: 's', reason: 'r', sample: 'x'});
		await log.close();
		log.write({ts: T0, source: 's', reason: 'r', sample: 'x'});
		expect(log.dropped).toBe(1);
		expect(readLines(path)).toEqual([{ts: '1970-01-01T00:00:00.000Z', source: 's', reason: 'r', sample: 'x'}]);
		await log.close();
	});
});
