// Parsers for option values. Each returns the value or a message saying what was expected;
// callers prefix the flag name.

export type Parsed<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly error: string};

const ok = <T>(value: T): Parsed<T> => ({ok: true, value});
const fail = <T>(error: string): Parsed<T> => ({ok: false, error});

const UNIT_S: Record<string, number> = {s: 1, m: 60, h: 3600, d: 86_400};

/** `90s`, `5m`, `1.5h`, `2d` or a bare number of seconds, > 0. */
export function parseDurationS(text: string): Parsed<number> {
	const match = /^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$/i.exec(text);
	if (!match) {
		return fail(`expected a duration such as 30s, 5m or 1h (got "${text}")`);
	}

	const seconds = Number(match[1]) * (UNIT_S[(match[2] ?? '').toLowerCase()] ?? 1);
	if (!Number.isFinite(seconds) || seconds <= 0) {
		return fail(`must be longer than 0 (got "${text}")`);
	}

	return ok(seconds);
}

/** A window label for messages and headers: 60 → 1m, 3600 → 1h. */
export function formatWindow(seconds: number): string {
	if (seconds % 3600 === 0) {
		return `${seconds / 3600}h`;
	}

	if (seconds % 60 === 0) {
		return `${seconds / 60}m`;
	}

	return `${seconds}s`;
}

/** USD amount > 0 (a budget of 0 would make every ratio infinite). */
export function parseUsd(text: string): Parsed<number> {
	const amount = text.trim().replace(/^\$/, '');
	// Decimal only: Number() would also take "0x10" (16) or "1e3", which nobody means as dollars.
	const value = /^-?\d+(?:\.\d+)?$/.test(amount) ? Number(amount) : Number.NaN;
	if (!Number.isFinite(value)) {
		return fail(`expected an amount in USD such as 50 or 12.5 (got "${text}")`);
	}

	if (value <= 0) {
		return fail(`must be greater than 0 (got "${text}")`);
	}

	return ok(value);
}

/** `HH:MM` → minutes after midnight, 00:00–23:59. */
export function parseDayStart(text: string): Parsed<number> {
	const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
	const hours = Number(match?.[1]);
	const minutes = Number(match?.[2]);
	if (!match || hours > 23 || minutes > 59) {
		return fail(`expected a local time HH:MM between 00:00 and 23:59 (got "${text}")`);
	}

	return ok(hours * 60 + minutes);
}

/** RFC 3339 with an explicit offset, or epoch milliseconds. */
export function parseInstant(text: string): Parsed<number> {
	const trimmed = text.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) {
		return ok(Number(trimmed));
	}

	const hasOffset = /(?:z|[+-]\d{2}:?\d{2})$/i.test(trimmed) && /^\d{4}-\d{2}-\d{2}t/i.test(trimmed);
	const ms = Date.parse(trimmed);
	if (!hasOffset || !Number.isFinite(ms)) {
		return fail(`expected an ISO 8601 time with an offset, such as 2026-08-20T10:00:00Z, or epoch milliseconds (got "${text}")`);
	}

	return ok(ms);
}

/** A positive number no larger than `max`. */
export function parsePositive(text: string, max: number): Parsed<number> {
	const value = Number(text.trim());
	if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || value > max) {
		return fail(`expected a number greater than 0 and at most ${max} (got "${text}")`);
	}

	return ok(value);
}

/** A whole number, 0 to 2^32 − 1 (the PRNG's seed space). */
export function parseSeed(text: string): Parsed<number> {
	const trimmed = text.trim();
	const value = Number(trimmed);
	if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(value) || value > 4_294_967_295) {
		return fail(`expected a whole number from 0 to 4294967295 (got "${text}")`);
	}

	return ok(value);
}
