import type {MonitorSnapshot} from '../domain/snapshot-types.js';
import type {MonitorStore} from './create-monitor-store.js';

/** What the ticker needs from the Monitor. */
export type SnapshotSource = {
	/** `arrivalNow` is the real clock, for rates of lines read (see `pace`). */
	snapshot(now: number, windowS: number, arrivalNow: number): MonitorSnapshot;
	readonly lines: number;
};

export type FrameTickerOptions = {
	readonly source: SnapshotSource;
	readonly store: MonitorStore;
	/** The time snapshots are taken at (the view clock: wall time, or the latest event time of a recording). */
	readonly now: () => number;
	/**
	 * The clock frames are paced by (default `now`). It must move in real time: with a recording the
	 * view clock stands still, and pacing by it would stop the idle refresh (a source that ends would
	 * never be redrawn as ended).
	 */
	readonly pace?: () => number;
	/** Minimum time between two store updates (default 100 ms: 10 frames/s). */
	readonly intervalMs?: number;
	/** With no new lines, a snapshot is still taken this often so clocks, windows and rates move (default 1000 ms). */
	readonly idleRefreshMs?: number;
};

export type FrameTicker = {
	/** Publishes a first snapshot now and keeps publishing on a timer until stop(). */
	start(): void;
	/** Clears the timer and the store subscription; the ticker can be started again. */
	stop(): void;
	/** Called by ingest after each chunk: ticks only if the deadline has passed. */
	maybeTick(): void;
	/** Decides what to publish now (at most one store update) and sets the next deadline. */
	tick(): void;
	/** Snapshots that threw (the frame is skipped rather than crashing the terminal). */
	readonly failures: number;
};

const DEFAULT_INTERVAL_MS = 100;
const DEFAULT_IDLE_REFRESH_MS = 1000;

function positive(value: number | undefined, fallback: number): number {
	return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * Sources mutate the Monitor per event; this is the only writer of snapshots to the store,
 * so React sees at most one update per interval whatever the event rate (performance.md §5–§7).
 * A timer alone starves while stdin chunks keep the loop busy, hence also `maybeTick()` per chunk.
 */
export function createFrameTicker(options: FrameTickerOptions): FrameTicker {
	const {source, store, now} = options;
	const pace = options.pace ?? now;
	const intervalMs = positive(options.intervalMs, DEFAULT_INTERVAL_MS);
	const idleRefreshMs = positive(options.idleRefreshMs, DEFAULT_IDLE_REFRESH_MS);

	let running = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let unsubscribe: (() => void) | undefined;
	let nextDeadline = Number.NEGATIVE_INFINITY;
	let forcePublish = false;
	let publishedLines = -1;
	let publishedWindow = Number.NaN;
	let publishedAt = Number.NEGATIVE_INFINITY;
	let failures = 0;

	const clearTimer = (): void => {
		if (timer !== undefined) clearTimeout(timer);
		timer = undefined;
	};

	const arm = (): void => {
		clearTimer();
		// Not unref'd: while the dashboard runs this timer is what keeps the process alive.
		if (running) timer = setTimeout(onTimer, intervalMs);
	};

	const tick = (): void => {
		const at = pace();
		nextDeadline = at + intervalMs;
		arm();

		const state = store.getState();
		const {paused, windowS} = state.ui;
		const lines = source.lines;
		const windowChanged = windowS !== publishedWindow;

		// A window change while paused is an explicit request for a new view, so it still publishes.
		if (paused && !windowChanged && state.snapshot !== null) {
			state.actions.notePausedLines(lines);
			return;
		}

		const idle = lines === publishedLines && at - publishedAt < idleRefreshMs;
		if (!forcePublish && state.snapshot !== null && !windowChanged && idle) return;

		let snapshot: MonitorSnapshot;
		try {
			snapshot = source.snapshot(now(), windowS, at);
		} catch {
			failures++;
			return;
		}

		forcePublish = false;
		publishedLines = lines;
		publishedWindow = windowS;
		publishedAt = at;
		state.actions.publish(snapshot, lines);
	};

	function onTimer(): void {
		timer = undefined;
		tick();
	}

	return {
		start() {
			if (running) return;
			running = true;
			forcePublish = true;
			unsubscribe = store.subscribe((state, previous) => {
				if (previous.ui.paused && !state.ui.paused) {
					forcePublish = true;
					// Out of the listener: publishing from inside setState's notification would re-enter it.
					queueMicrotask(() => {
						if (running && forcePublish) tick();
					});
				}
			});
			tick();
		},
		stop() {
			running = false;
			clearTimer();
			unsubscribe?.();
			unsubscribe = undefined;
		},
		maybeTick() {
			if (pace() >= nextDeadline) tick();
		},
		tick,
		get failures() {
			return failures;
		},
	};
}
