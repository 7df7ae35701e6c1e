import {describe, it, expect} from 'vitest';
import {IngestStats} from '../../source/domain/ingest-stats.js';

describe('IngestStats', () => {
	it('starts empty with a null rate', () => {
		expect(new IngestStats().snapshot(1_000)).toEqual({
			lines: 0,
			accepted: 0,
			rejected: 0,
			rejected_by_reason: {},
			warnings_by_reason: {},
			by_type: {},
			events_per_s: null,
			recent_rejects: [],
			sources: [],
		});
	});

	it('counts lines as accepted + rejected, by type, reason and warning', () => {
		const stats = new IngestStats();
		stats.accepted('llm_call', [], 1_000);
		stats.accepted('llm_call', ['unknown_field:foo', 'clock_skew'], 1_100);
		stats.accepted('score', ['unknown_field:foo'], 1_200);
		stats.rejected('invalid_json', 'stdin', '{oops', 1_300);
		stats.rejected('missing_field:model', 'stdin', '{"type":"llm_call"}', 1_400);
		stats.rejected('invalid_json', 'ws://host', 'nope', 1_500);
		const snapshot = stats.snapshot(2_000);
		expect(snapshot.lines).toBe(6);
		expect(snapshot.accepted).toBe(3);
		expect(snapshot.rejected).toBe(3);
		expect(snapshot.by_type).toEqual({llm_call: 2, score: 1});
		expect(snapshot.warnings_by_reason).toEqual({'unknown_field:foo': 2, clock_skew: 1});
		expect(snapshot.rejected_by_reason).toEqual({invalid_json: 2, 'missing_field:model': 1});
		expect(snapshot.recent_rejects.map(sample => [sample.at, sample.source, sample.reason, sample.sample])).toEqual([
			[1_300, 'stdin', 'invalid_json', '{oops'],
			[1_400, 'stdin', 'missing_field:model', '{"type":"llm_call"}'],
			[1_500, 'ws://host', 'invalid_json', 'nope'],
		]);
	});

	it('folds reason keys beyond the cap into (other)', () => {
		const stats = new IngestStats({maxKeys: 200});
		for (let index = 0; index < 1_000; index++) stats.accepted('llm_call', [`unknown_field:x${index}`], index);
		const warnings = stats.snapshot(1_000).warnings_by_reason;
		expect(Object.keys(warnings)).toHaveLength(201);
		expect(warnings['(other)']).toBe(800); // 1000 − 200 distinct keys kept
		expect(stats.foldedKeys).toBe(800);
	});

	it('keeps the last 50 rejects, with 200 sanitised characters of the line', () => {
		const stats = new IngestStats();
		for (let index = 0; index < 60; index++) stats.rejected('invalid_json', 'stdin', `line ${index}`, index);
		const long = `\u001b[2J${'x'.repeat(300)}`;
		stats.rejected('invalid_json', 'stdin', long, 60);
		const rejects = stats.snapshot(100).recent_rejects;
		expect(rejects).toHaveLength(50);
		expect(rejects[0]?.sample).toBe('line 11'); // 61 rejects, the first 11 dropped
		const last = rejects.at(-1)?.sample ?? '';
		expect(last).toHaveLength(200);
		expect(last.startsWith('\u241b[2J')).toBe(true); // ESC shown as ␛, not emitted
		expect(last).not.toContain('\u001b');
		// a surrogate pair straddling the cut is dropped whole rather than split
		stats.rejected('invalid_json', 'stdin', `${'y'.repeat(199)}😀tail`, 61);
		expect(stats.snapshot(100).recent_rejects.at(-1)?.sample).toBe('y'.repeat(199));
	});

	it('counts repeated types under their own name, and folds every one past the cap', () => {
		const stats = new IngestStats({maxKeys: 2});
		for (const type of ['span', 'span', 'llm_call', 'span', 'score', 'score', 'span', 'score', 'llm_call']) stats.accepted(type, [], 0);
		expect(stats.snapshot(0).by_type).toEqual({span: 4, llm_call: 2, '(other)': 3});
		expect(stats.foldedKeys).toBe(3);
	});

	it('sanitises a reject, its source, reason and hint, the same whenever it is shown', () => {
		const stats = new IngestStats();
		stats.rejected('bad\u001breason', 'src\u0007', 'line\u009b1', 5, 'hint\u202e!');
		stats.rejected('plain', 'stdin', 'ok', 6);
		const first = stats.snapshot(10).recent_rejects;
		expect(first).toEqual([
			{at: 5, source: 'src\u2407', reason: 'bad\u241breason', sample: 'line\u24261', hint: 'hint\u2426!'},
			{at: 6, source: 'stdin', reason: 'plain', sample: 'ok'},
		]);
		expect(Object.keys(first[1]!)).toEqual(['at', 'source', 'reason', 'sample']);
		// Copies: changing one does not change the next snapshot.
		(first[0] as {sample: string}).sample = 'changed';
		expect(stats.snapshot(10).recent_rejects).toEqual([
			{at: 5, source: 'src\u2407', reason: 'bad\u241breason', sample: 'line\u24261', hint: 'hint\u2426!'},
			{at: 6, source: 'stdin', reason: 'plain', sample: 'ok'},
		]);
	});

	it('measures events per second over the last 10 s of arrival time', () => {
		const stats = new IngestStats();
		// 10 events per second for seconds 0..19 (at 0, 100, …, 19 900 ms)
		for (let second = 0; second < 20; second++) {
			for (let tenth = 0; tenth < 10; tenth++) stats.accepted('llm_call', [], second * 1_000 + tenth * 100);
		}
		// at 20 000 ms: seconds 11..20 → 90 events over 9 s = 10
		expect(stats.snapshot(20_000).events_per_s).toBeCloseTo(10, 12);
		// at 25 500 ms: seconds 16..25 hold 16..19 = 40 events over 9.5 s
		expect(stats.snapshot(25_500).events_per_s).toBeCloseTo(40 / 9.5, 12);
		// long after: 0, not null
		expect(stats.snapshot(100_000).events_per_s).toBe(0);
	});

	it('uses the time since the first event while younger than 10 s, at least 1 s', () => {
		const stats = new IngestStats();
		for (let index = 0; index < 5; index++) stats.accepted('llm_call', [], 1_000_000 + index * 100);
		// 5 events, 0.5 s since the first second began → clamped to 1 s
		expect(stats.snapshot(1_000_500).events_per_s).toBe(5);
		// 4 s after: 5 / 4
		expect(stats.snapshot(1_004_000).events_per_s).toBeCloseTo(1.25, 12);
		// rejected lines do not count as events
		stats.rejected('invalid_json', 'stdin', 'x', 1_004_000);
		expect(stats.snapshot(1_004_000).events_per_s).toBeCloseTo(1.25, 12);
	});

	it('tracks source states by name', () => {
		const stats = new IngestStats({maxSources: 2});
		stats.setSource({name: 'stdin', state: 'starting'});
		stats.setSource({name: 'stdin', state: 'reading'});
		stats.setSource({name: 'ws://a', state: 'error', detail: 'ECONNREFUSED'});
		expect(stats.snapshot(0).sources).toEqual([
			{name: 'stdin', state: 'reading', detail: null},
			{name: 'ws://a', state: 'error', detail: 'ECONNREFUSED'},
		]);
		stats.setSource({name: 'file.jsonl', state: 'following'});
		expect(stats.snapshot(0).sources.map(source => source.name)).toEqual(['ws://a', 'file.jsonl']);
	});
});
