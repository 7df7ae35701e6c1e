import {describe, expect, it} from 'vitest';
import {WindowRing} from '../../source/domain/window-ring.js';

type Counter = {n: number};

function ring(windowMs = 60_000, buckets = 60, lead?: number): {ring: WindowRing<Counter>; created: () => number; resets: () => number} {
	let created = 0;
	let resets = 0;
	const r = new WindowRing<Counter>({
		windowMs,
		buckets,
		...(lead === undefined ? {} : {lead}),
		create: () => {
			created++;
			return {n: 0};
		},
		reset: (slot) => {
			resets++;
			slot.n = 0;
		},
	});
	return {ring: r, created: () => created, resets: () => resets};
}

function record(r: WindowRing<Counter>, ts: number, n = 1): void {
	const slot = r.slotFor(ts);
	if (slot !== undefined) slot.n += n;
}

function total(r: WindowRing<Counter>, now: number): number {
	let sum = 0;
	r.forEachInWindow(now, (slot) => {
		sum += slot.n;
	});
	return sum;
}

describe('WindowRing', () => {
	it('cuts time into buckets of W/B and starts the window B−1 buckets before the current one', () => {
		const {ring: r} = ring(300_000, 60);
		// g = 300 000 / 60 = 5000 ms. now = 1 002 345 → current epoch ⌊1 002 345 / 5000⌋ = 200;
		// start = (200 − 60 + 1) · 5000 = 705 000.
		expect(r.widthMs).toBe(5000);
		expect(r.epochOf(1_002_345)).toBe(200);
		expect(r.windowStart(1_002_345)).toBe(705_000);
	});

	it('holds exactly the events from the window start up to the current bucket', () => {
		const {ring: r} = ring();
		// now = 125 500 → epochs 66..125, window start 66 000.
		record(r, 65_999); // epoch 65: just outside
		record(r, 66_000); // epoch 66: first bucket
		record(r, 100_000);
		record(r, 125_499); // current bucket
		expect(total(r, 125_500)).toBe(3);
		// One bucket later the 66 000 event has left: epochs 67..126.
		expect(total(r, 126_000)).toBe(2);
	});

	it('counts an event later than now once now reaches its bucket', () => {
		const {ring: r} = ring();
		record(r, 100_000);
		record(r, 126_200); // epoch 126, one bucket ahead of now = 125 500
		expect(total(r, 125_500)).toBe(1);
		expect(total(r, 126_000)).toBe(2);
	});

	it('counts an event of the current bucket even when it is a little after now', () => {
		const {ring: r} = ring();
		record(r, 125_900); // epoch 125, same as now = 125 100
		expect(total(r, 125_100)).toBe(1);
	});

	it('ignores an event whose bucket was already recycled for a newer one, and counts it', () => {
		const {ring: r} = ring();
		// B + lead = 61 slots. Epoch 200 takes slot 200 mod 61 = 17; epoch 139 maps to the same slot.
		record(r, 200_000);
		record(r, 139_000);
		expect(r.tooOld).toBe(1);
		expect(total(r, 200_000)).toBe(1);
		expect(r.get(139)).toBeUndefined();
		expect(r.get(200)?.n).toBe(1);
	});

	it('recycles a slot for a newer epoch (resetting it) instead of allocating', () => {
		const t = ring();
		record(t.ring, 10_000, 5); // epoch 10, slot 10
		record(t.ring, 71_000, 2); // epoch 71 = 10 + 61: same slot, newer
		expect(t.created()).toBe(1);
		expect(t.resets()).toBe(1);
		expect(t.ring.get(10)).toBeUndefined();
		expect(total(t.ring, 71_000)).toBe(2);
	});

	it('creates slots lazily', () => {
		const t = ring();
		expect(t.created()).toBe(0);
		record(t.ring, 1000);
		record(t.ring, 1500);
		record(t.ring, 5000);
		expect(t.created()).toBe(2);
		expect(total(t.ring, 5000)).toBe(3);
	});

	it('an event far beyond the lead recycles an older bucket still in the window (documented)', () => {
		const {ring: r} = ring();
		record(r, 100_000); // epoch 100, slot 100 mod 61 = 39
		record(r, 161_000); // epoch 161 = 100 + 61: same slot, newest wins
		// At now = 120 000 the window 61..120 has lost the epoch-100 event.
		expect(total(r, 120_000)).toBe(0);
		expect(total(r, 161_000)).toBe(1);
	});

	it('with lead 0 the next bucket already reuses the oldest slot', () => {
		const {ring: r} = ring(60_000, 60, 0);
		record(r, 0); // epoch 0, slot 0
		record(r, 60_000); // epoch 60, slot 0
		expect(r.get(0)).toBeUndefined();
		expect(total(r, 59_000)).toBe(0);
	});

	it('visits oldest first and only what the range asks for', () => {
		const {ring: r} = ring();
		for (const ts of [3000, 1000, 2000]) record(r, ts);
		const seen: number[] = [];
		r.forEachEpoch(1, 2, (_slot, epoch) => seen.push(epoch));
		expect(seen).toEqual([1, 2]);
	});

	it('ignores non-finite times and survives bad options', () => {
		const {ring: r} = ring(Number.NaN, 0);
		// Bad W falls back to 60 s; B is at least 1.
		expect(r.buckets).toBe(1);
		expect(r.slotFor(Number.NaN)).toBeUndefined();
		expect(r.slotFor(Number.POSITIVE_INFINITY)).toBeUndefined();
		let visits = 0;
		r.forEachInWindow(Number.NaN, () => visits++);
		expect(visits).toBe(0);
	});

	it('works before 1970 (negative epochs)', () => {
		const {ring: r} = ring();
		record(r, -1500); // epoch −2
		expect(total(r, -1000)).toBe(1);
		expect(r.get(-2)?.n).toBe(1);
	});
});
