// Arithmetic on local date keys ('YYYY-MM-DD', 'YYYY-MM'). Wall-clock times are carried as "wall ms":
// the local date and time written down as if it were UTC, so plain UTC arithmetic applies to them.

export type DateFields = {readonly year: number; readonly month: number; readonly day: number};

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_KEY = /^(\d{4})-(\d{2})$/;

/** Wall ms of a local date and time; unlike Date.UTC, years 0–99 are not shifted to 1900–1999. */
export function wallFromFields(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	date.setUTCHours(hour, minute, second, 0);
	return date.getTime();
}

function pad(value: number, width: number): string {
	return String(value).padStart(width, '0');
}

export function formatDayKey(year: number, month: number, day: number): string {
	return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The date key of a wall ms value (its UTC calendar date). */
export function dayKeyOfWall(wall: number): string {
	const date = new Date(wall);
	return formatDayKey(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Fields of a 'YYYY-MM-DD' key, or null when it is not a real calendar date. */
export function parseDayKey(key: string): DateFields | null {
	const match = DAY_KEY.exec(key);
	if (!match) return null;
	const year = Number(match[1]);
	const month = Number(match[2]);
	const day = Number(match[3]);
	// Reject 2023-02-30 instead of silently rolling it into March.
	if (dayKeyOfWall(wallFromFields(year, month, day)) !== key) return null;
	return {year, month, day};
}

/** Fields of a 'YYYY-MM' key (day 1), or null. */
export function parseMonthKey(key: string): DateFields | null {
	const match = MONTH_KEY.exec(key);
	if (!match) return null;
	const year = Number(match[1]);
	const month = Number(match[2]);
	if (month < 1 || month > 12) return null;
	return {year, month, day: 1};
}

/** The key `days` calendar days after (or before, when negative) `key`; null for a malformed key. */
export function shiftDayKey(key: string, days: number): string | null {
	const fields = parseDayKey(key);
	if (!fields) return null;
	return dayKeyOfWall(wallFromFields(fields.year, fields.month, fields.day + Math.trunc(days)));
}

/** 'YYYY-MM' of the month after `monthKey`; null for a malformed key. */
export function nextMonthKey(monthKey: string): string | null {
	const fields = parseMonthKey(monthKey);
	if (!fields) return null;
	return dayKeyOfWall(wallFromFields(fields.year, fields.month + 1, 1)).slice(0, 7);
}
