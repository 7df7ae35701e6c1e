import {describe, expect, it} from 'vitest';
import {createMonitorStore, PANEL_ORDER} from '../../source/store/create-monitor-store.js';
import {fullSnapshot} from '../helpers/snapshot-fixture.js';

const make = (windowS = 300, windowsS?: readonly number[]) => createMonitorStore({windowS, keys: {available: true}, windowsS});

describe('createMonitorStore', () => {
	it('starts with no snapshot, frame 0, the given window and focus on performance', () => {
		const store = make(900);
		const state = store.getState();
		expect(state.snapshot).toBeNull();
		expect(state.frame).toBe(0);
		expect(state.ui).toEqual({
			focus: 'performance',
			helpOpen: false,
			rejectsOpen: false,
			paused: false,
			newWhilePaused: 0,
			windowS: 900,
			featureSort: 'cost',
			quitRequested: false,
		});
		expect(state.keys).toEqual({available: true});
	});

	it('is a factory: two stores do not share state', () => {
		const a = make();
		const b = make();
		a.getState().actions.togglePause();
		expect(a.getState().ui.paused).toBe(true);
		expect(b.getState().ui.paused).toBe(false);
	});

	it('keeps the keys detail for the header', () => {
		const store = createMonitorStore({windowS: 60, keys: {available: false, detail: 'no terminal'}});
		expect(store.getState().keys).toEqual({available: false, detail: 'no terminal'});
	});

	it('cycles focus forwards and backwards through every panel, wrapping at both ends', () => {
		const store = make();
		const seen = [store.getState().ui.focus];
		for (let index = 0; index < PANEL_ORDER.length; index++) {
			store.getState().actions.focusNext();
			seen.push(store.getState().ui.focus);
		}
		expect(seen).toEqual([...PANEL_ORDER, 'performance']);
		store.getState().actions.focusPrev();
		expect(store.getState().ui.focus).toBe('traces');
	});

	it('cycles the window 60 → 300 → 900 → 3600 → 60 from the default list', () => {
		const store = make(60);
		const seen: number[] = [];
		for (let index = 0; index < 4; index++) {
			store.getState().actions.cycleWindow();
			seen.push(store.getState().ui.windowS);
		}
		expect(seen).toEqual([300, 900, 3600, 60]);
	});

	it('restarts the cycle at the first window when the start window is not in the list', () => {
		const store = make(120, [60, 300]);
		store.getState().actions.cycleWindow();
		expect(store.getState().ui.windowS).toBe(60);
	});

	it('help and rejects are exclusive overlays; Esc closes both', () => {
		const store = make();
		const {actions} = store.getState();
		actions.toggleHelp();
		expect(store.getState().ui).toMatchObject({helpOpen: true, rejectsOpen: false});
		actions.toggleRejects();
		expect(store.getState().ui).toMatchObject({helpOpen: false, rejectsOpen: true});
		actions.closeOverlays();
		expect(store.getState().ui).toMatchObject({helpOpen: false, rejectsOpen: false});
		actions.toggleHelp();
		actions.toggleHelp();
		expect(store.getState().ui.helpOpen).toBe(false);
	});

	it('toggles the feature sort between cost and roi, and records a quit request', () => {
		const store = make();
		store.getState().actions.toggleFeatureSort();
		expect(store.getState().ui.featureSort).toBe('roi');
		store.getState().actions.toggleFeatureSort();
		expect(store.getState().ui.featureSort).toBe('cost');
		store.getState().actions.requestQuit();
		expect(store.getState().ui.quitRequested).toBe(true);
	});

	it('publish sets the snapshot, the lines it was taken at, and bumps the frame', () => {
		const store = make();
		const snapshot = fullSnapshot();
		store.getState().actions.publish(snapshot, 12_345);
		store.getState().actions.publish(snapshot, 12_400);
		const state = store.getState();
		expect(state.snapshot).toBe(snapshot);
		expect(state.frame).toBe(2);
		expect(state.linesRead).toBe(12_400);
	});

	it('counts lines read since the snapshot on screen while paused, and publish resets it', () => {
		const store = make();
		store.getState().actions.publish(fullSnapshot(), 100);
		store.getState().actions.togglePause();
		store.getState().actions.notePausedLines(175);
		// 175 − 100 = 75 lines not on screen.
		expect(store.getState().ui.newWhilePaused).toBe(75);
		// A line count below the published one (a reset source) never gives a negative count.
		store.getState().actions.notePausedLines(90);
		expect(store.getState().ui.newWhilePaused).toBe(0);
		store.getState().actions.notePausedLines(175);
		store.getState().actions.publish(fullSnapshot(), 175);
		expect(store.getState().ui.newWhilePaused).toBe(0);
	});

	it('does not notify subscribers for updates that change nothing', () => {
		const store = make();
		let notified = 0;
		store.subscribe(() => notified++);
		store.getState().actions.closeOverlays();
		store.getState().actions.notePausedLines(0);
		expect(notified).toBe(0);
		store.getState().actions.toggleHelp();
		expect(notified).toBe(1);
	});
});
