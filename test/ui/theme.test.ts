import {describe, expect, it} from 'vitest';
import {budgetMarker, budgetTone, colorEnabled, createTheme, errorRateTone, severityTone} from '../../source/ui/theme.js';

describe('theme', () => {
	it('budget tone turns warning at 80 % and over-budget at 100 %', () => {
		expect(budgetTone(0.79)).toBe('ok');
		expect(budgetTone(0.8)).toBe('warn');
		expect(budgetTone(0.999)).toBe('warn');
		expect(budgetTone(1)).toBe('danger');
		expect(budgetTone(1.5)).toBe('danger');
		expect(budgetTone(null)).toBe('muted');
	});

	it('every non-ok budget tone has a text marker, so colour is never the only signal', () => {
		expect(budgetMarker(0.5)).toBe('');
		expect(budgetMarker(0.85)).toBe('⚠ ≥80%');
		expect(budgetMarker(1.12)).toBe('✗ OVER BUDGET');
	});

	it('NO_COLOR set to a non-empty value turns colour off', () => {
		expect(colorEnabled({})).toBe(true);
		expect(colorEnabled({NO_COLOR: ''})).toBe(true);
		expect(colorEnabled({NO_COLOR: '1'})).toBe(false);
		expect(createTheme(false).color('danger')).toBeUndefined();
		expect(createTheme(true).color('danger')).toBe('red');
	});

	it('error-rate and alert tones', () => {
		expect(errorRateTone(0.005)).toBeUndefined();
		expect(errorRateTone(0.01)).toBe('warn');
		expect(errorRateTone(0.05)).toBe('danger');
		expect(errorRateTone(null)).toBeUndefined();
		expect(severityTone('critical', 'firing')).toBe('danger');
		expect(severityTone('critical', 'pending')).toBe('muted');
		expect(severityTone('warning', 'resolved')).toBe('ok');
	});
});
