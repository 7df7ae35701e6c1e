import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import type {ByteFeed} from '../../source/ingest/byte-feed.js';
import {LineFeed} from '../../source/ingest/line-feed.js';
import {HIGH_WATER_BYTES, createParsePool, type ParsePool} from '../../source/ingest/parse-pool.js';
import {recordingSink, waitFor, type RecordingSink} from './recording-sink.js';

// The worker runs the BUILT module (`npm test` builds before vitest): Node 20 cannot load the
// TypeScript source in a worker thread.
const WORKER = fileURLToPath(new URL('../../dist/ingest/parse-worker.js', import.meta.url));

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

/** The input cut into chunks at awkward places: inside lines, inside multi-byte characters. */
function chunksOf(bytes: Buffer, sizes: readonly number[]): Buffer[] {
	const chunks: Buffer[] = [];
	let offset = 0;
	for (let i = 0; offset < bytes.length; i++) {
		const size = sizes[i % sizes.length]!;
		chunks.push(bytes.subarray(offset, offset + size));
		offset += size;
	}
	return chunks;
}

function feedAll(feed: ByteFeed, chunks: readonly Buffer[]): void {
	feed.status('reading');
	for (const chunk of chunks) feed.push(chunk);
	feed.end();
	feed.status('ended');
}

/** What the sink saw, with raw lines kept only where the receiver needs them (rejections). */
function seen(sink: RecordingSink) {
	return sink.accepted.map(({outcome, source, raw}) => ({outcome, source, raw: outcome.ok ? undefined : raw}));
}

let pools: ParsePool[] = [];
let dirs: string[] = [];

function pool(workerFile = WORKER): ParsePool {
	const created = createParsePool({workerFile});
	pools.push(created);
	return created;
}

afterEach(async () => {
	await Promise.all(pools.map(async p => p.close()));
	for (const dir of dirs) rmSync(dir, {recursive: true, force: true});
	pools = [];
	dirs = [];
});

describe('parse worker feeds', () => {
	it('is built (run npm run build before vitest)', () => {
		expect(existsSync(WORKER)).toBe(true);
	});

	it('deliver the same outcomes, in the same order, as parsing in this thread', async () => {
		const bytes = Buffer.concat([fixture('events-sample.ndjson'), fixture('bad-mixed.ndjson'), Buffer.from('{"type":"score","name":"relevance","value":0.5,"feature":"f"}')]);
		const chunks = chunksOf(bytes, [1, 7, 64, 3, 500, 2]);
		const here = recordingSink();
		feedAll(new LineFeed('in', here, () => 1_787_220_060_000, undefined), chunks);
		const there = recordingSink();
		const feed = pool().feeds('in', there, () => 1_787_220_060_000, undefined);
		expect(feed).not.toBeInstanceOf(LineFeed);
		feedAll(feed, chunks);
		await waitFor(() => there.lastState() === 'ended');
		expect(there.accepted.length).toBeGreaterThan(60);
		expect(seen(there)).toStrictEqual(seen(here));
		// "ended" arrives after the last line, and only once.
		expect(there.statuses.map(s => s.state)).toStrictEqual(['reading', 'ended']);
		expect(there.chunks).toBe(chunks.length + 1);
	});

	it('reject over-long lines in the worker with a sample, and keep reading', async () => {
		const sink = recordingSink();
		const feed = pool().feeds('big', sink, Date.now, 100);
		const long = `{"type":"llm_call","model":"${'x'.repeat(500)}"}`;
		feedAll(feed, [Buffer.from(`${long}\n{"type":"llm_call","model":"m","latency_ms":1}\n`)]);
		await waitFor(() => sink.lastState() === 'ended');
		expect(sink.reasons()).toStrictEqual(['line_too_long']);
		const rejected = sink.accepted[0]!;
		expect(rejected.outcome).toStrictEqual({ok: false, reason: 'line_too_long', hint: 'longer than 100 bytes'});
		expect(rejected.raw).toBe(long.slice(0, 100));
		expect(sink.accepted[1]!.outcome.ok).toBe(true);
	});

	it('report a backlog above the high-water mark and release it once the worker has caught up', async () => {
		const sink = recordingSink();
		const feed = pool().feeds('flood', sink, Date.now, undefined);
		const lineText = '{"type":"llm_call","model":"m","latency_ms":1}\n';
		const chunk = Buffer.from(lineText.repeat(Math.ceil(65_536 / lineText.length)));
		let pushed = 0;
		while (!feed.backlogged) {
			feed.push(chunk);
			pushed += chunk.length;
		}
		expect(pushed).toBeGreaterThan(HIGH_WATER_BYTES);
		await feed.room();
		expect(feed.backlogged).toBe(false);
		feed.end();
		feed.status('ended');
		await waitFor(() => sink.lastState() === 'ended', 20_000);
		expect(sink.accepted).toHaveLength((pushed / chunk.length) * Math.ceil(65_536 / lineText.length));
		expect(sink.reasons()).toStrictEqual([]);
	});

	it('fall back to this thread, and say so, when the worker dies', async () => {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'llmmon-pool-'));
		dirs.push(dir);
		const broken = path.join(dir, 'broken-worker.mjs');
		writeFileSync(broken, "throw new Error('worker broke');\n");
		const sink = recordingSink();
		const failing = pool(broken);
		const feed = failing.feeds('s', sink, Date.now, undefined);
		feed.push(Buffer.from('{"type":"llm_call","model":"m","latency_ms":1}\n'));
		await waitFor(() => sink.statuses.some(s => s.state === 'error'));
		expect(failing.failure).toContain('worker broke');
		expect(sink.statuses[0]!.detail).toMatch(/^parse worker stopped \(worker broke\); \d+ unparsed bytes lost; parsing in the main thread$/);
		feed.push(Buffer.from('{"type":"llm_call","model":"m","latency_ms":2}\n'));
		feed.end();
		feed.status('ended');
		expect(sink.lastState()).toBe('ended');
		expect(sink.accepted.filter(a => a.outcome.ok)).toHaveLength(1);
	});

	it('parse in this thread when the worker module is missing', () => {
		const missing = createParsePool({workerFile: path.join(os.tmpdir(), 'no-such-llmmon-worker.js')});
		pools.push(missing);
		const sink = recordingSink();
		const feed = missing.feeds('s', sink, Date.now, undefined);
		expect(feed).toBeInstanceOf(LineFeed);
		expect(missing.failure).toBe('parse-worker.js not found');
	});
});
