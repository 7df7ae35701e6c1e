// The no-Ink output for pipes, logs and CI: one summary line every 2 s and a final one at the end.
// Plain text only (no escape codes), so it is safe to redirect to a file.
import type {MonitorSnapshot} from '../domain/snapshot-types.js';
import {formatClock, formatCount, formatMs, formatPercent, formatUsd, formatWindow} from '../ui/format.js';

export type SnapshotTaker = {snapshot(now: number, windowS?: number): MonitorSnapshot};

export type PlainReporterOptions = {
	readonly source: SnapshotTaker;
	readonly now: () => number;
	readonly write: (line: string) => void;
	readonly windowS: number;
	readonly intervalMs?: number;
};

export type PlainReporter = {
	start(): void;
	stop(): void;
	/** Stops the timer and writes the final summary (once). */
	finish(): void;
	/** Snapshots that threw; the line is skipped rather than crashing the process. */
	readonly failures: number;
};

export const PLAIN_INTERVAL_MS = 2000;

/** `10:15:02 5m: 1.2k calls, err 1.4%, p50 640ms p95 2.10s p99 4.30s, today $12.34, rejected 3` */
export function formatPlainLine(snapshot: MonitorSnapshot): string {
	const perf = snapshot.performance;
	const today = snapshot.cost.today;
	const spend = `${formatUsd(today.cost_usd)}${today.lower_bound ? '+' : ''}`;
	return [
		`${formatClock(snapshot.clock.now)} ${formatWindow(snapshot.clock.window_s)}: ${formatCount(perf.calls)} calls`,
		`err ${formatPercent(perf.error_rate)}`,
		`p50 ${formatMs(perf.latency_ms.p50)} p95 ${formatMs(perf.latency_ms.p95)} p99 ${formatMs(perf.latency_ms.p99)}`,
		`today ${spend}`,
		`rejected ${formatCount(snapshot.ingest.rejected)}`,
	].join(', ');
}

/** The end-of-input summary: the last window line plus the totals read. */
export function formatFinalSummary(snapshot: MonitorSnapshot): string {
	const ingest = snapshot.ingest;
	return `final ${formatPlainLine(snapshot)} (lines ${ingest.lines}, accepted ${ingest.accepted})`;
}

export function createPlainReporter(options: PlainReporterOptions): PlainReporter {
	const intervalMs = options.intervalMs ?? PLAIN_INTERVAL_MS;
	let timer: ReturnType<typeof setInterval> | undefined;
	let finished = false;
	let failures = 0;

	const take = (): MonitorSnapshot | null => {
		try {
			return options.source.snapshot(options.now(), options.windowS);
		} catch {
			failures++;
			return null;
		}
	};

	const stop = (): void => {
		if (timer !== undefined) {
			clearInterval(timer);
			timer = undefined;
		}
	};

	return {
		start() {
			if (timer !== undefined || finished) {
				return;
			}

			timer = setInterval(() => {
				const snapshot = take();
				if (snapshot) {
					options.write(formatPlainLine(snapshot));
				}
			}, intervalMs);
		},
		stop,
		finish() {
			stop();
			if (finished) {
				return;
			}

			finished = true;
			const snapshot = take();
			if (snapshot) {
				options.write(formatFinalSummary(snapshot));
			}
		},
		get failures() {
			return failures;
		},
	};
}
