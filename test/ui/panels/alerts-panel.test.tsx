import {describe, expect, it} from 'vitest';
import type {AlertRow, MonitorSnapshot} from '../../../source/domain/snapshot-types.js';
import {AlertsPanel, alertsSummary, formatAlertValue, orderAlerts, valueVsThreshold} from '../../../source/ui/panels/alerts-panel.js';
import {emptySnapshot, FIXTURE_NOW_MS, fullSnapshot} from '../../helpers/snapshot-fixture.js';
import {lineWith, renderWithStore, rowStarting, settle, storeWith} from '../../helpers/render.js';

async function frame(snapshot: MonitorSnapshot, width = 70, height = 8) {
	const rendered = renderWithStore(<AlertsPanel width={width} height={height} focused={false} mode="full" />, storeWith(snapshot), {columns: 120});
	await settle();
	const lines = rendered.frameLines();
	rendered.unmount();
	return lines;
}

const alert = (change: Partial<AlertRow>): AlertRow => ({
	rule: 'error_rate',
	severity: 'critical',
	state: 'firing',
	value: 0.072,
	threshold: 0.05,
	since: FIXTURE_NOW_MS,
	message: '',
	...change,
});

describe('AlertsPanel', () => {
	it('shows severity, state, rule, value against threshold and how long ago, firing first', async () => {
		const lines = await frame(fullSnapshot());
		expect(lineWith(lines, 'Alerts')).toContain('Alerts · 1 FIRING');
		expect(rowStarting(lines, 'sev')).toBe('sev state rule value/limit since');
		// Fired 240 s before now → 4m ago; resolved 30 s ago.
		expect(rowStarting(lines, 'CRIT')).toBe('CRIT FIRING error_rate 7.2% > 5.0% 4m ago');
		expect(rowStarting(lines, 'WARN')).toBe('WARN resolved grounding 0.74 > 0.70 30s ago');
		expect(lines.findIndex(line => line.includes('CRIT'))).toBeLessThan(lines.findIndex(line => line.includes('WARN')));
	});

	it('says so when nothing is firing', async () => {
		expect(lineWith(await frame(emptySnapshot()), 'no alerts')).toContain('✓ no alerts');
	});

	it('formats values in the unit of their rule', () => {
		expect(formatAlertValue('error_rate', 0.072)).toBe('7.2%');
		expect(formatAlertValue('daily_budget', 1.12)).toBe('112.0%');
		expect(formatAlertValue('p99_latency', 31_000)).toBe('31.0s');
		expect(formatAlertValue('grounding', 0.64)).toBe('0.64');
		expect(valueVsThreshold(alert({rule: 'grounding', value: 0.64, threshold: 0.7}))).toBe('0.64 < 0.70');
		expect(valueVsThreshold(alert({value: null}))).toBe('— / 5.0%');
	});

	it('orders firing, then pending, then resolved; critical before warning; newest first', () => {
		const ordered = orderAlerts([
			alert({rule: 'a', state: 'resolved'}),
			alert({rule: 'b', state: 'pending'}),
			alert({rule: 'c', severity: 'warning'}),
			alert({rule: 'd', since: FIXTURE_NOW_MS - 1000}),
			alert({rule: 'e'}),
		]);
		expect(ordered.map(row => row.rule)).toEqual(['e', 'd', 'c', 'b', 'a']);
	});

	it('has a one-line summary', () => {
		expect(alertsSummary(fullSnapshot().alerts)).toBe('1 FIRING (1 critical): error_rate · 0 pending');
		expect(alertsSummary([])).toBe('none firing');
	});
});
