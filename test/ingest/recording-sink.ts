import type {ParseOutcome} from '../../source/events/types.js';
import type {IngestSink, IngestSourceStatus} from '../../source/ingest/ingest-sink.js';

export type RecordingSink = IngestSink & {
	readonly accepted: Array<{outcome: ParseOutcome; source: string; raw: string}>;
	readonly statuses: IngestSourceStatus[];
	readonly chunks: number;
	/** Reasons of rejected lines, in order. */
	reasons(): string[];
	/** Raw text of accepted lines, in order. */
	okRaw(): string[];
	lastState(): string | undefined;
};

export function recordingSink(): RecordingSink {
	const accepted: Array<{outcome: ParseOutcome; source: string; raw: string}> = [];
	const statuses: IngestSourceStatus[] = [];
	let chunks = 0;
	return {
		accepted,
		statuses,
		get chunks() {
			return chunks;
		},
		accept(outcome, source, raw) {
			accepted.push({outcome, source, raw});
		},
		sourceStatus(status) {
			statuses.push(status);
		},
		afterChunk() {
			chunks++;
		},
		reasons() {
			return accepted.flatMap(a => (a.outcome.ok ? [] : [a.outcome.reason]));
		},
		okRaw() {
			return accepted.flatMap(a => (a.outcome.ok ? [a.raw] : []));
		},
		lastState() {
			return statuses.at(-1)?.state;
		},
	};
}

/** Resolves when `check` holds, polling every few ms; fails after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
	const start = Date.now();
	while (!check()) {
		if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for condition');
		await new Promise(resolve => setTimeout(resolve, 5));
	}
}
