import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import type {MonitorSnapshot} from '../../source/domain/snapshot-types.js';
import {createMonitorStore, type MonitorStore} from '../../source/store/create-monitor-store.js';
import {createFrameTicker} from '../../source/store/frame-ticker.js';
import {fullSnapshot} from '../helpers/snapshot-fixture.js';

class FakeSource {
	lines = 0;
	readonly calls: Array<{now: number; windowS: number}> = [];
	readonly arrivals: number[] = [];
	fail = false;

	snapshot(now: number, windowS: number, arrivalNow: number): MonitorSnapshot {
		this.calls.push({now, windowS});
		this.arrivals.push(arrivalNow);
		if (this.fail) throw new Error('tracker bug');
		const base = fullSnapshot();
		return {...base, clock: {...base.clock, now_ms: now, window_s: windowS}};
	}
}

function setup(options: {intervalMs?: number; idleRefreshMs?: number} = {}) {
	const store: MonitorStore = createMonitorStore({windowS: 300, keys: {available: true}});
	const source = new FakeSource();
	const ticker = createFrameTicker({source, store, now: () => Date.now(), ...options});
	const counter = {sets: 0};
	store.subscribe(() => counter.sets++);
	return {store, source, ticker, counter};
}

describe('createFrameTicker', () => {
	beforeEach(() => {
		vi.useFakeTimers();
		vi.setSystemTime(0);
	});

	afterEach(() => {
		vi.useRealTimers();
	});

	it('publishes a first snapshot on start', () => {
		const {store, source, ticker, counter} = setup();
		ticker.start();
		expect(counter.sets).toBe(1);
		expect(store.getState().frame).toBe(1);
		expect(source.calls).toEqual([{now: 0, windowS: 300}]);
		ticker.stop();
	});

	it('makes exactly one store update per tick however many lines arrive in between', () => {
		const {store, source, ticker, counter} = setup();
		ticker.start();
		for (let round = 1; round <= 10; round++) {
			for (let line = 0; line < 10_000; line++) source.lines++;
			vi.advanceTimersByTime(100);
			expect(counter.sets).toBe(1 + round);
		}
		// 1 at start + 10 ticks; each tick published the line count it saw.
		expect(store.getState().frame).toBe(11);
		expect(store.getState().linesRead).toBe(100_000);
		ticker.stop();
	});

	it('maybeTick publishes only once the deadline has passed', () => {
		const {source, ticker, counter} = setup();
		ticker.start();
		source.lines = 50;
		vi.setSystemTime(99);
		ticker.maybeTick();
		expect(counter.sets).toBe(1);
		vi.setSystemTime(100);
		ticker.maybeTick();
		expect(counter.sets).toBe(2);
		// The deadline moved to 200: another chunk at 150 does nothing.
		source.lines = 60;
		vi.setSystemTime(150);
		ticker.maybeTick();
		expect(counter.sets).toBe(2);
		ticker.stop();
	});

	it('keeps 10 frames a second from per-chunk checks alone while timers are starved', () => {
		const {source, ticker, counter} = setup();
		ticker.start();
		// 1000 chunks of 10 lines, one per millisecond; the clock moves but no timer gets to run.
		for (let ms = 1; ms <= 1000; ms++) {
			source.lines += 10;
			vi.setSystemTime(ms);
			ticker.maybeTick();
		}
		// Start + one per 100 ms boundary (100, 200, …, 1000) = 1 + 10.
		expect(counter.sets).toBe(11);
		expect(source.calls).toHaveLength(11);
		ticker.stop();
	});

	it('skips idle ticks but refreshes once a second so clocks and windows move', () => {
		const {source, ticker, counter} = setup();
		ticker.start();
		vi.advanceTimersByTime(900);
		expect(counter.sets).toBe(1);
		vi.advanceTimersByTime(100);
		expect(counter.sets).toBe(2);
		expect(source.calls.at(-1)?.now).toBe(1000);
		ticker.stop();
	});

	it('paces frames by the real clock while the view clock stands still (a recording), so an ended source is redrawn', () => {
		const store: MonitorStore = createMonitorStore({windowS: 300, keys: {available: true}});
		const source = new FakeSource();
		const recordingEnd = 42_000;
		const ticker = createFrameTicker({source, store, now: () => recordingEnd, pace: () => Date.now()});
		const counter = {sets: 0};
		store.subscribe(() => counter.sets++);
		ticker.start();
		// No new lines: the idle refresh still comes after 1 s of real time...
		vi.advanceTimersByTime(1000);
		expect(counter.sets).toBe(2);
		// ...and every snapshot is taken at the recording's clock, not the wall clock.
		expect(source.calls.map(call => call.now)).toEqual([recordingEnd, recordingEnd]);
		// ...while rates of lines read are measured on the real clock.
		expect(source.arrivals).toEqual([0, 1000]);
		// Per-chunk checks follow the real clock too: nothing before the deadline, one frame after it.
		source.lines++;
		ticker.maybeTick();
		expect(counter.sets).toBe(2);
		vi.setSystemTime(Date.now() + 100);
		ticker.maybeTick();
		expect(counter.sets).toBe(3);
		ticker.stop();
	});

	it('while paused publishes no snapshot but counts the lines read since the one on screen', () => {
		const {store, source, ticker, counter} = setup();
		ticker.start();
		store.getState().actions.togglePause();
		const snapshot = store.getState().snapshot;
		const sets = counter.sets;
		source.lines = 500;
		vi.advanceTimersByTime(100);
		expect(store.getState().ui.newWhilePaused).toBe(500);
		expect(counter.sets).toBe(sets + 1);
		source.lines = 1500;
		vi.advanceTimersByTime(100);
		expect(store.getState().ui.newWhilePaused).toBe(1500);
		// Nothing new: no update at all.
		vi.advanceTimersByTime(2000);
		expect(counter.sets).toBe(sets + 2);
		expect(store.getState().snapshot).toBe(snapshot);
		expect(source.calls).toHaveLength(1);
		ticker.stop();
	});

	it('publishes at once on unpause', async () => {
		const {store, source, ticker} = setup();
		ticker.start();
		store.getState().actions.togglePause();
		source.lines = 42;
		vi.advanceTimersByTime(100);
		vi.setSystemTime(150);
		store.getState().actions.togglePause();
		await Promise.resolve();
		expect(source.calls.at(-1)).toEqual({now: 150, windowS: 300});
		expect(store.getState().linesRead).toBe(42);
		expect(store.getState().ui.newWhilePaused).toBe(0);
		ticker.stop();
	});

	it('takes a fresh snapshot for a new window at the next tick, even with no new lines', () => {
		const {store, source, ticker} = setup();
		ticker.start();
		store.getState().actions.cycleWindow();
		vi.advanceTimersByTime(100);
		expect(source.calls.at(-1)).toEqual({now: 100, windowS: 900});
		expect(store.getState().snapshot?.clock.window_s).toBe(900);
		ticker.stop();
	});

	it('a window change while paused still publishes (an explicit request for a new view)', () => {
		const {store, source, ticker} = setup();
		ticker.start();
		store.getState().actions.togglePause();
		source.lines = 10;
		store.getState().actions.cycleWindow();
		vi.advanceTimersByTime(100);
		expect(source.calls.at(-1)?.windowS).toBe(900);
		expect(store.getState().ui).toMatchObject({paused: true, newWhilePaused: 0});
		ticker.stop();
	});

	it('stop clears its timer and store subscription', () => {
		const {store, source, ticker, counter} = setup();
		ticker.start();
		expect(vi.getTimerCount()).toBe(1);
		ticker.stop();
		expect(vi.getTimerCount()).toBe(0);
		source.lines = 10;
		vi.advanceTimersByTime(5000);
		expect(counter.sets).toBe(1);
		store.getState().actions.togglePause();
		store.getState().actions.togglePause();
		expect(source.calls).toHaveLength(1);
	});

	it('survives a snapshot that throws: the frame is skipped and counted', () => {
		const {source, ticker, counter} = setup();
		ticker.start();
		source.fail = true;
		source.lines = 1;
		expect(() => vi.advanceTimersByTime(100)).not.toThrow();
		expect(ticker.failures).toBe(1);
		expect(counter.sets).toBe(1);
		source.fail = false;
		vi.advanceTimersByTime(100);
		expect(counter.sets).toBe(2);
		ticker.stop();
	});

	it('falls back to 100 ms for a nonsensical interval', () => {
		const {source, ticker, counter} = setup({intervalMs: Number.NaN});
		ticker.start();
		source.lines = 1;
		vi.advanceTimersByTime(99);
		expect(counter.sets).toBe(1);
		vi.advanceTimersByTime(1);
		expect(counter.sets).toBe(2);
		ticker.stop();
	});
});
