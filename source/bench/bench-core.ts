// The measurements behind run-bench.ts. Kept apart so nothing React-related is imported before
// NODE_ENV is set.
import process from 'node:process';
import {Monitor} from '../domain/monitor.js';
import {DEFAULT_ALERT_THRESHOLDS, type MonitorConfig} from '../domain/monitor-config.js';
import {bundledPriceTable} from '../domain/pricing/bundled-prices.js';
import {createCostResolver} from '../domain/pricing/compute-cost.js';
import type {ByteFeed} from '../ingest/byte-feed.js';
import type {IngestSink} from '../ingest/ingest-sink.js';
import {LineFeed} from '../ingest/line-feed.js';
import {createParsePool, type ParsePool} from '../ingest/parse-pool.js';
import {createMonitorStore} from '../store/create-monitor-store.js';
import {createFrameTicker} from '../store/frame-ticker.js';
import {MAX_SPANS, MAX_TRACES} from '../cli/build-monitor-config.js';
import {generateBenchInput, type BenchInput} from './bench-input.js';
import {createFakeTty} from './fake-tty.js';
import {renderTable} from '../terminal/text-table.js';

export type BenchOptions = {
	readonly lines: number;
	readonly totalEvents: number;
	readonly cpus: number;
	/** (b) stops early after this many seconds, so the bench stays short even on a slow build. */
	readonly maxSeconds: number;
};

/** (c) reads at least this many events (passes over the input), so it is not over in a blink. */
const HEADLESS_EVENTS = 500_000;
/** stdin delivers 64 KiB chunks from a pipe; the bench feeds the same size. */
const CHUNK_BYTES = 64 * 1024;
const MB = 1024 * 1024;

type Measured = {
	readonly events: number;
	readonly seconds: number;
	/** Set when a run meant for the parse worker parsed in this thread instead. */
	readonly workerFailure?: string | undefined;
};

function gc(): void {
	(globalThis as {gc?: () => void}).gc?.();
}

/** (a) The ceiling: split on '\n', JSON.parse, read one field. */
function bareParse(input: BenchInput, passes: number): Measured {
	const {buffer} = input;
	let events = 0;
	let sink = 0;
	const start = process.hrtime.bigint();
	for (let pass = 0; pass < passes; pass++) {
		let from = 0;
		for (let newline = buffer.indexOf(10, from); newline !== -1; newline = buffer.indexOf(10, from)) {
			if (newline > from) {
				const value = JSON.parse(buffer.toString('utf8', from, newline)) as {type?: unknown};
				sink += value.type === 'llm_call' ? 1 : 0;
				events++;
			}

			from = newline + 1;
		}
	}

	const seconds = Number(process.hrtime.bigint() - start) / 1e9;
	// Keeps the parse from being optimised away.
	if (sink < 0) {
		console.log(sink);
	}

	return {events, seconds};
}

function monitorConfig(): MonitorConfig {
	return {
		tz: 'UTC',
		dayStartMinutes: 0,
		windowS: 300,
		dailyBudgetUsd: 50,
		monthlyBudgetUsd: 1500,
		alerts: DEFAULT_ALERT_THRESHOLDS,
		costResolver: createCostResolver({table: bundledPriceTable()}),
		maxTraces: MAX_TRACES,
		maxSpans: MAX_SPANS,
	};
}

/** Where a run parses: in this thread, or in the parse worker (one pool, kept warm across runs like a long-lived watch). */
type FeedKind = 'thread' | ParsePool;

/**
 * A Monitor fed the way `llmmon watch` feeds it: through a LineFeed in this thread, or through the
 * parse worker. `drained()` resolves once every pushed line has reached the Monitor.
 */
function monitorFeed(kind: FeedKind, monitor: Monitor, afterChunk: () => void) {
	let ended: (() => void) | undefined;
	const sink: IngestSink = {
		accept(outcome, source, raw) {
			monitor.accept(outcome, source, raw, Date.now());
		},
		sourceStatus(status) {
			monitor.setSourceStatus(status);
			if (status.state === 'ended') ended?.();
		},
		afterChunk,
	};
	const pool = kind === 'thread' ? undefined : kind;
	const feed: ByteFeed = pool ? pool.feeds('bench', sink, Date.now, undefined) : new LineFeed('bench', sink, Date.now, undefined);
	return {
		feed,
		/** Ends the stream, waits until the Monitor has seen all of it, and says why the worker was not used, if it was not. */
		async drained(): Promise<string | undefined> {
			const done = new Promise<void>(resolve => {
				ended = resolve;
			});
			feed.end();
			feed.status('ended');
			await done;
			return pool?.failure;
		},
	};
}

/** Pushes the input in stdin-sized chunks, one per event-loop turn (or fewer while the worker catches up). */
async function pushInput(feed: ByteFeed, input: BenchInput, passes: number, deadline: bigint, afterEach?: () => void): Promise<void> {
	for (let pass = 0; pass < passes && process.hrtime.bigint() < deadline; pass++) {
		for (let offset = 0; offset < input.buffer.length && process.hrtime.bigint() < deadline; offset += CHUNK_BYTES) {
			feed.push(input.buffer.subarray(offset, Math.min(input.buffer.length, offset + CHUNK_BYTES)));
			// Like stdin: timers, React and Ink get their turn between chunks.
			await feed.room();
			afterEach?.();
		}
	}
}

/** (c), (d) The same ingest without any UI: separates tracker cost from rendering cost. */
async function headlessIngest(kind: FeedKind, input: BenchInput, minEvents: number, maxSeconds: number): Promise<Measured> {
	const monitor = new Monitor(monitorConfig());
	const {feed, drained} = monitorFeed(kind, monitor, () => {});
	const start = process.hrtime.bigint();
	const deadline = start + BigInt(Math.round(maxSeconds * 1e9));
	await pushInput(feed, input, Math.max(1, Math.ceil(minEvents / input.lines)), deadline);
	const workerFailure = await drained();
	return {events: monitor.lines, seconds: Number(process.hrtime.bigint() - start) / 1e9, workerFailure};
}

type FullRun = Measured & {
	readonly fps: number;
	readonly frames: number;
	readonly rssMb: number;
	readonly heapMb: number;
	readonly heapTotalMb: number;
	readonly externalMb: number;
	/** Heap used after a GC and RSS once 1 M events were read, to show what the remaining ones add. */
	readonly earlyHeapMb: number | null;
	readonly earlyRssMb: number | null;
	readonly tickerFailures: number;
};

/** The event count at which (b) samples memory once, for comparison with its end. */
const EARLY_MEMORY_EVENTS = 1_000_000;

/** (b) llmmon as `watch` runs it: parse worker + Monitor, with the real dashboard at 10 fps on a fake 160×50 terminal. */
async function fullIngest(pool: ParsePool, input: BenchInput, totalEvents: number, maxSeconds: number): Promise<FullRun> {
	const {renderDashboard} = await import('../ui/render-dashboard.js');
	const monitor = new Monitor(monitorConfig());
	const tty = createFakeTty(160, 50);
	const store = createMonitorStore({windowS: 300, keys: {available: false, detail: 'bench'}});
	const ticker = createFrameTicker({source: monitor, store, now: Date.now, intervalMs: 100});
	const dashboard = renderDashboard({store, stdin: tty.stdin, stdout: tty.stdout, onQuit() {}});
	const {feed, drained} = monitorFeed(pool, monitor, () => {
		ticker.maybeTick();
	});
	// Mount and a first frame happen before the clock starts, as a user would see them.
	ticker.start();
	await new Promise(resolve => setTimeout(resolve, 200));
	const framesBefore = tty.frames();
	const start = process.hrtime.bigint();
	const passes = Math.max(1, Math.ceil(totalEvents / input.lines));
	const deadline = start + BigInt(Math.round(maxSeconds * 1e9));
	let earlyHeapMb: number | null = null;
	let earlyRssMb: number | null = null;
	await pushInput(feed, input, passes, deadline, () => {
		if (earlyHeapMb === null && monitor.lines >= EARLY_MEMORY_EVENTS && totalEvents > EARLY_MEMORY_EVENTS) {
			// One forced GC (tens of ms) in a run of many seconds.
			gc();
			const memory = process.memoryUsage();
			earlyHeapMb = memory.heapUsed / MB;
			earlyRssMb = memory.rss / MB;
		}
	});
	const workerFailure = await drained();
	const seconds = Number(process.hrtime.bigint() - start) / 1e9;
	const frames = tty.frames() - framesBefore;
	ticker.stop();
	dashboard.unmount();
	await dashboard.waitUntilExit();
	gc();
	const memory = process.memoryUsage();
	return {
		events: monitor.lines,
		seconds,
		frames,
		fps: frames / seconds,
		rssMb: memory.rss / MB,
		heapMb: memory.heapUsed / MB,
		heapTotalMb: memory.heapTotal / MB,
		externalMb: memory.arrayBuffers / MB,
		earlyHeapMb,
		earlyRssMb,
		tickerFailures: ticker.failures,
		workerFailure,
	};
}

/** Runs `work` and adds the CPU time it used per second of wall time: 1.0 is one busy core. */
async function timed<T extends Measured>(work: () => Promise<T>): Promise<T & {readonly cores: number}> {
	const cpuBefore = process.cpuUsage();
	const wallBefore = process.hrtime.bigint();
	const result = await work();
	const cpu = process.cpuUsage(cpuBefore);
	const wallUs = Number(process.hrtime.bigint() - wallBefore) / 1000;
	return {...result, cores: (cpu.user + cpu.system) / wallUs};
}

function int(value: number): string {
	return Math.round(value).toLocaleString('en-US');
}

export async function runBench(options: BenchOptions): Promise<void> {
	const started = Date.now();
	const input = generateBenchInput(options.lines, Date.now());
	const mb = input.buffer.length / MB;
	const mix = Object.entries(input.byType)
		.sort(([, a], [, b]) => b - a)
		.map(([type, count]) => `${type} ${Math.round((count / input.lines) * 100)}%`)
		.join(', ');
	console.log(`llmmon bench: Node ${process.version}, ${options.cpus} CPUs, NODE_ENV=${process.env.NODE_ENV ?? ''}${(globalThis as {gc?: unknown}).gc ? '' : ' (no --expose-gc: memory is before GC)'}`);
	console.log(`input: ${int(input.lines)} seeded demo lines, ${mb.toFixed(1)} MB (${Math.round(input.buffer.length / input.lines)} B/line; ${mix})`);

	// Warm up every path's JIT on a pass, then measure; the ceiling is taken before and after (b) and averaged.
	bareParse(input, 1);
	await headlessIngest('thread', input, input.lines, Math.min(30, options.maxSeconds));
	const pool = createParsePool();
	await headlessIngest(pool, input, input.lines, Math.min(30, options.maxSeconds));
	gc();
	const bareBefore = bareParse(input, 2);
	gc();
	const headless = await timed(async () => headlessIngest('thread', input, HEADLESS_EVENTS, Math.min(30, options.maxSeconds)));
	gc();
	const headlessWorker = await timed(async () => headlessIngest(pool, input, HEADLESS_EVENTS, Math.min(30, options.maxSeconds)));
	gc();
	const full = await timed(async () => fullIngest(pool, input, options.totalEvents, options.maxSeconds));
	await pool.close();
	gc();
	const bareAfter = bareParse(input, 2);
	const bareRate = (bareBefore.events + bareAfter.events) / (bareBefore.seconds + bareAfter.seconds);
	const rate = (run: Measured): number => run.events / run.seconds;
	const bytesPerEvent = input.buffer.length / input.lines;
	const row = (label: string, run: Measured & {readonly cores?: number}) => [
		label,
		int(rate(run)),
		((rate(run) * bytesPerEvent) / MB).toFixed(1),
		`${run.seconds.toFixed(1)} s`,
		run.cores === undefined ? '1.0' : run.cores.toFixed(1),
	];

	const rows = [
		row('(a) bare split + JSON.parse', {events: bareBefore.events + bareAfter.events, seconds: bareBefore.seconds + bareAfter.seconds}),
		row('(b) llmmon ingest + dashboard 10 fps', full),
		row('(c) llmmon ingest, one thread, no UI', headless),
		row('(d) llmmon ingest, parse worker, no UI', headlessWorker),
	];
	console.log('');
	for (const line of renderTable(['', 'events/s', 'MB/s', 'time', 'cores'], rows, ['left', 'right', 'right', 'right', 'right'])) {
		console.log(line);
	}

	for (const [label, run] of [['(b)', full], ['(d)', headlessWorker]] as const) {
		if (run.workerFailure !== undefined) console.log(`${label} parsed in the main thread: ${run.workerFailure}`);
	}

	const ratio = rate(full) / bareRate;
	console.log('');
	console.log(`ratio (b)/(a)        ${ratio.toFixed(2)}  (goal ≥ 0.45) ${ratio >= 0.45 ? 'ok' : 'BELOW GOAL'}`);
	console.log(`headless (c)/(a)     ${(rate(headless) / bareRate).toFixed(2)}  one thread (performance.md's goal ≥ 0.55 assumed one thread)`);
	console.log(`headless (d)/(a)     ${(rate(headlessWorker) / bareRate).toFixed(2)}  with the parse worker`);
	console.log(`frames delivered     ${full.fps.toFixed(1)} fps, ${full.frames} frames while ingesting  (goal ≥ 9.5) ${full.fps >= 9.5 ? 'ok' : 'BELOW GOAL'}`);
	if (full.events < options.totalEvents) {
		console.log(`(b) stopped at the ${options.maxSeconds} s time budget, before ${int(options.totalEvents)} events`);
	}

	console.log(`after ${int(full.events)} events: RSS ${full.rssMb.toFixed(0)} MB, heap ${full.heapMb.toFixed(0)} MB used of ${full.heapTotalMb.toFixed(0)} MB, buffers ${full.externalMb.toFixed(0)} MB (the ${mb.toFixed(0)} MB input is among them)`);
	if (full.earlyHeapMb !== null && full.earlyRssMb !== null) {
		console.log(`memory from ${int(EARLY_MEMORY_EVENTS)} to ${int(full.events)} events: heap used after GC ${full.earlyHeapMb.toFixed(0)} → ${full.heapMb.toFixed(0)} MB, RSS ${full.earlyRssMb.toFixed(0)} → ${full.rssMb.toFixed(0)} MB (goal: RSS ≤ 256 MB, flat)`);
	}
	if (full.tickerFailures > 0) {
		console.log(`snapshots that failed: ${full.tickerFailures}`);
	}

	console.log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
