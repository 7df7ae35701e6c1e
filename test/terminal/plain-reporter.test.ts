import {afterEach, describe, expect, it, vi} from 'vitest';
import type {MonitorSnapshot} from '../../source/domain/snapshot-types.js';
import {createPlainReporter, formatFinalSummary, formatPlainLine} from '../../source/terminal/plain-reporter.js';
import {emptySnapshot, fullSnapshot, withCost} from '../helpers/snapshot-fixture.js';

afterEach(() => {
	vi.useRealTimers();
});

describe('formatPlainLine', () => {
	it('summarises the window: calls, error rate, percentiles, spend today, rejects', () => {
		// fixture: 1200 calls, 30 errors → 2.5 %; p50 850 ms, p95 2100 ms → 2.10s, p99 4520 ms → 4.52s; today $42.50; 3 rejected.
		expect(formatPlainLine(fullSnapshot())).toBe('14:03:22 5m: 1.2k calls, err 2.5%, p50 850ms p95 2.10s p99 4.52s, today $42.50, rejected 3');
	});

	it('prints unknown values as — and marks a lower-bound spend with +', () => {
		expect(formatPlainLine(emptySnapshot())).toBe('14:03:22 5m: 0 calls, err —, p50 — p95 — p99 —, today $0.00, rejected 0');
		const lower = withCost(fullSnapshot(), cost => ({...cost, today: {...cost.today, lower_bound: true}}));
		expect(formatPlainLine(lower)).toContain('today $42.50+,');
	});

	it('adds the totals read to the final summary', () => {
		expect(formatFinalSummary(fullSnapshot())).toBe(`final ${formatPlainLine(fullSnapshot())} (lines 12345, accepted 12342)`);
	});
});

describe('createPlainReporter', () => {
	it('writes one line every interval and the final summary once', () => {
		vi.useFakeTimers();
		const lines: string[] = [];
		let calls = 0;
		const reporter = createPlainReporter({
			source: {
				snapshot: (now: number, windowS?: number): MonitorSnapshot => {
					calls++;
					expect(now).toBe(1000);
					expect(windowS).toBe(300);
					return fullSnapshot();
				},
			},
			now: () => 1000,
			windowS: 300,
			write: line => lines.push(line),
		});
		reporter.start();
		vi.advanceTimersByTime(1999);
		expect(lines).toEqual([]);
		vi.advanceTimersByTime(1);
		vi.advanceTimersByTime(4000);
		// 2 s, 4 s and 6 s.
		expect(lines).toHaveLength(3);
		reporter.finish();
		reporter.finish();
		expect(lines).toHaveLength(4);
		expect(lines[3]).toMatch(/^final /);
		vi.advanceTimersByTime(10_000);
		expect(lines).toHaveLength(4);
		expect(calls).toBe(4);
	});

	it('skips a line whose snapshot throws and counts it', () => {
		vi.useFakeTimers();
		const lines: string[] = [];
		const reporter = createPlainReporter({
			source: {
				snapshot: () => {
					throw new Error('boom');
				},
			},
			now: () => 0,
			windowS: 60,
			write: line => lines.push(line),
		});
		reporter.start();
		vi.advanceTimersByTime(2000);
		reporter.finish();
		expect(lines).toEqual([]);
		expect(reporter.failures).toBe(2);
	});
});
