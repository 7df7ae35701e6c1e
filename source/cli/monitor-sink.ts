// The one sink every source writes to: lines into the Monitor (with their arrival time), rejects into
// the --reject-log file, and source states into the Monitor and the caller (to notice end of input).
import type {Monitor} from '../domain/monitor.js';
import type {SourceStatus} from '../domain/snapshot-types.js';
import type {IngestSink} from '../ingest/ingest-sink.js';
import type {RejectLog} from '../ingest/reject-log.js';

export type MonitorSinkOptions = {
	readonly monitor: Pick<Monitor, 'accept' | 'setSourceStatus'>;
	readonly now: () => number;
	readonly rejectLog: RejectLog | null;
	readonly afterChunk?: () => void;
	readonly onStatus?: (status: SourceStatus) => void;
};

export function createMonitorSink(options: MonitorSinkOptions): IngestSink {
	const {monitor, now, rejectLog} = options;
	return {
		accept(outcome, source, raw) {
			const arrival = now();
			const rejection = monitor.accept(outcome, source, raw, arrival);
			// Every rejection, including duplicates found by the Monitor, goes to the log.
			if (rejection !== null && rejectLog) {
				rejectLog.write({ts: arrival, source, reason: rejection.reason, sample: raw, ...(rejection.hint === undefined ? {} : {hint: rejection.hint})});
			}
		},
		sourceStatus(status) {
			monitor.setSourceStatus(status);
			options.onStatus?.(status);
		},
		afterChunk() {
			options.afterChunk?.();
		},
	};
}

/** Tracks source states and calls `onAllEnded` once every expected source has ended or failed. */
export function createEndTracker(expected: number, onAllEnded: () => void): (status: SourceStatus) => void {
	const finished = new Set<string>();
	let fired = false;
	return status => {
		if (status.state === 'ended' || status.state === 'error') {
			finished.add(status.name);
		} else {
			finished.delete(status.name);
		}

		if (!fired && expected > 0 && finished.size >= expected) {
			fired = true;
			onAllEnded();
		}
	};
}
