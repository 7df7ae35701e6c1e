// `llmmon watch`: Monitor + sources + either the Ink dashboard (stdout is a terminal) or the plain
// reporter (a pipe, a file, --plain). Resolves with the exit status once everything is shut down.
import {Monitor} from '../domain/monitor.js';
import type {MonitorConfig} from '../domain/monitor-config.js';
import type {SourceStatus} from '../domain/snapshot-types.js';
import {createParsePool} from '../ingest/parse-pool.js';
import {createRejectLog, type RejectLog} from '../ingest/reject-log.js';
import {createMonitorStore} from '../store/create-monitor-store.js';
import {createFrameTicker, type FrameTicker} from '../store/frame-ticker.js';
import {formatIngestSummary} from '../terminal/ingest-summary.js';
import {openKeyboardInput} from '../terminal/keyboard-input.js';
import {createLifecycle, handleSignals, type Lifecycle} from '../terminal/lifecycle.js';
import {resolveMode} from '../terminal/mode.js';
import {createPlainReporter} from '../terminal/plain-reporter.js';
import {createEndTracker, createMonitorSink} from './monitor-sink.js';
import type {Settings} from './resolve-config.js';
import {createSources, type RunningSource} from './sources.js';

export type WatchIo = {
	readonly stdin: NodeJS.ReadStream;
	readonly stdout: NodeJS.WriteStream;
	readonly stderr: NodeJS.WritableStream;
	readonly now: () => number;
};

/** Safety net: if a handle still holds the loop this long after shutdown, exit anyway. */
const FORCE_EXIT_AFTER_MS = 3000;

async function stopAll(sources: readonly RunningSource[]): Promise<void> {
	await Promise.allSettled(sources.map(async source => source.stop()));
}

function exitSummary(monitor: Monitor, now: () => number, rejectLog: RejectLog | null): string {
	const notes: string[] = [];
	if (rejectLog && rejectLog.dropped > 0) {
		notes.push(`reject log: ${rejectLog.dropped} not written${rejectLog.error ? ` (${rejectLog.error})` : ''}`);
	}

	try {
		return formatIngestSummary(monitor.snapshot(now()).ingest, notes);
	} catch {
		return `llmmon: ${monitor.lines} lines, ${monitor.accepted} accepted, ${monitor.lines - monitor.accepted} rejected`;
	}
}

/**
 * The clock the screen is drawn at. Live inputs (stdin, --follow, the demo) use the wall clock. A
 * recording (only files, read once) is shown as it stood at its latest event, as `report` does:
 * on the wall clock its windows would be empty and its day long gone.
 */
export function viewClock(settings: Pick<Settings, 'files' | 'follow' | 'readStdin' | 'demo'>, monitor: Pick<Monitor, 'latestEventTs'>, wall: () => number): () => number {
	const replay = settings.files.length > 0 && !settings.files.includes('-') && !settings.follow && !settings.readStdin && !settings.demo;
	return replay ? () => monitor.latestEventTs ?? wall() : wall;
}

/** A closed stdout (`llmmon watch | head`) ends the run quietly instead of crashing on EPIPE. */
function onStdoutError(stdout: NodeJS.WriteStream, lifecycle: Lifecycle): void {
	stdout.on('error', () => {
		void lifecycle.shutdown(0);
	});
}

export async function runWatch(settings: Settings, config: MonitorConfig, io: WatchIo): Promise<number> {
	const monitor = new Monitor(config);
	const rejectLog = settings.rejectLog ? createRejectLog(settings.rejectLog) : null;
	const lifecycle = createLifecycle({forceExitAfterMs: FORCE_EXIT_AFTER_MS});
	const removeSignals = handleSignals(lifecycle);
	onStdoutError(io.stdout, lifecycle);
	const mode = resolveMode({stdoutIsTty: io.stdout.isTTY === true, plain: settings.plain});
	const viewNow = viewClock(settings, monitor, io.now);

	let ticker: FrameTicker | undefined;
	let onAllEnded = (): void => {};
	let endTracker: (status: SourceStatus) => void = () => {};
	const sink = createMonitorSink({
		monitor,
		now: io.now,
		rejectLog,
		afterChunk: () => ticker?.maybeTick(),
		onStatus: status => endTracker(status),
	});
	const pool = settings.singleThread ? undefined : createParsePool();
	const sources = createSources(settings, {stdin: io.stdin, sink, now: io.now, ...(pool ? {feeds: pool.feeds} : {})});
	endTracker = createEndTracker(sources.length, () => onAllEnded());

	if (mode === 'tui') {
		const keyboard = openKeyboardInput({stdin: io.stdin, stdinIsSource: settings.readStdin});
		const store = createMonitorStore({windowS: settings.windowS, keys: keyboard.keys});
		ticker = createFrameTicker({source: monitor, store, now: viewNow, pace: io.now});
		// Ink (and React) load only for the dashboard: plain mode never pays for them.
		const {renderDashboard} = await import('../ui/render-dashboard.js');
		const dashboard = renderDashboard({store, stdin: keyboard.stream, stdout: io.stdout, onQuit: () => void lifecycle.shutdown(0)});
		const activeTicker = ticker;
		// Ink first, so the terminal is restored before anything else runs or prints.
		lifecycle.add('unmount dashboard', () => dashboard.unmount());
		lifecycle.add('stop ticker', () => activeTicker.stop());
		lifecycle.add('stop sources', () => stopAll(sources));
		lifecycle.add('stop parse worker', () => pool?.close());
		lifecycle.add('close reject log', () => rejectLog?.close());
		lifecycle.add('release keys', () => keyboard.dispose());
		lifecycle.add('remove signal handlers', removeSignals);
		lifecycle.add('summary', () => {
			io.stderr.write(`${exitSummary(monitor, io.now, rejectLog)}\n`);
		});
		// End of input keeps the dashboard up: the header shows "source ended" and q quits.
		ticker.start();
	} else {
		const reporter = createPlainReporter({
			source: monitor,
			now: viewNow,
			windowS: settings.windowS,
			write: line => {
				io.stdout.write(`${line}\n`);
			},
		});
		onAllEnded = () => void lifecycle.shutdown(0);
		lifecycle.add('stop sources', () => stopAll(sources));
		lifecycle.add('stop parse worker', () => pool?.close());
		lifecycle.add('final summary', () => reporter.finish());
		lifecycle.add('close reject log', () => rejectLog?.close());
		lifecycle.add('remove signal handlers', removeSignals);
		lifecycle.add('summary', () => {
			io.stderr.write(`${exitSummary(monitor, io.now, rejectLog)}\n`);
		});
		reporter.start();
	}

	for (const source of sources) {
		source.start();
	}

	return lifecycle.done;
}
