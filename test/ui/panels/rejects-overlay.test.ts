import {describe, expect, it} from 'vitest';
import {reasonsLine, rejectRows} from '../../../source/ui/panels/rejects-overlay.js';
import {fullSnapshot} from '../../helpers/snapshot-fixture.js';

describe('rejects overlay rows', () => {
	it('lists rejects newest first with the reason code, and the hint in front of the line', () => {
		const base = fullSnapshot().ingest;
		const ingest = {
			...base,
			recent_rejects: [
				{at: 1000, source: 'stdin', reason: 'invalid_json', sample: 'nope'},
				{at: 2000, source: 'stdin', reason: 'implausible_timestamp', sample: '{"ts":1796300000}', hint: 'looks like epoch seconds'},
			],
		};
		const rows = rejectRows(ingest, 3000);
		expect(rows.map(row => row.cells['reason'])).toEqual([
			{text: 'implausible_timestamp', tone: 'warn'},
			{text: 'invalid_json', tone: 'warn'},
		]);
		expect(rows.map(row => row.cells['sample'])).toEqual(['(looks like epoch seconds) {"ts":1796300000}', 'nope']);
	});

	it('keeps the reading order for lines read in the same millisecond (one chunk)', () => {
		const base = fullSnapshot().ingest;
		const samples = ['first', 'second', 'third'].map(sample => ({at: 5000, source: 'f', reason: 'invalid_json', sample}));
		const rows = rejectRows({...base, recent_rejects: samples}, 6000);
		expect(rows.map(row => row.cells['sample'])).toEqual(['third', 'second', 'first']);
	});

	it('sums reasons most frequent first', () => {
		expect(reasonsLine({invalid_json: 2, 'missing_field:model': 5})).toBe('missing_field:model 5 · invalid_json 2');
	});
});
