import {describe, expect, it} from 'vitest';
import type {SourceStatus} from '../../source/domain/snapshot-types.js';
import {DEFAULT_ALERT_THRESHOLDS} from '../../source/domain/monitor-config.js';
import {Monitor} from '../../source/domain/monitor.js';
import {reportedOnlyResolver} from '../../source/domain/pricing/compute-cost.js';
import {parseLine} from '../../source/events/parse.js';
import type {RejectEntry, RejectLog} from '../../source/ingest/reject-log.js';
import {createEndTracker, createMonitorSink} from '../../source/cli/monitor-sink.js';

describe('createMonitorSink', () => {
	function setup() {
		const monitor = new Monitor({
			tz: 'UTC',
			dayStartMinutes: 0,
			windowS: 300,
			dailyBudgetUsd: null,
			monthlyBudgetUsd: null,
			alerts: DEFAULT_ALERT_THRESHOLDS,
			costResolver: reportedOnlyResolver,
			maxTraces: 10,
			maxSpans: 100,
		});
		const statuses: SourceStatus[] = [];
		const logged: RejectEntry[] = [];
		const rejectLog: RejectLog = {write: entry => logged.push(entry), close: async () => {}, dropped: 0, error: undefined};
		const counters = {ticks: 0, clock: 1_787_220_000_000};
		const sink = createMonitorSink({
			monitor,
			now: () => counters.clock++,
			rejectLog,
			afterChunk: () => counters.ticks++,
			onStatus: status => statuses.push(status),
		});
		return {monitor, sink, statuses, logged, counters};
	}

	it('passes every line to the Monitor with its arrival time and logs every rejected line', () => {
		const {monitor, sink, statuses, logged, counters} = setup();
		const good = '{"type":"revenue","id":"r1","feature":"chat","amount_usd":1}';
		sink.accept(parseLine(good, counters.clock), 'stdin', good);
		sink.accept(parseLine('nope', counters.clock), 'stdin', 'nope');
		// The same id again: rejected by the Monitor, not the parser, and logged all the same.
		sink.accept(parseLine(good, counters.clock), 'stdin', good);
		const seconds = '{"type":"revenue","feature":"chat","amount_usd":1,"ts":1787220000}';
		sink.accept(parseLine(seconds, counters.clock), 'stdin', seconds);
		sink.sourceStatus({name: 'stdin', state: 'ended'});
		sink.afterChunk();

		expect([monitor.lines, monitor.accepted]).toEqual([4, 1]);
		expect(logged.map(entry => [entry.ts, entry.reason, entry.sample])).toEqual([
			[1_787_220_000_001, 'invalid_json', 'nope'],
			[1_787_220_000_002, 'duplicate', good],
			[1_787_220_000_003, 'implausible_timestamp', seconds],
		]);
		// The hint says what the code alone cannot.
		expect(logged[2]?.hint).toMatch(/seconds/);
		expect(monitor.snapshot(counters.clock).ingest.recent_rejects.map(reject => reject.hint)).toEqual([
			undefined,
			'an event with this id was already accepted',
			logged[2]?.hint,
		]);
		expect(statuses).toEqual([{name: 'stdin', state: 'ended'}]);
		expect(counters.ticks).toBe(1);
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
