// Messages between the main thread and the parse worker. One port carries everything, so the
// worker's replies (batches, echoed statuses) arrive in the order the main thread sent its requests.
import type {OutcomeBatch} from '../events/outcome-codec.js';
import type {IngestSourceState} from './ingest-sink.js';

export type ToWorker =
	| {readonly t: 'open'; readonly feed: number; readonly maxLineBytes: number | undefined}
	/** `arrivalMs`: when the main thread read the chunk (events without a time get it). */
	| {readonly t: 'chunk'; readonly feed: number; readonly bytes: Uint8Array; readonly arrivalMs: number}
	| {readonly t: 'end'; readonly feed: number; readonly arrivalMs: number}
	| {readonly t: 'reset'; readonly feed: number}
	| {readonly t: 'status'; readonly feed: number; readonly state: IngestSourceState; readonly detail: string | undefined};

export type FromWorker =
	/** The outcomes of one chunk (or of an end), and how many bytes that chunk had. */
	| {readonly t: 'batch'; readonly feed: number; readonly bytes: number; readonly batch: OutcomeBatch}
	| {readonly t: 'status'; readonly feed: number; readonly state: IngestSourceState; readonly detail: string | undefined};
