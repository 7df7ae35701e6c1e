import {describe, expect, it} from 'vitest';
import type {SourceStatus} from '../../source/domain/snapshot-types.js';
import type {ParseOutcome} from '../../source/events/types.js';
import type {RejectEntry, RejectLog} from '../../source/ingest/reject-log.js';
import {createEndTracker, createMonitorSink} from '../../source/cli/monitor-sink.js';

describe('createMonitorSink', () => {
	it('passes every line to the Monitor with its arrival time and logs only rejects', () => {
		const accepted: Array<[ParseOutcome, string, string, number]> = [];
		const statuses: SourceStatus[] = [];
		const logged: RejectEntry[] = [];
		const rejectLog: RejectLog = {write: entry => logged.push(entry), close: async () => {}, dropped: 0, error: undefined};
		let ticks = 0;
		let clock = 1000;
		const sink = createMonitorSink({
			monitor: {accept: (...args) => accepted.push(args), setSourceStatus: status => statuses.push(status)},
			now: () => clock++,
			rejectLog,
			afterChunk: () => ticks++,
		});
		const bad: ParseOutcome = {ok: false, reason: 'invalid_json'};
		const good: ParseOutcome = {ok: true, warnings: [], event: {type: 'revenue', ts: 5, feature: 'chat', amountUsd: 1}};
		sink.accept(good, 'stdin', '{"type":"revenue"}');
		sink.accept(bad, 'stdin', 'nope');
		sink.sourceStatus({name: 'stdin', state: 'ended'});
		sink.afterChunk();
		expect(accepted).toEqual([
			[good, 'stdin', '{"type":"revenue"}', 1000],
			[bad, 'stdin', 'nope', 1001],
		]);
		expect(logged).toEqual([{ts: 1001, source: 'stdin', reason: 'invalid_json', sample: 'nope'}]);
		expect(statuses).toEqual([{name: 'stdin', state: 'ended'}]);
		expect(ticks).toBe(1);
	});
});

describe('createEndTracker', () => {
	it('fires once when every source has ended or failed', () => {
		let fired = 0;
		const track = createEndTracker(2, () => fired++);
		track({name: 'a', state: 'reading'});
		track({name: 'a', state: 'ended'});
		track({name: 'a', state: 'ended'});
		expect(fired).toBe(0);
		track({name: 'b', state: 'error', detail: 'EIO'});
		expect(fired).toBe(1);
		track({name: 'b', state: 'ended'});
		expect(fired).toBe(1);
	});

	it('forgets an end when the source reads again (a followed file that came back)', () => {
		let fired = 0;
		const track = createEndTracker(2, () => fired++);
		track({name: 'a', state: 'ended'});
		track({name: 'a', state: 'reading'});
		track({name: 'b', state: 'ended'});
		expect(fired).toBe(0);
	});
});
