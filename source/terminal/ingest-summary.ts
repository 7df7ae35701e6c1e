// The one line written to stderr at exit, so a pipeline's log shows what was read and dropped.
import type {IngestSnapshot} from '../domain/snapshot-types.js';

/** `llmmon: 1200 lines, 1190 accepted, 10 rejected (invalid_json 7, missing_field:model 3)` */
export function formatIngestSummary(
	ingest: Pick<IngestSnapshot, 'lines' | 'accepted' | 'rejected' | 'rejected_by_reason'>,
	notes: readonly string[] = [],
): string {
	const reasons = Object.entries(ingest.rejected_by_reason)
		.filter(([, count]) => count > 0)
		.sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
		.map(([reason, count]) => `${reason} ${count}`);
	const rejected = reasons.length > 0 ? `${ingest.rejected} rejected (${reasons.join(', ')})` : `${ingest.rejected} rejected`;
	const parts = [`${ingest.lines} ${ingest.lines === 1 ? 'line' : 'lines'}`, `${ingest.accepted} accepted`, rejected, ...notes];
	return `llmmon: ${parts.join(', ')}`;
}
