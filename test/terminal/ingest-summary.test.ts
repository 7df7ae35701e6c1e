import {describe, expect, it} from 'vitest';
import {formatIngestSummary} from '../../source/terminal/ingest-summary.js';

describe('formatIngestSummary', () => {
	it('lists rejects by reason, most frequent first', () => {
		expect(formatIngestSummary({lines: 10, accepted: 6, rejected: 4, rejected_by_reason: {'missing_field:model': 1, invalid_json: 3}})).toBe(
			'llmmon: 10 lines, 6 accepted, 4 rejected (invalid_json 3, missing_field:model 1)',
		);
	});

	it('says "1 line", not "1 lines"', () => {
		expect(formatIngestSummary({lines: 1, accepted: 1, rejected: 0, rejected_by_reason: {}})).toBe('llmmon: 1 line, 1 accepted, 0 rejected');
	});

	it('stays short when nothing was rejected and appends notes', () => {
		expect(formatIngestSummary({lines: 0, accepted: 0, rejected: 0, rejected_by_reason: {}}, ['reject log: 2 not written'])).toBe(
			'llmmon: 0 lines, 0 accepted, 0 rejected, reject log: 2 not written',
		);
	});
});
