import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {FLAGS} from '../../source/cli/flags.js';
import type {MonitorSnapshot} from '../../source/domain/snapshot-types.js';
import {createRandom} from '../../source/demo/prng.js';
import {REPO_ROOT, runCli, runShell, tempDir, type TempDir} from '../helpers/cli.js';

// A stream whose numbers are easy to work out by hand (UTC, 2026-08-20 10:00:01–08):
//   calls: 100, 200, 300 ms (ok, reported $0.01, $0.02, $0.03), 400 ms (timeout error, no usage),
//          500 ms (tokens but an unpriced model)
//   → 5 calls, 1 error → error rate 1/5 = 0.2; p50 = 3rd of 5 sorted = 300 ms; avg = 1500/5 = 300 ms
//   → today $0.01 + $0.02 + $0.03 = $0.06, a lower bound (1 unpriced, 1 unmetered)
//   grounding 0.8 and 0.6 for chat → 0.7; revenue $0.90 for chat → ROI 0.90 / 0.03 = 30
//   plus one line that is not JSON → 9 lines, 8 accepted, 1 rejected.
const FIXTURE = [
	{v: 1, type: 'llm_call', ts: '2026-08-20T10:00:01Z', provider: 'openai', model: 'gpt-4o', feature: 'chat', latency_ms: 100, input_tokens: 1000, output_tokens: 100, cost_usd: 0.01},
	{v: 1, type: 'llm_call', ts: '2026-08-20T10:00:02Z', provider: 'openai', model: 'gpt-4o', feature: 'chat', latency_ms: 200, input_tokens: 1000, output_tokens: 100, cost_usd: 0.02},
	{v: 1, type: 'llm_call', ts: '2026-08-20T10:00:03Z', provider: 'openai', model: 'gpt-4o', feature: 'search', latency_ms: 300, input_tokens: 1000, output_tokens: 100, cost_usd: 0.03},
	{v: 1, type: 'llm_call', ts: '2026-08-20T10:00:04Z', provider: 'openai', model: 'gpt-4o', feature: 'search', latency_ms: 400, status: 'error', error_type: 'timeout'},
	{v: 1, type: 'llm_call', ts: '2026-08-20T10:00:05Z', provider: 'acme', model: 'mystery-model', feature: 'chat', latency_ms: 500, input_tokens: 100, output_tokens: 10},
	{v: 1, type: 'score', ts: '2026-08-20T10:00:06Z', feature: 'chat', name: 'grounding', value: 0.8},
	{v: 1, type: 'score', ts: '2026-08-20T10:00:07Z', feature: 'chat', name: 'grounding', value: 0.6},
	{v: 1, type: 'revenue', ts: '2026-08-20T10:00:08Z', feature: 'chat', amount_usd: 0.9},
]
	.map(event => JSON.stringify(event))
	.concat('this is not json')
	.join('\n');
const FIXTURE_END_MS = Date.UTC(2026, 7, 20, 10, 0, 8);

let temp: TempDir;
let fixture: string;

beforeAll(() => {
	temp = tempDir();
	fixture = temp.write('fixture.ndjson', `${FIXTURE}\n`);
});

afterAll(() => {
	temp.remove();
});

function snapshotOf(stdout: string): MonitorSnapshot {
	return JSON.parse(stdout) as MonitorSnapshot;
}

function expectWithin1Percent(actual: number | null, expected: number): void {
	expect(actual).not.toBeNull();
	expect(Math.abs((actual ?? 0) - expected) / expected).toBeLessThanOrEqual(0.01);
}

describe('llmmon --help and --version', () => {
	it('prints help naming every option, exit 0', async () => {
		const result = await runCli(['--help']);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).toContain('Usage');
		expect(result.stdout).toContain('Options');
		expect(result.stdout).toContain('Examples');
		for (const flag of FLAGS) {
			expect(result.stdout).toContain(flag.type === 'boolean' && flag.name === 'backfill' ? '--no-backfill' : `--${flag.cli}`);
		}

		// Fits an 80-column terminal (and the README).
		expect(result.stdout.split('\n').every(line => [...line].length <= 80)).toBe(true);
		// The same text after a command.
		expect((await runCli(['watch', '--help'])).stdout).toBe(result.stdout);
	});

	it('prints the package version', async () => {
		const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {version: string};
		const result = await runCli(['--version']);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe(`${pkg.version}\n`);
	});
});

describe('usage errors: one line naming the problem, exit 2', () => {
	it.each([
		[['watch', '--frobnicate'], 'llmmon: unknown option --frobnicate (see llmmon --help)'],
		[['frob'], 'llmmon: unknown command "frob": use watch, report or demo (see llmmon --help)'],
		[[], 'llmmon: missing command: watch, report or demo (see llmmon --help)'],
		[['watch', '--demo', '--tz', 'Mars/Olympus_Mons'], 'llmmon: --tz: unknown time zone "Mars/Olympus_Mons" (use an IANA name such as Europe/Berlin or UTC)'],
		[['watch', '--demo', '--window', '2m'], 'llmmon: --window: must be one of 1m, 5m, 15m, 1h (got "2m")'],
		[['watch', '--demo', '--budget', '-5'], 'llmmon: --budget: must be greater than 0 (got "-5")'],
		[['report', '--json', 'no-such-file.ndjson'], 'llmmon: FILE no-such-file.ndjson: cannot read (no such file)'],
		[['watch', '--demo', '--prices', 'no-such-prices.json'], 'llmmon: --prices no-such-prices.json: cannot read (no such file)'],
		[['report', '--plain', 'x'], 'llmmon: --plain is not an option of report (it is for watch)'],
	])('%j', async (args, message) => {
		const result = await runCli(args);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe(`${message}\n`);
	});

	it('rejects a bad config file with the key named', async () => {
		const config = temp.write('bad-config.json', JSON.stringify({budjet: 5}));
		const result = await runCli(['report', '--config', config, fixture]);
		expect(result.code).toBe(2);
		expect(result.stderr.split('\n')).toHaveLength(2);
		expect(result.stderr).toMatch(/^llmmon: --config .*bad-config\.json: unknown key "budjet"/);
	});
});

describe('llmmon report', () => {
	it('--json prints the snapshot of a hand-computable stream (unknown values are null, not 0)', async () => {
		const result = await runCli(['report', '--json', '--tz', 'UTC', fixture]);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('llmmon: 9 lines, 8 accepted, 1 rejected (invalid_json 1)\n');
		const snapshot = snapshotOf(result.stdout);
		expect(Object.keys(snapshot).sort()).toEqual(['alerts', 'clock', 'cost', 'features', 'ingest', 'performance', 'quality', 'traces']);
		expect(snapshot.clock).toMatchObject({now_ms: FIXTURE_END_MS, tz: 'UTC', window_s: 300});
		expect(snapshot.ingest).toMatchObject({lines: 9, accepted: 8, rejected: 1, rejected_by_reason: {invalid_json: 1}});
		// A replay has no arrival rate: unknown, not 0.
		expect(snapshot.ingest.events_per_s).toBeNull();

		const perf = snapshot.performance;
		expect(perf).toMatchObject({calls: 5, errors: 1, error_rate: 0.2, errors_by_type: {timeout: 1}});
		expectWithin1Percent(perf.latency_ms.p50, 300);
		expectWithin1Percent(perf.latency_ms.avg, 300);
		expect(perf.ttft_ms).toEqual({p50: null, p95: null, samples: 0});

		const today = snapshot.cost.today;
		expect(today.date).toBe('2026-08-20');
		expect(today.cost_usd).toBeCloseTo(0.06, 10);
		expect(today).toMatchObject({calls: 5, unmetered_calls: 1, lower_bound: true});
		expect(snapshot.cost.budget).toMatchObject({daily_usd: null, used_ratio: null});
		expect(snapshot.cost.month.monthly_budget_usd).toBeNull();
		expect(snapshot.cost.days).toHaveLength(7);
		expect(snapshot.cost.unpriced_models).toEqual([{model: 'mystery-model', provider: 'acme', calls: 1}]);

		const chat = snapshot.features.find(row => row.feature === 'chat');
		expect(chat).toMatchObject({calls: 3, revenue_usd: 0.9, unpriced_calls: 1});
		expect(chat?.cost_usd).toBeCloseTo(0.03, 10);
		expect(chat?.roi).toBeCloseTo(30, 6);
		expect(snapshot.quality.by_feature.chat?.grounding).toBeCloseTo(0.7, 10);
		expect(snapshot.alerts.filter(alert => alert.state === 'firing')).toEqual([]);
		expect(snapshot.traces).toMatchObject({traces_seen: 0, spans_seen: 0, recent: []});
	});

	it('--at moves the clock: a window with no calls is null, not 0; --tz moves the day', async () => {
		// 10:06 − 5 min = 10:01: only the calls after 10:01:00 would count, and there are none after 10:00:05.
		const later = snapshotOf((await runCli(['report', '--json', '--tz', 'UTC', '--at', '2026-08-20T10:06:00Z', fixture])).stdout);
		expect(later.clock.now_ms).toBe(Date.UTC(2026, 7, 20, 10, 6));
		expect(later.performance).toMatchObject({calls: 0, errors: 0, error_rate: null, throughput_rps: null});
		expect(later.performance.latency_ms).toEqual({p50: null, p95: null, p99: null, avg: null, max: null});
		expect(later.cost.today.cost_usd).toBeCloseTo(0.06, 10);

		// 10:00 UTC is already 00:00 on the 21st at UTC+14.
		const kiritimati = snapshotOf((await runCli(['report', '--json', '--tz', 'Pacific/Kiritimati', fixture])).stdout);
		expect(kiritimati.cost.today.date).toBe('2026-08-21');
		expect(kiritimati.cost.today.calls).toBe(5);
	});

	it('reads stdin when piped, and prints the human form by default', async () => {
		const result = await runCli(['report', '--tz', 'UTC', '--budget', '1'], {input: `${FIXTURE}\n`});
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^llmmon report at 2026-08-20T10:00:08\.000/);
		expect(result.stdout).toContain('lines 9, accepted 8, rejected 1');
		// $0.06 of $1.00 = 6.0 %.
		expect(result.stdout).toContain('daily $1.00, used 6.0%');
		expect(result.stdout).toContain('mystery-model');
	});

	it('counts every OTLP export line of the real demo stream as rejected, without crashing', async () => {
		const result = await runCli(['report', '--json', '../shared/data/otel-demo-stream.ndjson']);
		expect(result.code).toBe(0);
		const {ingest} = snapshotOf(result.stdout);
		// 97 lines in the file (see /work/shared/data/README.md).
		expect(ingest).toMatchObject({lines: 97, accepted: 0, rejected: 97, rejected_by_reason: {otlp_not_supported: 97}});
		expect(ingest.lines).toBe(ingest.accepted + ingest.rejected);
	});

	it('survives binary junk, NULs, invalid UTF-8 and a line over 1 MiB', async () => {
		const random = createRandom(99);
		const junk = Buffer.alloc(64 * 1024);
		for (let i = 0; i < junk.length; i++) {
			junk[i] = Math.floor(random.next() * 256);
		}

		const long = Buffer.alloc(1024 * 1024 + 10, 0x61);
		const input = Buffer.concat([junk, Buffer.from('\n'), long, Buffer.from('\n{"type":"llm_call"\n\u0000\u0000\n')]);
		const result = await runCli(['report', '--json'], {input});
		expect(result.code).toBe(0);
		const {ingest} = snapshotOf(result.stdout);
		expect(ingest.accepted).toBe(0);
		expect(ingest.rejected).toBe(ingest.lines);
		expect(ingest.rejected_by_reason.line_too_long).toBe(1);
		expect(ingest.lines).toBeGreaterThan(3);

		const watched = await runCli(['watch'], {input});
		expect(watched.code).toBe(0);
		expect(watched.stdout).toMatch(/^final /m);
	});

	it('reports an empty input with zero counts and null statistics', async () => {
		const result = await runCli(['report', '--json', '--tz', 'UTC'], {input: ''});
		expect(result.code).toBe(0);
		const snapshot = snapshotOf(result.stdout);
		expect(snapshot.ingest).toMatchObject({lines: 0, accepted: 0, rejected: 0});
		expect(snapshot.performance).toMatchObject({calls: 0, error_rate: null, throughput_rps: null});
		expect(snapshot.performance.latency_ms.p50).toBeNull();
		expect(snapshot.cost.today.cost_usd).toBe(0);
		expect(snapshot.features).toEqual([]);
		expect(result.stderr).toBe('llmmon: 0 lines, 0 accepted, 0 rejected\n');
	});

	it('writes rejected lines to --reject-log', async () => {
		const log = path.join(temp.dir, 'rejects.ndjson');
		const result = await runCli(['report', '--json', '--reject-log', log, fixture]);
		expect(result.code).toBe(0);
		const entries = readFileSync(log, 'utf8').trim().split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({source: fixture, reason: 'invalid_json', sample: 'this is not json'});
	});
});

describe('llmmon watch without a terminal', () => {
	it('prints plain summary lines and a final summary when stdout is a pipe, then exits 0 at end of input', async () => {
		const result = await runCli(['watch', '--tz', 'UTC'], {input: `${FIXTURE}\n`});
		expect(result.code).toBe(0);
		const lines = result.stdout.trim().split('\n');
		const final = lines.at(-1) ?? '';
		// No escape codes: safe for logs.
		expect(result.stdout).not.toContain('\u001B');
		// The window is relative to the wall clock, so these 2026-08-20 calls are outside it; totals still count.
		expect(final).toMatch(/^final \d\d:\d\d:\d\d 5m: \d+ calls, .*, rejected 1 \(lines 9, accepted 8\)$/);
		expect(result.stderr).toBe('llmmon: 9 lines, 8 accepted, 1 rejected (invalid_json 1)\n');
	});
});

describe('llmmon demo', () => {
	it('pipes into report: every line accepted, 7 days of cost', async () => {
		const result = await runShell('llmmon demo --duration 1 --seed 3 --tz UTC | llmmon report --json --tz UTC', {timeoutMs: 30_000});
		expect(result.code).toBe(0);
		const snapshot = snapshotOf(result.stdout);
		expect(snapshot.ingest.rejected).toBe(0);
		expect(snapshot.ingest.accepted).toBe(snapshot.ingest.lines);
		expect(snapshot.ingest.lines).toBeGreaterThan(10_000);
		expect(snapshot.cost.days.every(day => day.calls > 0)).toBe(true);
		expect(snapshot.cost.unpriced_models.map(m => m.model)).toEqual(['acme-llama-70b-ft']);
		expect(snapshot.traces.traces_seen).toBeGreaterThan(0);
	});

	it('writes live lines at --rate, and no past days with --no-backfill', async () => {
		const result = await runCli(['demo', '--no-backfill', '--duration', '1', '--seed', '5', '--rate', '50']);
		expect(result.code).toBe(0);
		const lines = result.stdout.trim().split('\n');
		// 50 lines/s × 1 s = 50 due; the last interaction may add a few more.
		expect(lines.length).toBeGreaterThanOrEqual(50);
		expect(lines.length).toBeLessThan(65);
		const oldest = Math.min(...lines.map(line => Date.parse((JSON.parse(line) as {ts?: string; start_ts?: string}).ts ?? (JSON.parse(line) as {start_ts: string}).start_ts)));
		expect(Date.now() - oldest).toBeLessThan(120_000);
	});

	it('ends quietly when the reader goes away (demo | head)', async () => {
		const result = await runShell('llmmon demo | head -n 3', {timeoutMs: 20_000});
		expect(result.code).toBe(0);
		expect(result.stdout.trim().split('\n')).toHaveLength(3);
		expect(result.stderr).toBe('');
	});
});
