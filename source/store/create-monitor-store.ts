import {createStore, type StoreApi} from 'zustand/vanilla';
import {WINDOWS_S} from '../domain/monitor-config.js';
import type {MonitorSnapshot} from '../domain/snapshot-types.js';

export type PanelId = 'performance' | 'cost' | 'quality' | 'features' | 'alerts' | 'traces';

/** The windows `w` cycles through unless the store is given others (re-exported for the UI, which may not import domain values). */
export const DEFAULT_WINDOWS_S: readonly number[] = WINDOWS_S;

/** Focus order for Tab / Shift-Tab. */
export const PANEL_ORDER: readonly PanelId[] = ['performance', 'cost', 'quality', 'features', 'alerts', 'traces'];

export type FeatureSort = 'cost' | 'roi';

export type KeysStatus = {
	readonly available: boolean;
	/** Why keys are unavailable, shown in the header. */
	readonly detail?: string;
};

export type UiState = {
	readonly focus: PanelId;
	readonly helpOpen: boolean;
	readonly rejectsOpen: boolean;
	readonly paused: boolean;
	/** Lines read since the snapshot on screen was taken (only counted while paused). */
	readonly newWhilePaused: number;
	readonly windowS: number;
	readonly featureSort: FeatureSort;
	readonly quitRequested: boolean;
};

export type MonitorActions = {
	readonly focusNext: () => void;
	readonly focusPrev: () => void;
	readonly toggleHelp: () => void;
	readonly toggleRejects: () => void;
	readonly togglePause: () => void;
	readonly cycleWindow: () => void;
	readonly toggleFeatureSort: () => void;
	readonly closeOverlays: () => void;
	readonly requestQuit: () => void;
	/** Replaces the snapshot on screen; `linesRead` is the source's line count when it was taken. */
	readonly publish: (snapshot: MonitorSnapshot, linesRead: number) => void;
	/** While paused: how many lines have been read since the snapshot on screen. */
	readonly notePausedLines: (linesNow: number) => void;
};

export type MonitorStoreState = {
	readonly snapshot: MonitorSnapshot | null;
	/** Incremented on every publish. */
	readonly frame: number;
	/** Source line count at the time the snapshot on screen was taken. */
	readonly linesRead: number;
	readonly keys: KeysStatus;
	readonly ui: UiState;
	readonly actions: MonitorActions;
};

export type MonitorStore = StoreApi<MonitorStoreState>;

export type MonitorStoreOptions = {
	readonly windowS: number;
	readonly keys: KeysStatus;
	/** Windows `w` cycles through; defaults to WINDOWS_S. */
	readonly windowsS?: readonly number[];
};

function step(focus: PanelId, by: 1 | -1): PanelId {
	const index = PANEL_ORDER.indexOf(focus);
	const next = (index + by + PANEL_ORDER.length) % PANEL_ORDER.length;
	return PANEL_ORDER[next] ?? 'performance';
}

function nextWindow(windows: readonly number[], current: number): number {
	if (windows.length === 0) return current;
	const index = windows.indexOf(current);
	// A window not in the list (e.g. set from a flag) restarts the cycle at the first entry.
	return windows[(index + 1) % windows.length] ?? current;
}

/** A fresh store per dashboard (and per test): plain data plus pure reducers, no singletons. */
export function createMonitorStore(options: MonitorStoreOptions): MonitorStore {
	const windows = (options.windowsS ?? DEFAULT_WINDOWS_S).filter(w => Number.isFinite(w) && w > 0);
	const initialWindow = Number.isFinite(options.windowS) && options.windowS > 0 ? options.windowS : (windows[0] ?? 300);

	return createStore<MonitorStoreState>()((set, get) => {
		const setUi = (patch: Partial<UiState>): void => {
			const {ui} = get();
			const changed = (Object.keys(patch) as Array<keyof UiState>).some(key => patch[key] !== ui[key]);
			// Skipping no-op updates keeps subscribers (React) from waking for nothing.
			if (changed) set({ui: {...ui, ...patch}});
		};

		return {
			snapshot: null,
			frame: 0,
			linesRead: 0,
			keys: options.keys.detail === undefined ? {available: options.keys.available} : {available: options.keys.available, detail: options.keys.detail},
			ui: {
				focus: 'performance',
				helpOpen: false,
				rejectsOpen: false,
				paused: false,
				newWhilePaused: 0,
				windowS: initialWindow,
				featureSort: 'cost',
				quitRequested: false,
			},
			actions: {
				focusNext: () => setUi({focus: step(get().ui.focus, 1)}),
				focusPrev: () => setUi({focus: step(get().ui.focus, -1)}),
				toggleHelp: () => setUi({helpOpen: !get().ui.helpOpen, rejectsOpen: false}),
				toggleRejects: () => setUi({rejectsOpen: !get().ui.rejectsOpen, helpOpen: false}),
				togglePause: () => {
					const paused = !get().ui.paused;
					setUi({paused, newWhilePaused: 0});
				},
				cycleWindow: () => setUi({windowS: nextWindow(windows, get().ui.windowS)}),
				toggleFeatureSort: () => setUi({featureSort: get().ui.featureSort === 'cost' ? 'roi' : 'cost'}),
				closeOverlays: () => setUi({helpOpen: false, rejectsOpen: false}),
				requestQuit: () => setUi({quitRequested: true}),
				publish: (snapshot, linesRead) => {
					const {ui, frame} = get();
					set({
						snapshot,
						frame: frame + 1,
						linesRead: Number.isFinite(linesRead) ? linesRead : 0,
						ui: ui.newWhilePaused === 0 ? ui : {...ui, newWhilePaused: 0},
					});
				},
				notePausedLines: linesNow => {
					const count = Number.isFinite(linesNow) ? Math.max(0, linesNow - get().linesRead) : 0;
					setUi({newWhilePaused: count});
				},
			},
		};
	});
}
