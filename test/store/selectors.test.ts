import {describe, expect, it} from 'vitest';
import {createMonitorStore} from '../../source/store/create-monitor-store.js';
import {
	selectAlerts,
	selectClock,
	selectCost,
	selectFeatures,
	selectIngest,
	selectPerformance,
	selectQuality,
	selectTraces,
	selectUi,
} from '../../source/store/selectors.js';
import {fullSnapshot} from '../helpers/snapshot-fixture.js';

function seeded() {
	const store = createMonitorStore({windowS: 300, keys: {available: true}});
	store.getState().actions.publish(fullSnapshot(), 1);
	return store;
}

describe('selectors', () => {
	it('return null (or a shared empty list) before the first snapshot, the same reference every call', () => {
		const store = createMonitorStore({windowS: 300, keys: {available: true}});
		const state = store.getState();
		for (const select of [selectPerformance, selectCost, selectQuality, selectTraces, selectIngest, selectClock]) {
			expect(select(state)).toBeNull();
		}
		expect(selectFeatures(state)).toEqual([]);
		expect(selectFeatures(state)).toBe(selectFeatures(store.getState()));
		expect(selectAlerts(state)).toBe(selectAlerts(store.getState()));
	});

	it('return === results while nothing changes, including after unrelated UI updates', () => {
		const store = seeded();
		const before = store.getState();
		const picks = [selectPerformance, selectCost, selectQuality, selectAlerts, selectTraces, selectIngest, selectClock, selectFeatures];
		const first = picks.map(select => select(before));
		store.getState().actions.focusNext();
		store.getState().actions.toggleHelp();
		const after = store.getState();
		expect(after).not.toBe(before);
		picks.forEach((select, index) => {
			expect(select(after)).toBe(first[index]);
		});
	});

	it('selectUi changes only when the UI state does', () => {
		const store = seeded();
		const ui = selectUi(store.getState());
		store.getState().actions.publish(fullSnapshot(), 2);
		expect(selectUi(store.getState())).toBe(ui);
		store.getState().actions.togglePause();
		expect(selectUi(store.getState())).not.toBe(ui);
	});

	it('sorts features by cost (most expensive first) and by ROI (least profitable first), memoised per sort', () => {
		const store = seeded();
		const byCost = selectFeatures(store.getState());
		// chat $22.50 > summarize $18.00 > search $2.00.
		expect(byCost.map(row => row.feature)).toEqual(['chat', 'summarize', 'search']);
		expect(selectFeatures(store.getState())).toBe(byCost);

		store.getState().actions.toggleFeatureSort();
		const byRoi = selectFeatures(store.getState());
		// ROI summarize 3.0 < chat 4.0 < search 15.0.
		expect(byRoi.map(row => row.feature)).toEqual(['summarize', 'chat', 'search']);
		expect(byRoi).not.toBe(byCost);
		expect(selectFeatures(store.getState())).toBe(byRoi);

		store.getState().actions.toggleFeatureSort();
		expect(selectFeatures(store.getState())).toBe(byCost);
	});

	it('gives a new features array only when a new snapshot brings new rows', () => {
		const store = seeded();
		const first = selectFeatures(store.getState());
		store.getState().actions.publish(fullSnapshot(), 3);
		const second = selectFeatures(store.getState());
		expect(second).not.toBe(first);
		expect(second).toEqual(first);
	});
});
