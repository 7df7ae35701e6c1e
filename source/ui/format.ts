// Pure formatters for the dashboard. Every one maps null, NaN and ±Infinity to NONE,
// so an unknown value can never show up as 0 or "NaN".

export const NONE = '—';

function known(value: number | null | undefined): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}

/** 850 → "850ms", 1250 → "1.25s", 12_500 → "12.5s", 125_000 → "2m05s". */
export function formatMs(ms: number | null | undefined): string {
	if (!known(ms) || ms < 0) return NONE;
	// Thresholds sit where rounding would carry into the next unit (999.6 ms is not "1000ms").
	if (ms < 999.5) return `${Math.round(ms)}ms`;
	if (ms < 9995) return `${(ms / 1000).toFixed(2)}s`;
	if (ms < 59_950) return `${(ms / 1000).toFixed(1)}s`;
	const totalSeconds = Math.round(ms / 1000);
	const minutes = Math.floor(totalSeconds / 60);
	if (minutes < 60) return `${minutes}m${String(totalSeconds % 60).padStart(2, '0')}s`;
	const hours = Math.floor(minutes / 60);
	return `${hours}h${String(minutes % 60).padStart(2, '0')}m`;
}

/**
 * What `toLocaleString('en-US', {minimum/maximumFractionDigits: decimals})` gives for a finite
 * non-negative value, without an Intl call per cell per frame: the shortest decimal form rounded
 * half away from zero (Intl rounds that form, so 1.005 → "1.01" where toFixed gives "1.00"), with
 * thousands separators.
 */
function group(value: number, decimals: number): string {
	const fixed = roundDecimal(value, decimals);
	const point = fixed.indexOf('.');
	const digits = point === -1 ? fixed.length : point;
	if (digits <= 3) return fixed;
	let out = fixed.slice(digits - 3);
	for (let end = digits - 3; end > 0; end -= 3) out = `${fixed.slice(Math.max(0, end - 3), end)},${out}`;
	return out;
}

function roundDecimal(value: number, decimals: number): string {
	const text = String(value);
	// Exponent forms (below 1e-6 or from 1e21) never reach here; toFixed is close enough for them.
	if (text.includes('e')) return value.toFixed(decimals);
	const point = text.indexOf('.');
	const whole = point === -1 ? text : text.slice(0, point);
	const fraction = point === -1 ? '' : text.slice(point + 1);
	if (fraction.length <= decimals) return decimals === 0 ? whole : `${whole}.${fraction.padEnd(decimals, '0')}`;
	let digits = whole + fraction.slice(0, decimals);
	// The next digit decides: 5 and above rounds up (any digits after it only add to it).
	if (fraction.charCodeAt(decimals) >= 53) digits = increment(digits);
	const wholeLength = digits.length - decimals;
	return decimals === 0 ? digits : `${digits.slice(0, wholeLength)}.${digits.slice(wholeLength)}`;
}

/** Adds one to a string of decimal digits: "0999" → "1000", "999" → "1000". */
function increment(digits: string): string {
	let index = digits.length - 1;
	while (index >= 0 && digits.charCodeAt(index) === 57) index--;
	const zeros = '0'.repeat(digits.length - 1 - index);
	if (index < 0) return `1${zeros}`;
	return `${digits.slice(0, index)}${String.fromCharCode(digits.charCodeAt(index) + 1)}${zeros}`;
}

/**
 * Dollars with precision that suits the size: per-call costs need sub-cent digits,
 * daily totals need cents, large totals need neither.
 */
export function formatUsd(usd: number | null | undefined): string {
	if (!known(usd)) return NONE;
	const sign = usd < 0 ? '-' : '';
	const abs = Math.abs(usd);
	if (abs === 0) return '$0.00';
	if (abs >= 99_999.5) return `${sign}$${compact(abs)}`;
	if (abs >= 0.0995) return `${sign}$${group(abs, 2)}`;
	// Each threshold sits where rounding would reach the next precision's range.
	if (abs >= 0.00995) return `${sign}$${abs.toFixed(3)}`;
	if (abs >= 0.00005) return `${sign}$${abs.toFixed(4)}`;
	return `${sign}<$0.0001`;
}

/** Ratio → percent: 0.042 → "4.2%". */
export function formatPercent(ratio: number | null | undefined, decimals = 1): string {
	if (!known(ratio)) return NONE;
	return `${(ratio * 100).toFixed(decimals)}%`;
}

function compact(abs: number): string {
	const units: Array<[number, string]> = [
		[1e9, 'B'],
		[1e6, 'M'],
		[1e3, 'k'],
	];
	for (const [size, suffix] of units) {
		// From 0.9995 of a unit on, the smaller unit would round to "1000": 999_500 → "1.0M", not "1000k".
		if (abs >= size * 0.9995) {
			const scaled = abs / size;
			const text = scaled >= 99.95 ? Math.round(scaled).toString() : scaled.toFixed(1);
			return `${text}${suffix}`;
		}
	}
	return Math.round(abs).toString();
}

/** 999 → "999", 12_345 → "12.3k", 123_456 → "123k", 1_500_000 → "1.5M". */
export function formatCount(count: number | null | undefined): string {
	if (!known(count)) return NONE;
	const sign = count < 0 ? '-' : '';
	const abs = Math.abs(count);
	if (abs < 999.5) return `${sign}${Math.round(abs)}`;
	return `${sign}${compact(abs)}`;
}

/** Per-second rates: 0.42 → "0.42/s", 12.34 → "12.3/s", 12_345 → "12.3k/s". */
export function formatRate(perSecond: number | null | undefined): string {
	if (!known(perSecond) || perSecond < 0) return NONE;
	if (perSecond < 9.995) return `${perSecond.toFixed(2)}/s`;
	if (perSecond < 999.95) return `${perSecond.toFixed(1)}/s`;
	return `${formatCount(perSecond)}/s`;
}

/** Elapsed time, coarse: 12_000 → "12s", 250_000 → "4m", 3_900_000 → "1h05m", 2 days → "2d". */
export function formatDuration(ms: number | null | undefined, rounding: 'down' | 'nearest' = 'down'): string {
	if (!known(ms)) return NONE;
	const round = rounding === 'down' ? Math.floor : Math.round;
	const seconds = round(Math.max(0, ms) / 1000);
	if (seconds < 60) return `${seconds}s`;
	const minutes = rounding === 'down' ? Math.floor(seconds / 60) : Math.round(seconds / 60);
	if (minutes < 60) return `${minutes}m`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return `${hours}h${String(minutes % 60).padStart(2, '0')}m`;
	return `${Math.floor(hours / 24)}d`;
}

/** How long ago `thenMs` was at `nowMs`: "now", "12s ago", "4m ago". Future times (clock skew) read "now". */
export function formatRelative(thenMs: number | null | undefined, nowMs: number | null | undefined): string {
	if (!known(thenMs) || !known(nowMs)) return NONE;
	const delta = nowMs - thenMs;
	if (delta < 1000) return 'now';
	return `${formatDuration(delta)} ago`;
}

/** 0–1 scores with two decimals: 0.912 → "0.91". */
export function formatScore(score: number | null | undefined): string {
	if (!known(score)) return NONE;
	return score.toFixed(2);
}

/** The 1–5 satisfaction scale, one decimal: 4.25 → "4.3". */
export function formatSatisfaction(score: number | null | undefined): string {
	if (!known(score)) return NONE;
	return score.toFixed(1);
}

/** Return on cost: 3.2 → "3.2×", 125 → "125×". */
export function formatRoi(roi: number | null | undefined): string {
	if (!known(roi)) return NONE;
	if (Math.abs(roi) >= 99.95) return `${Math.round(roi)}×`;
	return `${roi.toFixed(roi !== 0 && Math.abs(roi) < 0.095 ? 2 : 1)}×`;
}

/** Window lengths: 60 → "1m", 300 → "5m", 3600 → "1h", 90 → "90s". */
export function formatWindow(seconds: number | null | undefined): string {
	if (!known(seconds) || seconds <= 0) return NONE;
	if (seconds % 3600 === 0) return `${seconds / 3600}h`;
	if (seconds % 60 === 0) return `${seconds / 60}m`;
	return `${Math.round(seconds)}s`;
}

/** "HH:MM:SS" from an ISO timestamp with an offset (the wall time in the configured zone). */
export function formatClock(iso: string | null | undefined): string {
	if (typeof iso !== 'string') return NONE;
	const match = /T(\d{2}:\d{2}:\d{2})/.exec(iso);
	return match?.[1] ?? NONE;
}

const BLOCKS = '▁▂▃▄▅▆▇█';

/** One character per value scaled to the largest; zero (or unknown) days show as "·". */
export function sparkline(values: readonly number[]): string {
	const finite = values.map(v => (Number.isFinite(v) && v > 0 ? v : 0));
	const max = Math.max(0, ...finite);
	return finite
		.map(v => {
			if (v === 0 || max === 0) return '·';
			const index = Math.min(BLOCKS.length - 1, Math.max(0, Math.ceil((v / max) * BLOCKS.length) - 1));
			return BLOCKS[index] ?? '·';
		})
		.join('');
}

/** A fixed-width bar: filled share of `width` cells for ratio (clamped to 0–1). */
export function bar(ratio: number | null | undefined, width: number): string {
	const cells = Math.max(0, Math.floor(width));
	const share = known(ratio) ? Math.min(1, Math.max(0, ratio)) : 0;
	const filled = Math.round(share * cells);
	return '█'.repeat(filled) + '░'.repeat(cells - filled);
}
