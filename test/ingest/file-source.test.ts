import {appendFileSync, mkdtempSync, renameSync, rmSync, truncateSync, unlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {createFileSource} from '../../source/ingest/file-source.js';
import type {FileSource} from '../../source/ingest/file-source.js';
import {recordingSink, waitFor} from './recording-sink.js';

const T0 = 1_787_220_000_000;
const callLine = (n: number): string => JSON.stringify({type: 'llm_call', ts: T0, model: 'gpt-4o', latency_ms: n});
const lines = (...ns: number[]): string => ns.map(n => `${callLine(n)}\n`).join('');
const latencies = (raws: string[]): number[] => raws.map(r => (JSON.parse(r) as {latency_ms: number}).latency_ms);

let dir: string;
let sources: FileSource[] = [];

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'llmmon-file-source-'));
	sources = [];
});

afterEach(async () => {
	for (const s of sources) await s.stop();
	rmSync(dir, {recursive: true, force: true});
});

function open(options: Omit<Parameters<typeof createFileSource>[0], 'sink' | 'now'>) {
	const sink = recordingSink();
	const source = createFileSource({...options, sink, now: () => T0, pollMs: options.pollMs ?? 20});
	sources.push(source);
	return {sink, source};
}

describe('createFileSource without follow', () => {
	it('reads the whole file, flushes an unterminated last line, then ends', async () => {
		const path = join(dir, 'events.ndjson');
		writeFileSync(path, lines(1, 2, 3) + callLine(4));
		const {sink, source} = open({path, follow: false});
		source.start();
		await waitFor(() => sink.lastState() === 'ended');
		expect(latencies(sink.okRaw())).toEqual([1, 2, 3, 4]);
		expect(sink.statuses.map(s => s.state)).toEqual(['starting', 'reading', 'ended']);
		expect(sink.accepted[0]!.source).toBe(path);
	});

	it('reads in bounded slices, yielding between them', async () => {
		const path = join(dir, 'big.ndjson');
		const n = 2000;
		writeFileSync(path, lines(...Array.from({length: n}, (_, i) => i)));
		const {sink, source} = open({path, follow: false, sliceBytes: 4096, name: 'big'});
		source.start();
		let turns = 0;
		const ticker = setInterval(() => turns++, 0);
		await waitFor(() => sink.lastState() === 'ended');
		clearInterval(ticker);
		expect(sink.okRaw()).toHaveLength(n);
		expect(latencies(sink.okRaw()).at(-1)).toBe(n - 1);
		// each line is ~65 bytes, so ~130 KB in 4 KiB slices: one afterChunk per slice
		expect(sink.chunks).toBeGreaterThan(20);
		expect(turns).toBeGreaterThan(0);
		expect(sink.accepted[0]!.source).toBe('big');
	});

	it('a missing file is an error state, not a throw', async () => {
		const {sink, source} = open({path: join(dir, 'nope.ndjson'), follow: false});
		source.start();
		await waitFor(() => sink.lastState() === 'error');
		expect(sink.statuses.at(-1)!.detail).toMatch(/ENOENT/);
	});
});

describe('createFileSource with follow (tail -F)', () => {
	it('reads existing content, then appended lines, including a line completed across appends', async () => {
		const path = join(dir, 'live.ndjson');
		writeFileSync(path, lines(1, 2));
		const {sink, source} = open({path, follow: true});
		source.start();
		await waitFor(() => sink.okRaw().length === 2 && sink.lastState() === 'following');
		appendFileSync(path, lines(3) + callLine(4).slice(0, 15));
		await waitFor(() => sink.okRaw().length === 3);
		appendFileSync(path, `${callLine(4).slice(15)}\n`);
		await waitFor(() => sink.okRaw().length === 4);
		expect(latencies(sink.okRaw())).toEqual([1, 2, 3, 4]);
		expect(sink.reasons()).toEqual([]);
	});

	it('restarts from the start after truncation', async () => {
		const path = join(dir, 'trunc.ndjson');
		writeFileSync(path, lines(1, 2, 3));
		const {sink, source} = open({path, follow: true});
		source.start();
		await waitFor(() => sink.okRaw().length === 3 && sink.lastState() === 'following');
		truncateSync(path, 0);
		appendFileSync(path, lines(10));
		await waitFor(() => sink.okRaw().length === 4);
		expect(latencies(sink.okRaw())).toEqual([1, 2, 3, 10]);
		await waitFor(() => sink.statuses.at(-1)?.detail?.includes('truncated') === true);
		expect(sink.lastState()).toBe('following');
	});

	it('follows a rotation (rename + recreate): finishes the old file, then reads the new one from the start', async () => {
		const path = join(dir, 'rot.ndjson');
		writeFileSync(path, lines(1));
		const {sink, source} = open({path, follow: true});
		source.start();
		await waitFor(() => sink.okRaw().length === 1 && sink.lastState() === 'following');
		// the writer still appends to the old inode, including an unterminated last line, then rotates
		appendFileSync(path, lines(2) + callLine(3));
		renameSync(path, join(dir, 'rot.ndjson.1'));
		writeFileSync(path, lines(100, 101));
		await waitFor(() => sink.okRaw().length === 5);
		expect(latencies(sink.okRaw())).toEqual([1, 2, 3, 100, 101]);
		await waitFor(() => sink.lastState() === 'following');
		expect(sink.statuses.at(-1)!.detail).toMatch(/rotated/);
	});

	it('waits for a missing file, and for a deleted one to come back', async () => {
		const path = join(dir, 'later.ndjson');
		const {sink, source} = open({path, follow: true});
		source.start();
		await waitFor(() => sink.lastState() === 'following');
		expect(sink.statuses.at(-1)).toEqual({name: path, state: 'following', detail: 'waiting for file'});
		writeFileSync(path, lines(7));
		await waitFor(() => sink.okRaw().length === 1);
		unlinkSync(path);
		await waitFor(() => sink.statuses.at(-1)?.detail === 'waiting for file');
		writeFileSync(path, lines(8));
		await waitFor(() => sink.okRaw().length === 2);
		expect(latencies(sink.okRaw())).toEqual([7, 8]);
	});

	it('stop() clears the timer and closes the file: no more reads after it', async () => {
		const path = join(dir, 'stop.ndjson');
		writeFileSync(path, lines(1));
		const {sink, source} = open({path, follow: true});
		source.start();
		await waitFor(() => sink.okRaw().length === 1);
		await source.stop();
		appendFileSync(path, lines(2));
		await new Promise(resolve => setTimeout(resolve, 100));
		expect(sink.okRaw()).toHaveLength(1);
		// stopping twice is harmless
		await source.stop();
	});
});
