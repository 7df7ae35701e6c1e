// `llmmon report`: read every input to its end, then print one snapshot taken at the latest event
// time (or --at). `--json` prints the MonitorSnapshot as is: that object is the stable interface.
import {Monitor} from '../domain/monitor.js';
import type {MonitorConfig} from '../domain/monitor-config.js';
import type {MonitorSnapshot, SourceStatus} from '../domain/snapshot-types.js';
import {createParsePool} from '../ingest/parse-pool.js';
import {createRejectLog} from '../ingest/reject-log.js';
import {formatIngestSummary} from '../terminal/ingest-summary.js';
import {formatReport} from '../terminal/report-format.js';
import {createEndTracker, createMonitorSink} from './monitor-sink.js';
import type {Settings} from './resolve-config.js';
import {createSources} from './sources.js';

export type ReportIo = {
	readonly stdin: NodeJS.ReadStream;
	readonly stdout: NodeJS.WritableStream;
	readonly stderr: NodeJS.WritableStream;
	readonly now: () => number;
};

const ALERT_STEP_MS = 1000;

/** Runs the sources to their end and returns the Monitor and the sources that failed. */
async function readAll(settings: Settings, monitor: Monitor, io: ReportIo): Promise<SourceStatus[]> {
	const rejectLog = settings.rejectLog ? createRejectLog(settings.rejectLog) : null;
	const failed: SourceStatus[] = [];
	let endTracker: (status: SourceStatus) => void = () => {};
	// Alerts need evaluations over time to go from pending to firing: evaluate them as the recording
	// is read, after each chunk (at most once per second of event time), as a dashboard would have.
	// A per-line schedule would cost a snapshot per second of event time: minutes for a week of data.
	let evaluatedAt = Number.NEGATIVE_INFINITY;
	const sink = createMonitorSink({
		monitor,
		now: io.now,
		rejectLog,
		afterChunk: () => {
			const latest = monitor.latestEventTs;
			if (latest !== null && latest - evaluatedAt >= ALERT_STEP_MS) {
				evaluatedAt = latest;
				monitor.evaluateAlerts(latest);
			}
		},
		onStatus: status => {
			if (status.state === 'error') {
				failed.push(status);
			}

			endTracker(status);
		},
	});
	const pool = settings.singleThread ? undefined : createParsePool();
	const sources = createSources(settings, {stdin: io.stdin, sink, now: io.now, ...(pool ? {feeds: pool.feeds} : {})});
	await new Promise<void>(resolve => {
		endTracker = createEndTracker(sources.length, resolve);
		if (sources.length === 0) {
			resolve();
		}

		for (const source of sources) {
			source.start();
		}
	});
	await Promise.allSettled(sources.map(async source => source.stop()));
	await pool?.close();
	await rejectLog?.close();
	return failed;
}

export async function runReport(settings: Settings, config: MonitorConfig, io: ReportIo): Promise<number> {
	const monitor = new Monitor(config);
	const failed = await readAll(settings, monitor, io);
	const at = settings.atMs ?? monitor.latestEventTs ?? io.now();
	let snapshot: MonitorSnapshot;
	try {
		const taken = monitor.snapshot(at, settings.windowS);
		// The lines of a report arrive all at once, on the wall clock rather than the report's clock:
		// an arrival rate would be a meaningless number, so it is unknown.
		snapshot = {...taken, ingest: {...taken.ingest, events_per_s: null}};
	} catch (error) {
		io.stderr.write(`llmmon: could not build the report: ${error instanceof Error ? error.message : String(error)}\n`);
		return 1;
	}

	// A reader that goes away (`report | head`) is not an error.
	io.stdout.on('error', () => {});
	io.stdout.write(settings.json ? `${JSON.stringify(snapshot, null, 2)}\n` : formatReport(snapshot));
	io.stderr.write(`${formatIngestSummary(snapshot.ingest)}\n`);
	for (const status of failed) {
		io.stderr.write(`llmmon: ${status.name}: ${status.detail ?? 'read error'}\n`);
	}

	return failed.length > 0 ? 1 : 0;
}
