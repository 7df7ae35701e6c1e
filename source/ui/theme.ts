// Semantic colour tokens; panels never name a colour themselves. Ink's chalk does not read
// NO_COLOR (https://no-color.org), so it is honoured here. Nothing relies on colour alone:
// every tone that matters also has a text marker (⚠, OVER, ▼, ✗, FIRING).
import type {AlertSeverity, AlertState} from '../domain/snapshot-types.js';

export type Tone = 'ok' | 'warn' | 'danger' | 'info' | 'muted' | 'accent';

const PALETTE: Readonly<Record<Tone, string>> = {
	ok: 'green',
	warn: 'yellow',
	danger: 'red',
	info: 'blue',
	muted: 'gray',
	accent: 'cyan',
};

export type Theme = {
	readonly enabled: boolean;
	/** The Ink colour for a tone, or undefined when colour is off. */
	color(tone: Tone | undefined): string | undefined;
};

export function createTheme(enabled: boolean): Theme {
	return {
		enabled,
		color: tone => (enabled && tone !== undefined ? PALETTE[tone] : undefined),
	};
}

/** NO_COLOR set to anything but the empty string turns colour off. */
export function colorEnabled(env: Readonly<Record<string, string | undefined>>): boolean {
	const value = env['NO_COLOR'];
	return value === undefined || value === '';
}

export const theme: Theme = createTheme(colorEnabled(process.env));

/** Budget use: below 80 % fine, 80 % to 100 % warning, at or over 100 % over budget. */
export const BUDGET_WARN_RATIO = 0.8;
export const BUDGET_OVER_RATIO = 1;

export function budgetTone(ratio: number | null): Tone {
	if (ratio === null || !Number.isFinite(ratio)) return 'muted';
	if (ratio >= BUDGET_OVER_RATIO) return 'danger';
	if (ratio >= BUDGET_WARN_RATIO) return 'warn';
	return 'ok';
}

/** The text that goes with budgetTone, so the state reads without colour. */
export function budgetMarker(ratio: number | null): string {
	const tone = budgetTone(ratio);
	if (tone === 'danger') return '✗ OVER BUDGET';
	if (tone === 'warn') return '⚠ ≥80%';
	return '';
}

/** Display-only emphasis for error rates (the alert rule has its own configured threshold). */
export function errorRateTone(rate: number | null): Tone | undefined {
	if (rate === null || !Number.isFinite(rate)) return undefined;
	if (rate >= 0.05) return 'danger';
	if (rate >= 0.01) return 'warn';
	return undefined;
}

export function severityTone(severity: AlertSeverity, state: AlertState): Tone {
	if (state === 'resolved') return 'ok';
	if (state === 'pending') return 'muted';
	if (severity === 'critical') return 'danger';
	if (severity === 'warning') return 'warn';
	return 'info';
}
