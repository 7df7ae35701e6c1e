// Timestamps per protocols.md §4.4: RFC 3339 with an explicit offset, or epoch milliseconds.

/** 2000-01-01T00:00:00Z: anything earlier is a unit mistake or garbage, not real traffic. */
export const MIN_PLAUSIBLE_TS = 946_684_800_000;
export const MAX_FUTURE_MS = 86_400_000;
export const CLOCK_SKEW_MS = 300_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(y: number): boolean {
	return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Two ASCII digits at `i` as a number, or -1. */
function twoDigits(s: string, i: number): number {
	const a = s.charCodeAt(i) - 48;
	const b = s.charCodeAt(i + 1) - 48;
	return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Three ASCII digits at `i` as a number, or -1. */
function threeDigits(s: string, i: number): number {
	const a = s.charCodeAt(i) - 48;
	const b = s.charCodeAt(i + 1) - 48;
	const c = s.charCodeAt(i + 2) - 48;
	return a >= 0 && a <= 9 && b >= 0 && b <= 9 && c >= 0 && c <= 9 ? a * 100 + b * 10 + c : -1;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146_097 + doe - 719_468;
}

/**
 * Epoch ms for an RFC 3339 string, or NaN when it is not one (a missing offset included: local
 * time on a server is ambiguous). The separator may be `T`, `t` or a space (RFC 3339 §5.6 note),
 * the offset `Z`, `±HH:MM` or the common `±HHMM`; fractions up to ns are truncated to ms.
 * Hand-rolled because it runs for nearly every line (a RegExp costs several times more).
 */
export function parseRfc3339(s: string): number {
	const n = s.length;
	// Shortest: 2026-08-20T10:00:00Z (20); longest: 9 fraction digits and ±HH:MM (35).
	if (n < 20 || n > 35) return Number.NaN;
	const century = twoDigits(s, 0);
	const yy = twoDigits(s, 2);
	const month = twoDigits(s, 5);
	const day = twoDigits(s, 8);
	const hour = twoDigits(s, 11);
	const minute = twoDigits(s, 14);
	const second = twoDigits(s, 17);
	const sep = s.charCodeAt(10);
	if (
		century < 0 || yy < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60 ||
		s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 ||
		(sep !== 84 && sep !== 116 && sep !== 32)
	) {
		return Number.NaN;
	}
	// Consecutive events nearly always fall on the same day: reuse its (already checked) day number.
	// Reading every digit costs less than comparing the text with the previous timestamp's.
	const dateKey = ((century * 100 + yy) * 100 + month) * 100 + day;
	let days: number;
	if (dateKey === lastDateKey) {
		days = lastDays;
	} else {
		const year = century * 100 + yy;
		const maxDay = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
		if (day > maxDay) return Number.NaN;
		days = daysFromCivil(year, month, day);
		lastDateKey = dateKey;
		lastDays = days;
	}
	const secondMs = ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000;
	// The usual shape, milliseconds and `Z` (JavaScript's toISOString), without the fraction loop and the offset branches.
	if (n === 24 && second !== 60) {
		const z = s.charCodeAt(23);
		const ms = threeDigits(s, 20);
		if (ms >= 0 && s.charCodeAt(19) === 46 && (z === 90 || z === 122)) return secondMs + ms;
	}
	// A leap second (:60) is folded into :59.999 so ordering is kept without rolling the minute.
	const leap = second === 60;
	return withFractionAndOffset(s, leap ? secondMs - 1000 : secondMs, leap);
}

// YYYYMMDD of the last valid calendar date seen, and its day number.
let lastDateKey = -1;
let lastDays = 0;

/** Adds the fraction (truncated to ms) and applies the offset of `s` from index 19; NaN when malformed. */
function withFractionAndOffset(s: string, secondMs: number, leap: boolean): number {
	const n = s.length;
	let i = 19;
	let ms = 0;
	if (s.charCodeAt(i) === 46) {
		const start = ++i;
		while (i < n) {
			const d = s.charCodeAt(i) - 48;
			if (d < 0 || d > 9) break;
			if (i - start < 3) ms = ms * 10 + d;
			i++;
		}
		const digits = i - start;
		if (digits === 0 || digits > 9) return Number.NaN;
		if (digits === 1) ms *= 100;
		else if (digits === 2) ms *= 10;
	}
	if (leap) ms = 999;

	let offsetMin = 0;
	const z = s.charCodeAt(i);
	if (z === 90 || z === 122) {
		if (i + 1 !== n) return Number.NaN;
	} else if (z === 43 || z === 45) {
		const oh = twoDigits(s, i + 1);
		const colon = s.charCodeAt(i + 3) === 58;
		const om = twoDigits(s, colon ? i + 4 : i + 3);
		if (oh < 0 || oh > 23 || om < 0 || om > 59 || (colon ? i + 6 : i + 5) !== n) return Number.NaN;
		offsetMin = (oh * 60 + om) * (z === 45 ? -1 : 1);
	} else {
		return Number.NaN;
	}
	return secondMs - offsetMin * 60_000 + ms;
}

/** Hint for a number that is out of the window but looks like another epoch unit. */
export function epochUnitHint(n: number): string | undefined {
	if (n >= 1e9 && n < 1e10) return 'looks like epoch seconds; send epoch milliseconds or an RFC 3339 string';
	if (n >= 1e15 && n < 1e16) return 'looks like epoch microseconds; send epoch milliseconds or an RFC 3339 string';
	if (n >= 1e18 && n < 1e19) return 'looks like epoch nanoseconds; send epoch milliseconds or an RFC 3339 string';
	return undefined;
}

/** Reads a wire timestamp into epoch ms (not checked for plausibility). NaN when invalid. */
export function toEpochMs(value: unknown): number {
	if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
	if (typeof value === 'string') return parseRfc3339(value);
	return Number.NaN;
}

/** True when `ms` is inside 2000-01-01 ≤ ms ≤ arrival + 1 day. */
export function isPlausible(ms: number, arrivalMs: number): boolean {
	return ms >= MIN_PLAUSIBLE_TS && ms <= arrivalMs + MAX_FUTURE_MS;
}
