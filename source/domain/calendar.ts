// Local days and months in a configured IANA zone, using only Intl.DateTimeFormat.
// The reference guide keyed spend by the server's local date; every day boundary here is the configured
// zone's, with DST days 23 or 25 hours long and an optional budget-day start after midnight.
import {
	dayKeyOfWall,
	formatDayKey,
	nextMonthKey,
	parseDayKey,
	shiftDayKey,
	wallFromFields,
} from './calendar-keys.js';

/** A local day [start, end) in epoch ms; `key` is its local date. */
export type DayInfo = {readonly key: string; readonly start: number; readonly end: number};

/** A local month [start, end) in epoch ms; `key` is 'YYYY-MM'. */
export type MonthInfo = {readonly key: string; readonly start: number; readonly end: number};

export type Calendar = {
	/** Canonical zone name as Intl resolved it. */
	readonly tz: string;
	readonly dayStartMinutes: number;
	day(ts: number): DayInfo;
	month(ts: number): MonthInfo;
	/** The day with this key; null when the key is not a real 'YYYY-MM-DD' date. */
	dayByKey(key: string): DayInfo | null;
	/** `n` consecutive days, oldest first, ending with day(ts). */
	previousDays(ts: number, n: number): DayInfo[];
	/** RFC 3339 with the zone's offset and millisecond precision, e.g. 2026-01-10T09:30:00.000-08:00. */
	formatIso(ts: number): string;
	offsetMinutes(ts: number): number;
};

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
// Keeps every computation (including the next day's start) inside what Intl and Date accept.
const MIN_TS = wallFromFields(1900, 1, 2);
const MAX_TS = wallFromFields(9999, 12, 30);
const MAX_PREVIOUS_DAYS = 1000;
const MAX_CACHED_DAYS = 256;

export function isValidTimeZone(tz: unknown): boolean {
	if (typeof tz !== 'string' || tz.trim() === '') return false;
	try {
		new Intl.DateTimeFormat('en-US', {timeZone: tz});
		return true;
	} catch {
		return false;
	}
}

function clampTs(ts: number): number {
	if (!Number.isFinite(ts)) return ts === Number.POSITIVE_INFINITY ? MAX_TS : MIN_TS;
	return Math.min(MAX_TS, Math.max(MIN_TS, ts));
}

/**
 * Throws RangeError for an unknown zone or a day start outside [0, 1440) minutes: configuration is
 * validated once at start-up (see isValidTimeZone); silently falling back to UTC would misdate every cost.
 */
export function createCalendar(tz: string, dayStartMinutes = 0): Calendar {
	if (!isValidTimeZone(tz)) throw new RangeError(`Unknown time zone: ${String(tz)}`);
	if (!Number.isInteger(dayStartMinutes) || dayStartMinutes < 0 || dayStartMinutes >= 1440) {
		throw new RangeError(`Day start must be whole minutes in [0, 1440), got ${String(dayStartMinutes)}`);
	}
	const formatter = new Intl.DateTimeFormat('en-US', {
		timeZone: tz,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	});
	const zone = formatter.resolvedOptions().timeZone;
	const startOffsetMs = dayStartMinutes * MINUTE_MS;

	/** Local wall clock of an instant, as wall ms (see calendar-keys.ts). */
	function wallMs(ts: number): number {
		let year = 1970;
		let month = 1;
		let day = 1;
		let hour = 0;
		let minute = 0;
		let second = 0;
		for (const part of formatter.formatToParts(ts)) {
			switch (part.type) {
				case 'year':
					year = Number(part.value);
					break;
				case 'month':
					month = Number(part.value);
					break;
				case 'day':
					day = Number(part.value);
					break;
				case 'hour':
					hour = Number(part.value);
					break;
				case 'minute':
					minute = Number(part.value);
					break;
				case 'second':
					second = Number(part.value);
					break;
				default:
					break;
			}
		}
		const wholeSecond = Math.floor(ts / 1000) * 1000;
		return wallFromFields(year, month, day, hour, minute, second) + (ts - wholeSecond);
	}

	function offsetMs(ts: number): number {
		const clamped = clampTs(ts);
		return wallMs(clamped) - clamped;
	}

	/**
	 * The first instant whose local wall time is at or after `wall`. When `wall` occurs twice (fall back)
	 * this is its first occurrence; when it does not exist (spring forward across it) it is the transition.
	 */
	function firstInstantAtWall(wall: number): number {
		const offsets = [offsetMs(wall - DAY_MS), offsetMs(wall + DAY_MS)];
		offsets.push(offsetMs(wall - (offsets[0] ?? 0)));
		let best = Number.POSITIVE_INFINITY;
		for (const offset of offsets) {
			const candidate = wall - offset;
			if (candidate < best && wallMs(clampTs(candidate)) === wall) best = candidate;
		}
		if (best !== Number.POSITIVE_INFINITY) return best;
		// A gap: the wall time is skipped. Offsets are whole seconds, so bisect on whole seconds.
		let low = wall - Math.max(...offsets);
		let high = wall - Math.min(...offsets);
		if (wallMs(clampTs(low)) >= wall || wallMs(clampTs(high)) < wall) return wall - (offsets[2] ?? 0);
		for (let step = 0; step < 64 && high - low > 1000; step++) {
			const middle = low + Math.floor((high - low) / 2000) * 1000;
			if (wallMs(clampTs(middle)) >= wall) high = middle;
			else low = middle;
		}
		return high;
	}

	const byKey = new Map<string, DayInfo>();

	function dayInfoForKey(key: string): DayInfo | null {
		const cached = byKey.get(key);
		if (cached) return cached;
		const fields = parseDayKey(key);
		const nextKey = shiftDayKey(key, 1);
		if (!fields || nextKey === null) return null;
		const next = parseDayKey(nextKey);
		if (!next) return null;
		const start = firstInstantAtWall(wallFromFields(fields.year, fields.month, fields.day) + startOffsetMs);
		const end = firstInstantAtWall(wallFromFields(next.year, next.month, next.day) + startOffsetMs);
		const info: DayInfo = Object.freeze({key, start, end});
		// Bounded: a stream spans few days, so dropping everything on overflow costs little.
		if (byKey.size >= MAX_CACHED_DAYS) byKey.clear();
		byKey.set(key, info);
		return info;
	}

	// The hot path (one call per event) hits one of these two without touching Intl.
	let recent: DayInfo | undefined;
	let previous: DayInfo | undefined;

	function day(rawTs: number): DayInfo {
		const ts = clampTs(rawTs);
		if (recent && ts >= recent.start && ts < recent.end) return recent;
		if (previous && ts >= previous.start && ts < previous.end) {
			const hit = previous;
			previous = recent;
			recent = hit;
			return hit;
		}
		const guessKey = dayKeyOfWall(wallMs(ts) - startOffsetMs);
		let info = dayInfoForKey(guessKey) ?? fallbackDay(ts);
		// The guess can be one day off around skipped or repeated local times.
		for (let step = 0; step < 3; step++) {
			const neighbour = ts < info.start ? shiftDayKey(info.key, -1) : ts >= info.end ? shiftDayKey(info.key, 1) : null;
			if (neighbour === null) break;
			info = dayInfoForKey(neighbour) ?? info;
		}
		previous = recent;
		recent = info;
		return info;
	}

	function fallbackDay(ts: number): DayInfo {
		const start = Math.floor(ts / DAY_MS) * DAY_MS;
		return {key: dayKeyOfWall(start), start, end: start + DAY_MS};
	}

	let recentMonth: MonthInfo | undefined;

	function month(rawTs: number): MonthInfo {
		const ts = clampTs(rawTs);
		if (recentMonth && ts >= recentMonth.start && ts < recentMonth.end) return recentMonth;
		const key = day(ts).key.slice(0, 7);
		const following = nextMonthKey(key);
		const first = dayInfoForKey(`${key}-01`);
		const firstOfNext = following === null ? null : dayInfoForKey(`${following}-01`);
		const info: MonthInfo =
			first && firstOfNext
				? Object.freeze({key, start: first.start, end: firstOfNext.start})
				: Object.freeze({key, start: day(ts).start, end: day(ts).end});
		recentMonth = info;
		return info;
	}

	function previousDays(ts: number, n: number): DayInfo[] {
		const count = Number.isFinite(n) ? Math.min(MAX_PREVIOUS_DAYS, Math.max(0, Math.floor(n))) : 0;
		if (count === 0) return [];
		const last = day(ts);
		const days: DayInfo[] = [last];
		let key = last.key;
		while (days.length < count) {
			const earlier = shiftDayKey(key, -1);
			const info = earlier === null ? null : dayInfoForKey(earlier);
			if (!info) break;
			days.push(info);
			key = info.key;
		}
		return days.reverse();
	}

	function formatIso(rawTs: number): string {
		const ts = clampTs(rawTs);
		const wallValue = wallMs(ts);
		const wall = new Date(Math.floor(wallValue));
		const offsetMinutesValue = Math.round((wallValue - ts) / MINUTE_MS);
		const sign = offsetMinutesValue < 0 ? '-' : '+';
		const absolute = Math.abs(offsetMinutesValue);
		const offset = `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
		const date = formatDayKey(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate());
		const time = [wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds()]
			.map(value => String(value).padStart(2, '0'))
			.join(':');
		return `${date}T${time}.${String(wall.getUTCMilliseconds()).padStart(3, '0')}${offset}`;
	}

	return {
		tz: zone,
		dayStartMinutes,
		day,
		month,
		dayByKey: key => (typeof key === 'string' ? dayInfoForKey(key) : null),
		previousDays,
		formatIso,
		offsetMinutes: ts => offsetMs(ts) / MINUTE_MS,
	};
}

/** Length of a day in hours (23, 24 or 25 around DST changes). */
export function dayLengthHours(info: DayInfo): number {
	return (info.end - info.start) / HOUR_MS;
}
