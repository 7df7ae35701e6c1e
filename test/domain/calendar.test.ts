import {describe, it, expect, vi, afterEach} from 'vitest';
import {createCalendar, dayLengthHours, isValidTimeZone} from '../../source/domain/calendar.js';
import {shiftDayKey} from '../../source/domain/calendar-keys.js';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

afterEach(() => {
	vi.restoreAllMocks();
});

describe('calendar day boundaries', () => {
	it('puts 07:59:59Z and 08:00:00Z on different Los Angeles days in winter (PST = UTC-8)', () => {
		const calendar = createCalendar('America/Los_Angeles');
		const before = calendar.day(at('2026-01-15T07:59:59Z'));
		const after = calendar.day(at('2026-01-15T08:00:00Z'));
		expect(before.key).toBe('2026-01-14');
		expect(after.key).toBe('2026-01-15');
		// local midnight 2026-01-15 00:00 PST = 08:00Z; next midnight 24 h later
		expect(after.start).toBe(at('2026-01-15T08:00:00Z'));
		expect(after.end).toBe(at('2026-01-16T08:00:00Z'));
		expect(before.end).toBe(after.start);
	});

	it('makes the New York spring-forward day 23 h and the fall-back day 25 h', () => {
		const calendar = createCalendar('America/New_York');
		// 2026-03-08: 00:00 EST = 05:00Z, next midnight 00:00 EDT = 04:00Z → 23 h
		const spring = calendar.day(at('2026-03-08T12:00:00Z'));
		expect(spring).toEqual({key: '2026-03-08', start: at('2026-03-08T05:00:00Z'), end: at('2026-03-09T04:00:00Z')});
		expect(dayLengthHours(spring)).toBe(23);
		// 2026-11-01: 00:00 EDT = 04:00Z, next midnight 00:00 EST = 05:00Z → 25 h
		const fall = calendar.day(at('2026-11-01T12:00:00Z'));
		expect(fall).toEqual({key: '2026-11-01', start: at('2026-11-01T04:00:00Z'), end: at('2026-11-02T05:00:00Z')});
		expect(dayLengthHours(fall)).toBe(25);
		expect(dayLengthHours(calendar.day(at('2026-11-02T12:00:00Z')))).toBe(24);
	});

	it('handles a UTC+05:45 zone (Asia/Kathmandu)', () => {
		const calendar = createCalendar('Asia/Kathmandu');
		// local midnight 2026-01-15 00:00 +05:45 = 2026-01-14 18:15Z
		const day = calendar.day(at('2026-01-14T18:15:00Z'));
		expect(day).toEqual({key: '2026-01-15', start: at('2026-01-14T18:15:00Z'), end: at('2026-01-15T18:15:00Z')});
		expect(calendar.day(at('2026-01-14T18:14:59.999Z')).key).toBe('2026-01-14');
		expect(calendar.offsetMinutes(at('2026-01-15T00:00:00Z'))).toBe(345);
		expect(calendar.formatIso(at('2026-01-15T00:00:00.123Z'))).toBe('2026-01-15T05:45:00.123+05:45');
	});

	it('starts the day at the first instant of the date when midnight does not exist', () => {
		// America/Santiago 2024-09-08: 23:59:59 -04 is followed by 01:00:00 -03 (04:00Z)
		const santiago = createCalendar('America/Santiago');
		const skipped = santiago.day(at('2024-09-08T04:00:00Z'));
		expect(skipped).toEqual({key: '2024-09-08', start: at('2024-09-08T04:00:00Z'), end: at('2024-09-09T03:00:00Z')});
		expect(dayLengthHours(skipped)).toBe(23);
		const eve = santiago.day(at('2024-09-08T03:59:59Z'));
		expect(eve).toEqual({key: '2024-09-07', start: at('2024-09-07T04:00:00Z'), end: at('2024-09-08T04:00:00Z')});
		// fall back 2024-04-07 00:00 -03 → 2024-04-06 23:00 -04: 04-06 runs 03:00Z .. 04-07 04:00Z = 25 h
		const repeated = santiago.dayByKey('2024-04-06');
		expect(repeated).toEqual({key: '2024-04-06', start: at('2024-04-06T03:00:00Z'), end: at('2024-04-07T04:00:00Z')});
		// America/Havana 2024-03-10: 00:00 -05 does not exist, the day starts at 01:00 -04 = 05:00Z
		const havana = createCalendar('America/Havana');
		expect(havana.dayByKey('2024-03-10')).toEqual({
			key: '2024-03-10',
			start: at('2024-03-10T05:00:00Z'),
			end: at('2024-03-11T04:00:00Z'),
		});
		expect(havana.day(at('2024-03-10T04:59:59Z')).key).toBe('2024-03-09');
	});

	it('shifts days by the configured day start (06:00)', () => {
		const utc = createCalendar('UTC', 360);
		expect(utc.day(at('2026-01-15T05:59:59Z'))).toEqual({
			key: '2026-01-14',
			start: at('2026-01-14T06:00:00Z'),
			end: at('2026-01-15T06:00:00Z'),
		});
		expect(utc.day(at('2026-01-15T06:00:00Z')).key).toBe('2026-01-15');
		// New York: 03-07 06:00 EST = 11:00Z; 03-08 06:00 is after the 02:00 jump, so EDT = 10:00Z → 23 h
		const ny = createCalendar('America/New_York', 360);
		const short = ny.day(at('2026-03-08T09:59:00Z'));
		expect(short).toEqual({key: '2026-03-07', start: at('2026-03-07T11:00:00Z'), end: at('2026-03-08T10:00:00Z')});
		expect(ny.day(at('2026-03-08T10:00:00Z')).key).toBe('2026-03-08');
		// its month starts on the 1st at 06:00 local too: 2026-03-01 06:00 EST = 11:00Z
		expect(ny.month(at('2026-03-15T12:00:00Z')).start).toBe(at('2026-03-01T11:00:00Z'));
	});

	it('rejects invalid configuration', () => {
		expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
		expect(isValidTimeZone('')).toBe(false);
		expect(isValidTimeZone(42)).toBe(false);
		expect(isValidTimeZone('Europe/Paris')).toBe(true);
		expect(() => createCalendar('Mars/Olympus_Mons')).toThrow(RangeError);
		expect(() => createCalendar('UTC', 1440)).toThrow(RangeError);
		expect(() => createCalendar('UTC', 1.5)).toThrow(RangeError);
	});

	it('does not throw on non-finite timestamps and rejects malformed keys', () => {
		const calendar = createCalendar('Europe/Berlin');
		expect(() => calendar.day(Number.NaN)).not.toThrow();
		expect(() => calendar.formatIso(Number.POSITIVE_INFINITY)).not.toThrow();
		expect(calendar.dayByKey('2026-02-30')).toBeNull();
		expect(calendar.dayByKey('yesterday')).toBeNull();
		expect(shiftDayKey('2024-02-28', 1)).toBe('2024-02-29');
		expect(shiftDayKey('2023-02-28', 1)).toBe('2023-03-01');
	});

	it('answers day() inside the cached day without calling Intl', () => {
		const calendar = createCalendar('America/Los_Angeles');
		const first = calendar.day(at('2026-01-15T12:00:00Z'));
		const spy = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
		for (let i = 0; i < 1000; i++) expect(calendar.day(first.start + i * 60_000).key).toBe('2026-01-15');
		expect(spy).not.toHaveBeenCalled();
		// the spy does see the formatter: a day outside the cache needs Intl
		calendar.day(first.end + 3 * 86_400_000);
		expect(spy).toHaveBeenCalled();
	});
});

describe('calendar months and ranges', () => {
	it('has months of their real local length', () => {
		const utc = createCalendar('UTC');
		const january = utc.month(at('2026-01-20T00:00:00Z'));
		expect(january.key).toBe('2026-01');
		expect((january.end - january.start) / HOUR).toBe(744); // 31 × 24
		const february = utc.month(at('2024-02-29T23:59:59Z'));
		expect(february.key).toBe('2024-02');
		expect((february.end - february.start) / HOUR).toBe(696); // 29 × 24 (leap year)
		// Los Angeles March 2026 loses an hour: 03-01 00:00 PST = 08:00Z .. 04-01 00:00 PDT = 07:00Z = 743 h
		const march = createCalendar('America/Los_Angeles').month(at('2026-03-15T12:00:00Z'));
		expect(march).toEqual({key: '2026-03', start: at('2026-03-01T08:00:00Z'), end: at('2026-04-01T07:00:00Z')});
		// 2026-03-01T03:00Z is still February in Los Angeles (Feb 28 19:00 PST)
		expect(createCalendar('America/Los_Angeles').month(at('2026-03-01T03:00:00Z')).key).toBe('2026-02');
	});

	it('lists previous days oldest first across a DST change', () => {
		const calendar = createCalendar('America/New_York');
		const days = calendar.previousDays(at('2026-03-09T12:00:00Z'), 3);
		expect(days.map(day => day.key)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
		expect(days.map(dayLengthHours)).toEqual([24, 23, 24]);
		expect(days[0]?.end).toBe(days[1]?.start);
		expect(calendar.previousDays(at('2026-03-09T12:00:00Z'), 0)).toEqual([]);
		expect(calendar.previousDays(at('2026-03-09T12:00:00Z'), Number.NaN)).toEqual([]);
	});

	it('formats RFC 3339 with the zone offset', () => {
		const ny = createCalendar('America/New_York');
		expect(ny.formatIso(at('2026-07-01T16:00:00.000Z'))).toBe('2026-07-01T12:00:00.000-04:00');
		expect(ny.formatIso(at('2026-01-01T04:59:59.999Z'))).toBe('2025-12-31T23:59:59.999-05:00');
		expect(ny.offsetMinutes(at('2026-01-01T00:00:00Z'))).toBe(-300);
		expect(createCalendar('UTC').formatIso(at('2026-01-01T00:00:00.000Z'))).toBe('2026-01-01T00:00:00.000+00:00');
	});
});
