import {describe, expect, it} from 'vitest';
import {
	bar,
	formatClock,
	formatCount,
	formatDuration,
	formatMs,
	formatPercent,
	formatRate,
	formatRelative,
	formatRoi,
	formatSatisfaction,
	formatScore,
	formatUsd,
	formatWindow,
	NONE,
	sparkline,
} from '../../source/ui/format.js';

describe('format', () => {
	it('formats durations down for ages and to the nearest unit for coverage', () => {
		expect(formatDuration(59_999)).toBe('59s');
		expect(formatDuration(298_800)).toBe('4m');
		expect(formatDuration(3_900_000)).toBe('1h05m');
		expect(formatDuration(2 * 86_400_000 + 5)).toBe('2d');
		// A 5m window covered to 298.8 s is "5m of data".
		expect(formatDuration(298_800, 'nearest')).toBe('5m');
		expect(formatDuration(89_000, 'nearest')).toBe('1m');
		expect(formatDuration(59_600, 'nearest')).toBe('1m');
		expect(formatDuration(12_400, 'nearest')).toBe('12s');
		expect(formatDuration(3_599_600, 'nearest')).toBe('1h00m');
	});

	it('every formatter shows — for null, NaN and infinities, never 0 or NaN', () => {
		const formatters = [formatMs, formatUsd, formatPercent, formatCount, formatRate, formatDuration, formatScore, formatSatisfaction, formatRoi, formatWindow];
		for (const format of formatters) {
			for (const value of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
				expect(format(value)).toBe(NONE);
			}
		}
		expect(formatRelative(null, 5)).toBe(NONE);
		expect(formatClock(undefined)).toBe(NONE);
	});

	it('milliseconds: ms under a second, then seconds, then minutes', () => {
		expect(formatMs(0)).toBe('0ms');
		expect(formatMs(850)).toBe('850ms');
		expect(formatMs(999.4)).toBe('999ms');
		// 999.6 rounds to 1000 ms, so it is shown in seconds.
		expect(formatMs(999.6)).toBe('1.00s');
		expect(formatMs(1250)).toBe('1.25s');
		expect(formatMs(12_500)).toBe('12.5s');
		// 125 s = 2 min 5 s.
		expect(formatMs(125_000)).toBe('2m05s');
		// 3 900 s = 65 min = 1 h 05 min.
		expect(formatMs(3_900_000)).toBe('1h05m');
		expect(formatMs(-1)).toBe(NONE);
	});

	it('dollars: sub-cent precision for small amounts, cents, then compact', () => {
		expect(formatUsd(0)).toBe('$0.00');
		expect(formatUsd(0.000_04)).toBe('<$0.0001');
		expect(formatUsd(0.000_06)).toBe('$0.0001');
		expect(formatUsd(0.009_96)).toBe('$0.010');
		expect(formatUsd(0.0042)).toBe('$0.0042');
		expect(formatUsd(0.045)).toBe('$0.045');
		expect(formatUsd(0.5)).toBe('$0.50');
		expect(formatUsd(0.88)).toBe('$0.88');
		// 0.0996 would be "$0.100" with three decimals; it rounds to ten cents.
		expect(formatUsd(0.0996)).toBe('$0.10');
		expect(formatUsd(0.0994)).toBe('$0.099');
		expect(formatUsd(42.5)).toBe('$42.50');
		expect(formatUsd(1247.75)).toBe('$1,247.75');
		// 123 456 / 1000 = 123.456 → "123k".
		expect(formatUsd(123_456)).toBe('$123k');
		expect(formatUsd(-2.5)).toBe('-$2.50');
	});

	it('dollars: thousands grouping and cent rounding as en-US formatting does them', () => {
		// Rounded from the shortest decimal form, half away from zero: 1.005 is "1.005" → $1.01
		// (toFixed would round the binary value 1.00499… down), 2.675 → $2.68, 0.125 → $0.13.
		expect(formatUsd(1.005)).toBe('$1.01');
		expect(formatUsd(2.675)).toBe('$2.68');
		expect(formatUsd(0.125)).toBe('$0.13');
		// The carry runs through every 9 and into the thousands: 1999.995 → 2000.00.
		expect(formatUsd(1999.995)).toBe('$2,000.00');
		expect(formatUsd(999.995)).toBe('$1,000.00');
		expect(formatUsd(1000)).toBe('$1,000.00');
		expect(formatUsd(12_345.6)).toBe('$12,345.60');
		// Just below the compact threshold (99 999.5): still in full, with a separator.
		expect(formatUsd(99_999.49)).toBe('$99,999.49');
		expect(formatUsd(-1234.5)).toBe('-$1,234.50');
		// The same as Intl for a spread of amounts.
		for (const usd of [0.0995, 0.1, 0.994_999, 9.995, 10.005, 99.995, 100.005, 1234.565, 5000.015, 65_432.105]) {
			expect(formatUsd(usd)).toBe(`$${usd.toLocaleString('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2})}`);
		}
	});

	it('percent from a ratio', () => {
		expect(formatPercent(0.025)).toBe('2.5%');
		expect(formatPercent(0)).toBe('0.0%');
		expect(formatPercent(1.12)).toBe('112.0%');
		expect(formatPercent(0.08, 0)).toBe('8%');
	});

	it('counts: exact under a thousand, then k/M/B with rounding carried to the next unit', () => {
		expect(formatCount(0)).toBe('0');
		expect(formatCount(999)).toBe('999');
		expect(formatCount(1200)).toBe('1.2k');
		expect(formatCount(12_345)).toBe('12.3k');
		expect(formatCount(123_456)).toBe('123k');
		// 999 600 would round to "1000k"; it is shown as 1.0M.
		expect(formatCount(999_600)).toBe('1.0M');
		expect(formatCount(1_500_000)).toBe('1.5M');
		expect(formatCount(2_000_000_000)).toBe('2.0B');
	});

	it('rates per second', () => {
		expect(formatRate(0.42)).toBe('0.42/s');
		expect(formatRate(4)).toBe('4.00/s');
		expect(formatRate(123.4)).toBe('123.4/s');
		expect(formatRate(12_345)).toBe('12.3k/s');
	});

	it('relative time reads "now" within a second and in the future (clock skew)', () => {
		expect(formatRelative(10_000, 10_500)).toBe('now');
		expect(formatRelative(20_000, 10_000)).toBe('now');
		expect(formatRelative(0, 12_000)).toBe('12s ago');
		// 240 s = 4 min.
		expect(formatRelative(0, 240_000)).toBe('4m ago');
		// 3 900 s = 1 h 05 min.
		expect(formatRelative(0, 3_900_000)).toBe('1h05m ago');
		// 50 h = 2 days (floor).
		expect(formatRelative(0, 50 * 3_600_000)).toBe('2d ago');
	});

	it('scores, satisfaction, ROI and windows', () => {
		expect(formatScore(2.63 / 3)).toBe('0.88');
		expect(formatSatisfaction(4.2)).toBe('4.2');
		expect(formatRoi(3)).toBe('3.0×');
		expect(formatRoi(0)).toBe('0.0×');
		expect(formatRoi(0.05)).toBe('0.05×');
		expect(formatRoi(125)).toBe('125×');
		expect(formatWindow(60)).toBe('1m');
		expect(formatWindow(300)).toBe('5m');
		expect(formatWindow(3600)).toBe('1h');
		expect(formatWindow(90)).toBe('90s');
	});

	it('clock: the wall time of an ISO timestamp in its own offset', () => {
		expect(formatClock('2026-03-02T14:03:22.000+01:00')).toBe('14:03:22');
		expect(formatClock('garbage')).toBe(NONE);
	});

	it('sparkline scales to the largest value; zero days are dots', () => {
		// 61 is the max: 30/61 = 0.49 → ceil(3.93) − 1 = block 3 "▄"; 61 → block 7 "█".
		expect(sparkline([30, 0, 45.5, 50.25, 61, 38, 42.5])).toBe('▄·▆▇█▅▆');
		expect(sparkline([0, 0])).toBe('··');
		expect(sparkline([Number.NaN, 1])).toBe('·█');
	});

	it('bar: filled share of the width, clamped to 0–1', () => {
		expect(bar(0.5, 10)).toBe('█████░░░░░');
		expect(bar(1.7, 4)).toBe('████');
		expect(bar(null, 3)).toBe('░░░');
		expect(bar(-1, 2)).toBe('░░');
	});
});
