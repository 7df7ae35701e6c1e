import {describe, expect, it} from 'vitest';
import {DEFAULT_ALERT_THRESHOLDS, type MonitorConfig} from '../../source/domain/monitor-config.js';
import {Monitor} from '../../source/domain/monitor.js';
import {reportedOnlyResolver} from '../../source/domain/pricing/compute-cost.js';
import {parseLine} from '../../source/events/parse.js';

const config: MonitorConfig = {
	tz: 'UTC',
	dayStartMinutes: 0,
	windowS: 300,
	dailyBudgetUsd: null,
	monthlyBudgetUsd: null,
	alerts: DEFAULT_ALERT_THRESHOLDS,
	costResolver: reportedOnlyResolver,
	maxTraces: 10,
	maxSpans: 100,
};

// 2026-08-20T10:00:00Z: the recording's events; the lines arrive a few months later, on the wall clock.
const EVENT_T0 = 1_787_220_000_000;
const ARRIVAL_T0 = 1_796_300_000_000;

function call(second: number, latencyMs: number, id?: string): string {
	return JSON.stringify({type: 'llm_call', ts: EVENT_T0 + second * 1000, model: 'gpt-4o', latency_ms: latencyMs, cost_usd: 0.01, ...(id === undefined ? {} : {id})});
}

describe('Monitor', () => {
	it('counts every line as accepted or rejected, duplicates included, and routes calls to the trackers', () => {
		const monitor = new Monitor(config);
		const lines = [call(1, 100, 'a'), call(2, 300, 'b'), call(3, 200, 'a'), 'not json'];
		const rejections = lines.map(line => monitor.accept(parseLine(line, ARRIVAL_T0), 'stdin', line, ARRIVAL_T0));
		expect(rejections.map(rejection => rejection?.reason ?? null)).toEqual([null, null, 'duplicate', 'invalid_json']);
		const snapshot = monitor.snapshot(EVENT_T0 + 3000);
		// lines = accepted + rejected: 4 = 2 + 2.
		expect(snapshot.ingest).toMatchObject({lines: 4, accepted: 2, rejected: 2, rejected_by_reason: {duplicate: 1, invalid_json: 1}});
		// The duplicate's 200 ms never reached the trackers: calls 100 and 300 → avg 200, max 300.
		expect(snapshot.performance).toMatchObject({calls: 2, latency_ms: {avg: 200, max: 300}});
		expect(snapshot.cost.today.cost_usd).toBeCloseTo(0.02, 12);
		expect(monitor.latestEventTs).toBe(EVENT_T0 + 2000);
	});

	it('shows a span of 1077.6 ms as 1077.6 ms, without the float noise of epoch arithmetic', () => {
		const monitor = new Monitor(config);
		const span = JSON.stringify({type: 'span', trace_id: 'a'.repeat(32), span_id: 'b'.repeat(16), name: 'chat', start_ts: EVENT_T0 + 123, duration_ms: 1077.6});
		monitor.accept(parseLine(span, ARRIVAL_T0), 'stdin', span, ARRIVAL_T0);
		const [row] = monitor.snapshot(EVENT_T0 + 5000).traces.recent;
		expect(row?.duration_ms).toBe(1077.6);
	});

	it('lists sources with their detail, null when there is none (missing values are null)', () => {
		const monitor = new Monitor(config);
		monitor.setSourceStatus({name: 'a.ndjson', state: 'ended'});
		monitor.setSourceStatus({name: 'b.ndjson', state: 'following', detail: 'rotated'});
		expect(monitor.snapshot(EVENT_T0).ingest.sources).toStrictEqual([
			{name: 'a.ndjson', state: 'ended', detail: null},
			{name: 'b.ndjson', state: 'following', detail: 'rotated'},
		]);
	});

	it('measures the ingest rate on the arrival clock, not the event clock of a recording', () => {
		const monitor = new Monitor(config);
		// 50 lines arriving over 5 s of wall time (10 a second), all about one minute of event time.
		for (let i = 0; i < 50; i++) {
			const line = call(i % 60, 100);
			monitor.accept(parseLine(line, ARRIVAL_T0 + i * 100), 'file', line, ARRIVAL_T0 + i * 100);
		}

		const viewedAt = EVENT_T0 + 60_000;
		// On the event clock the arrivals lie in the future: no rate can be measured there.
		expect(monitor.snapshot(viewedAt).ingest.events_per_s).toBe(0);
		// On the arrival clock, 5 s after the first arrival: 50 lines ÷ 5 s = 10 a second.
		expect(monitor.snapshot(viewedAt, 300, ARRIVAL_T0 + 5000).ingest.events_per_s).toBeCloseTo(10, 12);
		// Long after the last line, the rate decays to 0 instead of freezing at its last value.
		expect(monitor.snapshot(viewedAt, 300, ARRIVAL_T0 + 60_000).ingest.events_per_s).toBe(0);
	});
});
