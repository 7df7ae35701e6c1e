import {describe, expect, it} from 'vitest';
import type {MonitorSnapshot} from '../../source/domain/snapshot-types.js';
import {bindingKeys, KEYMAP} from '../../source/ui/keymap.js';
import {emptySnapshot, fullSnapshot} from '../helpers/snapshot-fixture.js';
import {KEYS, lineWith, press, renderApp, settle, storeWith} from '../helpers/render.js';

const SIZES = [
	[80, 24],
	[100, 30],
	[120, 40],
	[160, 48],
	[200, 60],
] as const;

function widest(lines: readonly string[]): number {
	return Math.max(...lines.map(line => [...line].length));
}

describe('App layout', () => {
	it.each(SIZES)('at %i×%i the frame is at most rows − 1 lines and no line is wider than the terminal', async (columns, rows) => {
		for (const snapshot of [fullSnapshot(), emptySnapshot(), null]) {
			// The fake terminal is larger: only the size prop limits the frame.
			const app = renderApp(storeWith(snapshot), {columns: 300, rows: 100, size: {columns, rows}});
			await settle();
			const lines = app.frameText().split('\n');
			expect(lines.length).toBeLessThanOrEqual(rows - 1);
			expect(widest(lines)).toBeLessThanOrEqual(columns);
			app.unmount();
		}
	});

	it('the size prop overrides the terminal, and the terminal size is used without it', async () => {
		const forced = renderApp(storeWith(fullSnapshot()), {columns: 300, rows: 100, size: {columns: 200, rows: 60}});
		const natural = renderApp(storeWith(fullSnapshot()), {columns: 80, rows: 24});
		await settle();
		expect(forced.frameText().split('\n')).toHaveLength(59);
		expect(natural.frameText().split('\n')).toHaveLength(23);
		expect(widest(natural.frameLines())).toBeLessThanOrEqual(80);
		forced.unmount();
		natural.unmount();
	});

	it('follows terminal resizes', async () => {
		const app = renderApp(storeWith(fullSnapshot()), {columns: 100, rows: 30});
		await settle();
		expect(app.frameText().split('\n')).toHaveLength(29);
		app.stdout.columns = 80;
		app.stdout.rows = 24;
		app.stdout.emit('resize');
		await settle();
		expect(app.frameText().split('\n')).toHaveLength(23);
		expect(widest(app.frameLines())).toBeLessThanOrEqual(80);
		app.unmount();
	});

	it('at 80×24 collapses alerts and traces to summary lines', async () => {
		const app = renderApp(storeWith(fullSnapshot()), {columns: 80, rows: 24});
		await settle();
		const lines = app.frameLines();
		expect(lineWith(lines, 'Alerts')).toContain('Alerts 1 FIRING (1 critical): error_rate · 0 pending');
		expect(lineWith(lines, 'Traces')).toContain('Traces 57 seen · last POST /chat');
		app.unmount();
	});

	it('the header shows time, window, zone, rates, lines and a rejected count', async () => {
		const app = renderApp(storeWith(fullSnapshot()), {columns: 120, rows: 30});
		await settle();
		const [first, second] = app.frameLines();
		expect(first).toContain('window 5m  14:03:22 Europe/Paris');
		expect(second).toContain('events 123.4/s │ 12.3k lines · 3 rejected (r) │ stdin ● following · ws:8787 ● reading (2 clients)');
		app.unmount();
	});
});

describe('App keys', () => {
	it('? opens help listing every keymap entry; Esc closes it', async () => {
		const store = storeWith(fullSnapshot());
		const app = renderApp(store, {columns: 120, rows: 40});
		await press(app, '?');
		expect(store.getState().ui.helpOpen).toBe(true);
		const help = app.frameText();
		for (const binding of KEYMAP) {
			expect(help).toContain(bindingKeys(binding));
			expect(help).toContain(binding.description);
		}
		expect(help).not.toContain('Performance');
		await press(app, KEYS.escape);
		expect(store.getState().ui.helpOpen).toBe(false);
		expect(app.frameText()).toContain('Performance');
		app.unmount();
	});

	it('p pauses and the header shows how many lines arrived since', async () => {
		const store = storeWith(fullSnapshot(), {lines: 12_345});
		const app = renderApp(store, {columns: 120, rows: 40});
		await press(app, 'p');
		expect(store.getState().ui.paused).toBe(true);
		expect(app.frameLines()[0]).toContain('PAUSED +0 new');
		// What the frame ticker does on its next tick: 13 845 − 12 345 = 1 500 lines → "1.5k".
		store.getState().actions.notePausedLines(13_845);
		await settle();
		expect(app.frameLines()[0]).toContain('PAUSED +1.5k new');
		await press(app, 'p');
		expect(app.frameText()).not.toContain('PAUSED');
		app.unmount();
	});

	it('w cycles the window in the store and the header', async () => {
		const store = storeWith(fullSnapshot());
		const app = renderApp(store, {columns: 120, rows: 40});
		await press(app, 'w');
		expect(store.getState().ui.windowS).toBe(900);
		expect(app.frameLines()[0]).toContain('window 15m');
		app.unmount();
	});

	it('keys that arrive together each count: "ww" moves the window two steps', async () => {
		const store = storeWith(fullSnapshot());
		const app = renderApp(store, {columns: 120, rows: 40});
		await press(app, 'ww');
		// 5m → 15m → 1h.
		expect(store.getState().ui.windowS).toBe(3600);
		app.unmount();
	});

	it('s toggles the feature sort', async () => {
		const store = storeWith(fullSnapshot());
		const app = renderApp(store, {columns: 120, rows: 40});
		await press(app, 's');
		expect(store.getState().ui.featureSort).toBe('roi');
		expect(app.frameText()).toContain('by ROI ▲');
		app.unmount();
	});

	it('Tab and Shift-Tab move the focus marker between panels', async () => {
		const store = storeWith(fullSnapshot());
		const app = renderApp(store, {columns: 120, rows: 40});
		await settle();
		expect(app.frameText()).toContain('▶ Performance');
		await press(app, KEYS.tab);
		expect(store.getState().ui.focus).toBe('cost');
		expect(app.frameText()).toContain('▶ Cost');
		expect(app.frameText()).not.toContain('▶ Performance');
		await press(app, KEYS.shiftTab);
		await press(app, KEYS.shiftTab);
		expect(store.getState().ui.focus).toBe('traces');
		expect(app.frameText()).toContain('▶ Recent traces');
		app.unmount();
	});

	it('r shows recent rejects, newest first, with reasons counted', async () => {
		const store = storeWith(fullSnapshot());
		const app = renderApp(store, {columns: 120, rows: 40});
		await press(app, 'r');
		const lines = app.frameLines();
		expect(lineWith(lines, 'Recent rejects')).toContain('3 rejected');
		expect(lineWith(lines, 'invalid_json 2')).toContain('invalid_json 2 · missing_field:model 1');
		const newer = lines.findIndex(line => line.includes('12s ago'));
		const older = lines.findIndex(line => line.includes('1m ago'));
		expect(newer).toBeGreaterThan(0);
		expect(newer).toBeLessThan(older);
		expect(lineWith(lines, '12s ago')).toContain('12s ago ws missing_field:model {"type":"llm_call","ts":1}');
		await press(app, 'r');
		expect(app.frameText()).not.toContain('Recent rejects');
		app.unmount();
	});

	it('q requests quit and exits the Ink app', async () => {
		const store = storeWith(fullSnapshot());
		const app = renderApp(store, {columns: 120, rows: 40});
		let exited = false;
		void app.instance.waitUntilExit().then(() => {
			exited = true;
		});
		await press(app, 'q');
		expect(store.getState().ui.quitRequested).toBe(true);
		expect(exited).toBe(true);
		app.unmount();
	});

	it('without a terminal the header says keys are unavailable and keys do nothing', async () => {
		const store = storeWith(fullSnapshot(), {keysAvailable: false});
		const app = renderApp(store, {columns: 120, rows: 40});
		await press(app, '?');
		expect(store.getState().ui.helpOpen).toBe(false);
		expect(app.frameLines()[0]).toContain('keys unavailable (no terminal)');
		expect(app.frameText()).toContain('keys unavailable: press Ctrl-C to quit');
		app.unmount();
	});

	it('a stdin that cannot do raw mode also turns keys off', async () => {
		const store = storeWith(fullSnapshot());
		const app = renderApp(store, {columns: 120, rows: 40, stdinIsTTY: false});
		await press(app, '?');
		expect(store.getState().ui.helpOpen).toBe(false);
		expect(app.frameLines()[0]).toContain('keys unavailable');
		app.unmount();
	});
});

describe('App sanitising', () => {
	it('shows escape sequences from events as visible symbols and never writes them', async () => {
		const base = fullSnapshot();
		const clear = '\u001B[2J';
		const osc = '\u001B]52;c;aGVsbG8=\u0007';
		const stats = base.performance.by_model['gpt-4o']!;
		const snapshot: MonitorSnapshot = {
			...base,
			ingest: {
				...base.ingest,
				sources: [{name: `ws${clear}`, state: 'error', detail: osc}],
				recent_rejects: [{at: base.clock.now_ms, source: 'stdin', reason: `bad${clear}`, sample: `{"model":"${osc}"}`}],
			},
			performance: {...base.performance, by_model: {[`evil${clear}model`]: stats}, by_provider: {[`prov${osc}`]: stats}},
			cost: {...base.cost, today: {...base.cost.today, by_model: {[`m${clear}`]: {cost_usd: 1, calls: 1, unpriced_calls: 0}}}},
			quality: {by_model: {[`q${osc}`]: base.quality.by_model['gpt-4o']!}, by_feature: {}},
			features: [{...base.features[0]!, feature: `feat${osc}`}],
			alerts: [{...base.alerts[1]!, rule: `rule${clear}`}],
			traces: {...base.traces, recent: [{...base.traces.recent[0]!, trace_id: `\u001B[31m`, root_name: `root${osc}`, service: clear}]},
		};
		const store = storeWith(snapshot);
		const app = renderApp(store, {columns: 200, rows: 60});
		await settle();
		const frames = [app.rawFrame()];
		await press(app, 'r');
		frames.push(app.rawFrame());
		for (const raw of frames) {
			// Ink's own colour codes (SGR, ending in m) are allowed; nothing else may carry an ESC.
			expect(raw.replaceAll(/\u001B\[[\d;]*m/g, '')).not.toContain('\u001B');
			expect(raw).not.toContain('\u0007');
		}
		expect(frames[0]).toContain('evil␛[2Jmodel');
		expect(frames[0]).toContain('feat␛]52;c;aGVsbG8=␇');
		expect(frames[1]).toContain('bad␛[2J');
		app.unmount();
	});
});
