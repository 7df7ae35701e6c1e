import type {ParseOutcome} from '../events/types.js';

export type IngestSourceState = 'starting' | 'reading' | 'following' | 'ended' | 'error';

export type IngestSourceStatus = {
	readonly name: string;
	readonly state: IngestSourceState;
	readonly detail?: string;
};

/** Where every source delivers its lines. The composition root wires it to the Monitor and the frame ticker. */
export type IngestSink = {
	/** One non-blank line (or an over-long one, as a `line_too_long` rejection), with its raw text for reject samples. */
	accept(outcome: ParseOutcome, source: string, raw: string): void;
	sourceStatus(status: IngestSourceStatus): void;
	/** Called after each chunk so the frame ticker can publish on time even while ingest is saturated. */
	afterChunk(): void;
};
