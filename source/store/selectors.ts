// zustand v5 needs selectors whose output is referentially stable when nothing changed,
// or useStore loops ("Maximum update depth exceeded"). Slices of the immutable snapshot are
// stable by construction; derived arrays are memoised on their inputs.
import {sortFeatures} from '../domain/feature-sort.js';
import type {
	AlertRow,
	ClockSnapshot,
	CostSnapshot,
	FeatureRow,
	IngestSnapshot,
	PerformanceSnapshot,
	QualitySnapshot,
	TracesSnapshot,
} from '../domain/snapshot-types.js';
import type {FeatureSort, KeysStatus, MonitorStoreState, UiState} from './create-monitor-store.js';

const NO_FEATURES: readonly FeatureRow[] = Object.freeze([]);
const NO_ALERTS: readonly AlertRow[] = Object.freeze([]);

export const selectPerformance = (state: MonitorStoreState): PerformanceSnapshot | null => state.snapshot?.performance ?? null;
export const selectCost = (state: MonitorStoreState): CostSnapshot | null => state.snapshot?.cost ?? null;
export const selectQuality = (state: MonitorStoreState): QualitySnapshot | null => state.snapshot?.quality ?? null;
export const selectAlerts = (state: MonitorStoreState): readonly AlertRow[] => state.snapshot?.alerts ?? NO_ALERTS;
export const selectTraces = (state: MonitorStoreState): TracesSnapshot | null => state.snapshot?.traces ?? null;
export const selectIngest = (state: MonitorStoreState): IngestSnapshot | null => state.snapshot?.ingest ?? null;
export const selectClock = (state: MonitorStoreState): ClockSnapshot | null => state.snapshot?.clock ?? null;
export const selectUi = (state: MonitorStoreState): UiState => state.ui;
export const selectKeys = (state: MonitorStoreState): KeysStatus => state.keys;
export const selectHasSnapshot = (state: MonitorStoreState): boolean => state.snapshot !== null;

// Keyed weakly by the rows array so old snapshots' sorted copies are collected with them.
const sortedCache = new WeakMap<readonly FeatureRow[], Partial<Record<FeatureSort, readonly FeatureRow[]>>>();

/** Feature rows in the order chosen with `s`; the same array for the same (rows, sort). */
export const selectFeatures = (state: MonitorStoreState): readonly FeatureRow[] => {
	const rows = state.snapshot?.features;
	if (rows === undefined || rows.length === 0) return NO_FEATURES;
	const by = state.ui.featureSort;
	let entry = sortedCache.get(rows);
	if (entry === undefined) {
		entry = {};
		sortedCache.set(rows, entry);
	}
	const cached = entry[by];
	if (cached !== undefined) return cached;
	const sorted = sortFeatures(rows, by);
	entry[by] = sorted;
	return sorted;
};
