import {describe, expect, it} from 'vitest';
import {MIN_PLAUSIBLE_TS, daysFromCivil, epochUnitHint, isPlausible, parseRfc3339, toEpochMs} from '../../source/events/timestamp.js';
import {NOW, T0, call, expectReason, reject} from './parse-helpers.js';

describe('parseRfc3339', () => {
	it('gives the same answers whatever timestamp came just before', () => {
		// The same second with other fractions and offsets, one after the other.
		expect(parseRfc3339('2026-08-20T10:00:00.250Z')).toBe(T0 + 250);
		expect(parseRfc3339('2026-08-20T10:00:00.5+01:00')).toBe(T0 + 500 - 3_600_000);
		expect(parseRfc3339('2026-08-20T10:00:00-0130')).toBe(T0 + 5_400_000);
		expect(parseRfc3339('2026-08-20T10:00:00.Z')).toBeNaN();
		expect(parseRfc3339('2026-08-20T10:00:00+02')).toBeNaN();
		// The next second, and a separator that differs (space): parsed in full, still right.
		expect(parseRfc3339('2026-08-20T10:00:01Z')).toBe(T0 + 1000);
		expect(parseRfc3339('2026-08-20 10:00:01.5Z')).toBe(T0 + 1500);
		// A leap second is folded into :59.999 and does not stand in for :59 afterwards.
		expect(parseRfc3339('2026-08-20T09:59:60Z')).toBe(T0 - 1);
		expect(parseRfc3339('2026-08-20T09:59:59Z')).toBe(T0 - 1000);
		expect(parseRfc3339('2026-08-20T09:59:60.5Z')).toBe(T0 - 1);
	});

	it('reuses the previous day number only for the same, valid date', () => {
		// An impossible day right after a real one of the same month is still impossible.
		expect(parseRfc3339('2026-02-28T10:00:00Z')).toBe(Date.UTC(2026, 1, 28, 10));
		expect(parseRfc3339('2026-02-29T10:00:00Z')).toBeNaN();
		expect(parseRfc3339('2028-02-29T10:00:00Z')).toBe(Date.UTC(2028, 1, 29, 10));
		expect(parseRfc3339('2026-02-29T10:00:00Z')).toBeNaN();
		// Same date, broken separators or time: rejected although the day is cached.
		expect(parseRfc3339('2026-08-20T10:00:00Z')).toBe(T0);
		for (const s of ['2026-08-20X10:00:00Z', '2026/08-20T10:00:00Z', '2026-08-20T10-00:00Z', '2026-08-20T25:00:00Z', '2026-08-20T10:00:61Z']) {
			expect(parseRfc3339(s), s).toBeNaN();
		}
		expect(parseRfc3339('2026-08-21T10:00:00Z')).toBe(T0 + 86_400_000);
	});

	it('the usual 24-character .mmmZ form and its look-alikes', () => {
		expect(parseRfc3339('2026-08-20T10:00:00.123Z')).toBe(T0 + 123);
		expect(parseRfc3339('2026-08-20T10:00:00.123z')).toBe(T0 + 123);
		// 24 characters, other shapes: handled by the general path.
		expect(parseRfc3339('2026-08-20T12:00:00+0200')).toBe(T0);
		expect(parseRfc3339('2026-08-20T10:00:00.12Zx')).toBeNaN();
		expect(parseRfc3339('2026-08-20T10:00:00.1a3Z')).toBeNaN();
		expect(parseRfc3339('2026-08-20T10:00:00.123+')).toBeNaN();
		expect(parseRfc3339('2026-08-20T10:00:00,123Z')).toBeNaN();
		expect(parseRfc3339('2026-08-20T09:59:60.500Z')).toBe(T0 - 1);
	});

	it('Z and numeric offsets', () => {
		expect(parseRfc3339('2026-08-20T10:00:00Z')).toBe(T0);
		expect(parseRfc3339('2026-08-20t10:00:00z')).toBe(T0);
		expect(parseRfc3339('2026-08-20 10:00:00Z')).toBe(T0);
		// 12:00 at +02:00 is 10:00 UTC; 05:30 at -04:30 is 10:00 UTC
		expect(parseRfc3339('2026-08-20T12:00:00+02:00')).toBe(T0);
		expect(parseRfc3339('2026-08-20T05:30:00-04:30')).toBe(T0);
		expect(parseRfc3339('2026-08-20T12:00:00+0200')).toBe(T0);
	});

	it('fractions up to nanoseconds are truncated to ms', () => {
		expect(parseRfc3339('2026-08-20T10:00:00.1Z')).toBe(T0 + 100);
		expect(parseRfc3339('2026-08-20T10:00:00.12Z')).toBe(T0 + 120);
		expect(parseRfc3339('2026-08-20T10:00:00.123Z')).toBe(T0 + 123);
		expect(parseRfc3339('2026-08-20T10:00:00.123999999Z')).toBe(T0 + 123);
		expect(parseRfc3339('2026-08-20T10:00:00.1234567891Z')).toBeNaN();
		expect(parseRfc3339('2026-08-20T10:00:00.Z')).toBeNaN();
	});

	it('rejects a missing offset and impossible dates', () => {
		for (const s of ['2026-08-20T10:00:00', '2026-08-20T10:00:00.5', '2026-08-20', '2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-08-20T24:00:00Z', '2026-08-20T10:60:00Z', '2026-08-20T10:00:00+25:00', '2026-08-20T10:00:00+02', '2026-08-20T10:00:00Zjunk', '2026-08-20X10:00:00Z', '２026-08-20T10:00:00Z', 'yesterday', '']) {
			expect(parseRfc3339(s), s).toBeNaN();
		}
		// 2028 is a leap year, 2026 is not
		expect(parseRfc3339('2028-02-29T00:00:00Z')).toBe(Date.UTC(2028, 1, 29));
		expect(parseRfc3339('2026-02-29T00:00:00Z')).toBeNaN();
	});

	it('a leap second folds into the last millisecond of the minute', () => {
		expect(parseRfc3339('2026-08-20T09:59:60Z')).toBe(T0 - 1);
	});
});

describe('parseRfc3339 against the platform', () => {
	it('daysFromCivil agrees with Date.UTC on every day from 1999 to 2101', () => {
		for (let ms = Date.UTC(1999, 0, 1); ms <= Date.UTC(2101, 11, 31); ms += 86_400_000) {
			const d = new Date(ms);
			expect(daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) * 86_400_000).toBe(ms);
		}
	});

	it('agrees with Date.parse on toISOString output across the plausible range', () => {
		// deterministic pseudo-random instants (LCG), 2000..2100
		let seed = 12345;
		const span = Date.UTC(2100, 0, 1) - MIN_PLAUSIBLE_TS;
		for (let i = 0; i < 5000; i++) {
			seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
			const ms = MIN_PLAUSIBLE_TS + Math.floor((seed / 2_147_483_648) * span);
			const iso = new Date(ms).toISOString();
			expect(parseRfc3339(iso), iso).toBe(ms);
		}
	});
});

describe('toEpochMs and plausibility', () => {
	it('numbers are epoch milliseconds, fractional allowed', () => {
		expect(toEpochMs(T0)).toBe(T0);
		expect(toEpochMs(T0 + 0.5)).toBe(T0 + 0.5);
		expect(toEpochMs(Number.POSITIVE_INFINITY)).toBeNaN();
		expect(toEpochMs(null)).toBeNaN();
	});

	it('window is 2000-01-01 ≤ ts ≤ arrival + 1 day', () => {
		expect(isPlausible(MIN_PLAUSIBLE_TS, NOW)).toBe(true);
		expect(isPlausible(MIN_PLAUSIBLE_TS - 1, NOW)).toBe(false);
		expect(isPlausible(NOW + 86_400_000, NOW)).toBe(true);
		expect(isPlausible(NOW + 86_400_001, NOW)).toBe(false);
	});

	it('hints at the unit of out-of-window numbers', () => {
		expect(epochUnitHint(1_787_220_000)).toMatch(/seconds/);
		expect(epochUnitHint(1_787_220_000_000_000)).toMatch(/microseconds/);
		expect(epochUnitHint(1_787_220_000_000_000_000)).toMatch(/nanoseconds/);
		expect(epochUnitHint(5)).toBeUndefined();
	});

	it('implausible_timestamp with the hint on a real line', () => {
		expect(reject(call({ts: 1_787_220_000})).hint).toMatch(/epoch seconds/);
		expect(reject(call({ts: 1_787_220_000_000_000})).hint).toMatch(/epoch microseconds/);
		expect(reject(call({ts: 1_787_220_000_000_000_000})).hint).toMatch(/epoch nanoseconds/);
		expect(reject(call({ts: '1999-12-31T23:59:59Z'})).hint).toBeUndefined();
		expectReason(call({ts: '1999-12-31T23:59:59Z'}), 'implausible_timestamp');
		expectReason(call({ts: 0}), 'implausible_timestamp');
		expectReason(call({ts: -5}), 'implausible_timestamp');
	});
});
