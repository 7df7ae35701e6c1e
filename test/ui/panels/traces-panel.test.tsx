import {describe, expect, it} from 'vitest';
import type {MonitorSnapshot} from '../../../source/domain/snapshot-types.js';
import {TracesPanel, tracesSummary} from '../../../source/ui/panels/traces-panel.js';
import {emptySnapshot, fullSnapshot} from '../../helpers/snapshot-fixture.js';
import {lineWith, renderWithStore, rowStarting, settle, storeWith} from '../../helpers/render.js';

async function frame(snapshot: MonitorSnapshot, width = 80, height = 7) {
	const rendered = renderWithStore(<TracesPanel width={width} height={height} focused={false} mode="full" />, storeWith(snapshot), {columns: 120});
	await settle();
	const lines = rendered.frameLines();
	rendered.unmount();
	return lines;
}

describe('TracesPanel', () => {
	it('shows short id, root name, duration, errors, spans, cost and service', async () => {
		const lines = await frame(fullSnapshot());
		expect(lineWith(lines, 'Recent traces')).toContain('Recent traces · 57 seen');
		expect(rowStarting(lines, 'trace')).toBe('trace root dur err spans cost service');
		expect(rowStarting(lines, '4bf92f35')).toBe('4bf92f35 POST /chat 2.35s ✗1 7 $0.012 api');
		// No errors: empty cell; unknown cost: —.
		expect(rowStarting(lines, '00f067aa')).toBe('00f067aa summarize-doc 640ms 3 —');
	});

	it('reports dropped spans in the title', async () => {
		const base = fullSnapshot();
		const lines = await frame({...base, traces: {...base.traces, spans_dropped: 1234}});
		expect(lineWith(lines, 'Recent traces')).toContain('57 seen · 1.2k spans dropped');
	});

	it('says so when there are no traces', async () => {
		expect(lineWith(await frame(emptySnapshot()), 'no traces')).toBeDefined();
	});

	it('has a one-line summary', () => {
		expect(tracesSummary(fullSnapshot().traces)).toBe('57 seen · last POST /chat 2.35s ✗1 $0.012');
		expect(tracesSummary(null)).toBe('waiting for data…');
	});
});
