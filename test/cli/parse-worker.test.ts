import {readFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {MonitorSnapshot} from '../../source/domain/snapshot-types.js';
import {runCli, tempDir, type TempDir} from '../helpers/cli.js';

// The parse worker must change nothing but speed: every number of `report` is the same whether
// lines are parsed in the worker (the default) or in the main thread (--single-thread).
let temp: TempDir;
let mixed: string;

beforeAll(async () => {
	temp = tempDir();
	const demo = await runCli(['demo', '--duration', '1', '--seed', '11', '--tz', 'UTC'], {timeoutMs: 30_000});
	expect(demo.code).toBe(0);
	const lines = demo.stdout.trim().split('\n');
	const bad = readFileSync(new URL('../fixtures/bad-mixed.ndjson', import.meta.url), 'utf8');
	const sample = readFileSync(new URL('../fixtures/events-sample.ndjson', import.meta.url), 'utf8');
	// Demo traffic with garbage in the middle and a fixture sent twice (its ids come back as duplicates).
	const half = Math.floor(lines.length / 2);
	mixed = temp.write('mixed.ndjson', [...lines.slice(0, half), bad, sample, ...lines.slice(half), sample].join('\n'));
}, 40_000);

afterAll(() => temp.remove());

/** The snapshot without arrival times (when each process happened to read a rejected line). */
function withoutArrival(stdout: string): MonitorSnapshot {
	const snapshot = JSON.parse(stdout) as MonitorSnapshot;
	return {...snapshot, ingest: {...snapshot.ingest, recent_rejects: snapshot.ingest.recent_rejects.map(({at: _at, ...rest}) => ({...rest, at: 0}))}};
}

/**
 * Also without alerts: report evaluates alerts after each chunk read, and a pipe's chunks differ
 * from one run to the next (a file's 1 MiB slices do not), so an alert that fires briefly may be
 * seen in one run and not the other (a known gap, in the README). The file test checks alerts.
 */
function withoutChunkTimes(stdout: string): MonitorSnapshot {
	return {...withoutArrival(stdout), alerts: []};
}

async function reportBoth(args: readonly string[], input?: string) {
	const options = input === undefined ? {timeoutMs: 30_000} : {input, timeoutMs: 30_000};
	const [worker, single] = await Promise.all([runCli(['report', ...args], options), runCli(['report', '--single-thread', ...args], options)]);
	return {worker, single};
}

describe('the parse worker', () => {
	it('gives report the same snapshot as parsing in the main thread, rejects and duplicates included', async () => {
		const {worker, single} = await reportBoth(['--json', '--tz', 'UTC', mixed]);
		expect(worker.code).toBe(0);
		expect(withoutArrival(worker.stdout)).toStrictEqual(withoutArrival(single.stdout));
		expect(worker.stderr).toBe(single.stderr);
		const snapshot = JSON.parse(worker.stdout) as MonitorSnapshot;
		expect(snapshot.ingest.lines).toBeGreaterThan(10_000);
		expect(snapshot.ingest.rejected_by_reason['duplicate']).toBeGreaterThan(0);
		expect(snapshot.ingest.rejected_by_reason['invalid_json']).toBeGreaterThan(0);
		expect(snapshot.ingest.accepted + snapshot.ingest.rejected).toBe(snapshot.ingest.lines);
	}, 60_000);

	it('gives the same snapshot for stdin and for the shared OpenTelemetry recording', async () => {
		const piped = await reportBoth(['--json', '--tz', 'UTC'], readFileSync(mixed, 'utf8'));
		expect(withoutChunkTimes(piped.worker.stdout)).toStrictEqual(withoutChunkTimes(piped.single.stdout));
		const otel = await reportBoth(['--json', '--tz', 'UTC', '--at', '2026-12-01T00:00:00Z', '../shared/data/otel-demo-stream.ndjson']);
		expect(otel.worker.code).toBe(0);
		expect(withoutArrival(otel.worker.stdout)).toStrictEqual(withoutArrival(otel.single.stdout));
	}, 60_000);
});
