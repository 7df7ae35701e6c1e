import {describe, expect, it} from 'vitest';
import type {LlmCallEvent, ScoreEvent} from '../../source/events/types.js';
import {CallIndex} from '../../source/domain/call-index.js';
import {mulberry32} from '../../source/demo/prng.js';

function call(ts: number, extra: Partial<LlmCallEvent>): LlmCallEvent {
	return {type: 'llm_call', ts, model: 'gpt-4o', provider: 'openai', operation: 'chat', feature: 'support', latencyMs: 100, status: 'ok', ...extra};
}

function score(extra: Partial<ScoreEvent>): ScoreEvent {
	return {type: 'score', ts: 0, name: 'grounding', value: 0.9, ...extra};
}

const MIN = 60_000;

describe('CallIndex', () => {
	it('joins a score to its call by call id, response id, trace + span, or trace', () => {
		const index = new CallIndex();
		index.remember(call(1000, {callId: 'c1', model: 'm-call', feature: 'f-call'}));
		index.remember(call(1000, {responseId: 'r1', model: 'm-resp', feature: 'f-resp'}));
		index.remember(call(1000, {traceId: 't1', spanId: 's1', model: 'm-span', feature: 'f-span'}));
		index.remember(call(1000, {traceId: 't1', spanId: 's2', model: 'm-span2', feature: 'f-span2'}));
		expect(index.resolve(score({callId: 'c1'}), 2000)).toEqual({model: 'm-call', feature: 'f-call', joined: true});
		expect(index.resolve(score({responseId: 'r1'}), 2000)).toEqual({model: 'm-resp', feature: 'f-resp', joined: true});
		expect(index.resolve(score({traceId: 't1', spanId: 's1'}), 2000)).toEqual({model: 'm-span', feature: 'f-span', joined: true});
		// A trace-level score takes the trace's latest call.
		expect(index.resolve(score({traceId: 't1'}), 2000)).toEqual({model: 'm-span2', feature: 'f-span2', joined: true});
		expect(index.counters.joined).toBe(4);
	});

	it('inherits from the call even when the score names its own model and feature', () => {
		const index = new CallIndex();
		index.remember(call(1000, {callId: 'c1', model: 'claude', feature: 'search'}));
		expect(index.resolve(score({callId: 'c1', model: 'other', feature: 'other'}), 1000)).toEqual({model: 'claude', feature: 'search', joined: true});
	});

	it('prefers the call id over weaker references', () => {
		const index = new CallIndex();
		index.remember(call(1000, {callId: 'c1', model: 'by-call'}));
		index.remember(call(1000, {traceId: 't', spanId: 's', model: 'by-span'}));
		expect(index.resolve(score({callId: 'c1', traceId: 't', spanId: 's'}), 1000).model).toBe('by-call');
	});

	it("falls back to the score's own model and feature, then (unknown) and (none)", () => {
		const index = new CallIndex();
		expect(index.resolve(score({feature: 'checkout', model: 'm'}), 0)).toEqual({model: 'm', feature: 'checkout', joined: false});
		expect(index.resolve(score({callId: 'missing'}), 0)).toEqual({model: '(unknown)', feature: '(none)', joined: false});
		expect(index.resolve(score({feature: '', model: ''}), 0)).toEqual({model: '(unknown)', feature: '(none)', joined: false});
		// Only the score with a reference that found nothing counts as unmatched.
		expect(index.counters.unmatched).toBe(1);
		expect(index.counters.joined).toBe(0);
	});

	it('joins for 15 minutes after the call and not after', () => {
		const index = new CallIndex();
		index.remember(call(1_000_000, {callId: 'c1'}));
		expect(index.resolve(score({callId: 'c1'}), 1_000_000 + 15 * MIN).joined).toBe(true);
		expect(index.resolve(score({callId: 'c1'}), 1_000_000 + 15 * MIN + 1).joined).toBe(false);
	});

	it('forgets calls older than the TTL as newer calls arrive', () => {
		const index = new CallIndex({ttlMs: 10 * MIN});
		index.remember(call(0, {callId: 'old'}));
		index.remember(call(5 * MIN, {callId: 'mid'}));
		index.remember(call(10 * MIN + 1, {callId: 'new'})); // old is now 10 min + 1 ms behind
		expect(index.counters.expired).toBe(1);
		expect(index.counters.entries).toBe(2);
		// Even at an earlier `now` the expired key is gone.
		expect(index.resolve(score({callId: 'old'}), 0).joined).toBe(false);
		expect(index.resolve(score({callId: 'mid'}), 10 * MIN).joined).toBe(true);
	});

	it('stays within maxEntries, evicting the oldest and counting it', () => {
		const index = new CallIndex({maxEntries: 3});
		for (const id of ['a', 'b', 'c', 'd']) index.remember(call(1000, {callId: id}));
		expect(index.counters.entries).toBe(3);
		expect(index.counters.evicted).toBe(1);
		expect(index.resolve(score({callId: 'a'}), 1000).joined).toBe(false);
		expect(index.resolve(score({callId: 'd'}), 1000).joined).toBe(true);
		// One call with every reference takes four keys.
		index.remember(call(1000, {callId: 'e', responseId: 'r', traceId: 't', spanId: 's'}));
		expect(index.counters.entries).toBe(3);
		expect(index.counters.evicted).toBe(5);
	});

	it('ignores a call with an unusable time', () => {
		const index = new CallIndex();
		index.remember(call(Number.NaN, {callId: 'x'}));
		expect(index.counters.entries).toBe(0);
	});
});

/**
 * The first implementation, a Map used as a FIFO (re-setting a key moves it to the back), kept
 * here as the reference the ring-and-table index must agree with key for key.
 */
class ReferenceIndex {
	readonly entries = new Map<string, {model: string; feature: string; ts: number}>();
	newestTs = Number.NEGATIVE_INFINITY;
	evicted = 0;
	expired = 0;
	constructor(
		readonly maxEntries: number,
		readonly ttlMs: number,
	) {}

	remember(c: LlmCallEvent): void {
		if (!Number.isFinite(c.ts)) return;
		const entry = {model: c.model, feature: c.feature, ts: c.ts};
		if (c.ts > this.newestTs) this.newestTs = c.ts;
		if (c.callId !== undefined) this.put(`c:${c.callId}`, entry);
		if (c.responseId !== undefined) this.put(`r:${c.responseId}`, entry);
		if (c.traceId !== undefined) {
			if (c.spanId !== undefined) this.put(`s:${c.traceId}/${c.spanId}`, entry);
			this.put(`t:${c.traceId}`, entry);
		}
		for (const [key, held] of this.entries) {
			if (this.newestTs - held.ts <= this.ttlMs) break;
			this.entries.delete(key);
			this.expired++;
		}
	}

	lookup(s: ScoreEvent, now: number): string {
		const keys = [
			s.callId === undefined ? undefined : `c:${s.callId}`,
			s.responseId === undefined ? undefined : `r:${s.responseId}`,
			s.traceId === undefined || s.spanId === undefined ? undefined : `s:${s.traceId}/${s.spanId}`,
			s.traceId === undefined ? undefined : `t:${s.traceId}`,
		];
		for (const key of keys) {
			const held = key === undefined ? undefined : this.entries.get(key);
			if (held !== undefined && !(now - held.ts > this.ttlMs)) return `${held.model}|${held.feature}`;
		}
		return 'none';
	}

	private put(key: string, entry: {model: string; feature: string; ts: number}): void {
		this.entries.delete(key);
		this.entries.set(key, entry);
		if (this.entries.size > this.maxEntries) {
			const oldest = this.entries.keys().next();
			if (!oldest.done) {
				this.entries.delete(oldest.value);
				this.evicted++;
			}
		}
	}
}


describe('CallIndex against the Map-as-FIFO reference', () => {
	it('re-setting a key moves it to the back of the eviction order', () => {
		const index = new CallIndex({maxEntries: 3});
		for (const id of ['a', 'b', 'c']) index.remember(call(1000, {callId: id, model: `m-${id}`}));
		index.remember(call(1000, {callId: 'a', model: 'm-a2'})); // a is now the newest key
		expect(index.counters).toMatchObject({entries: 3, evicted: 0});
		index.remember(call(1000, {callId: 'd'})); // evicts b, the oldest
		expect(index.counters).toMatchObject({entries: 3, evicted: 1});
		expect(index.resolve(score({callId: 'b'}), 1000).joined).toBe(false);
		expect(index.resolve(score({callId: 'a'}), 1000).model).toBe('m-a2');
		expect(index.resolve(score({callId: 'c'}), 1000).joined).toBe(true);
	});

	it('keeps a trace-level key on the latest call, also past many calls of one trace', () => {
		const index = new CallIndex();
		const trace = 'f'.repeat(32);
		for (let i = 0; i < 40; i++) index.remember(call(1000 + i, {traceId: trace, spanId: i.toString(16).padStart(16, '0'), model: `m${i}`}));
		// 40 span keys + 1 trace key.
		expect(index.counters.entries).toBe(41);
		expect(index.resolve(score({traceId: trace}), 2000).model).toBe('m39');
		expect(index.resolve(score({traceId: trace, spanId: (7).toString(16).padStart(16, '0')}), 2000).model).toBe('m7');
	});

	it('finds every one of 20 000 keys, then only the newest after evictions', () => {
		const index = new CallIndex({maxEntries: 20_000});
		for (let i = 0; i < 20_000; i++) index.remember(call(1000, {callId: `call-${i}`, model: `m${i % 7}`}));
		for (let i = 0; i < 20_000; i += 997) expect(index.resolve(score({callId: `call-${i}`}), 1000)).toMatchObject({model: `m${i % 7}`, joined: true});
		for (let i = 20_000; i < 30_000; i++) index.remember(call(1000, {callId: `call-${i}`}));
		// 30 000 keys through a cap of 20 000: the first 10 000 were evicted.
		expect(index.counters).toMatchObject({entries: 20_000, evicted: 10_000});
		expect(index.resolve(score({callId: 'call-9999'}), 1000).joined).toBe(false);
		expect(index.resolve(score({callId: 'call-10000'}), 1000).joined).toBe(true);
		expect(index.resolve(score({callId: 'call-29999'}), 1000).joined).toBe(true);
	});

	it('stays bounded when the same keys are set over and over', () => {
		const index = new CallIndex({maxEntries: 100});
		const trace = 'a'.repeat(32);
		for (let i = 0; i < 50_000; i++) index.remember(call(1000 + i, {callId: `c${i % 30}`, traceId: trace}));
		// 30 call keys + 1 trace key; the superseded slots are reclaimed rather than queued forever.
		expect(index.counters.entries).toBe(31);
		expect(index.counters.evicted).toBe(0);
		expect(index.queuedSlots).toBeLessThanOrEqual(2 * 100 + 64);
	});

	it('agrees with the reference on random sequences of calls, re-sent ids, expiry and scores', () => {
		for (let round = 0; round < 30; round++) {
			const random = mulberry32(round + 1);
			const maxEntries = 1 + Math.floor(random() * 60);
			const ttlMs = 1000 + Math.floor(random() * 5000);
			const index = new CallIndex({maxEntries, ttlMs});
			const reference = new ReferenceIndex(maxEntries, ttlMs);
			const pick = (prefix: string, size: number): string | undefined => (random() < 0.25 ? undefined : `${prefix}${Math.floor(random() * size)}`);
			const hex = (n: number, length: number): string => (n + 1).toString(16).padStart(length, '0');
			let ts = 1_000_000;
			for (let step = 0; step < 3000; step++) {
				// Mostly forward in time, sometimes late, sometimes a jump past the TTL.
				ts += random() < 0.02 ? ttlMs : Math.floor(random() * 200) - 50;
				const traceN = Math.floor(random() * 25);
				if (random() < 0.7) {
					const c = call(ts, {
						model: `m${Math.floor(random() * 5)}`,
						feature: `f${Math.floor(random() * 5)}`,
						callId: pick('c', 80),
						responseId: random() < 0.5 ? undefined : pick('r', 40),
						traceId: random() < 0.3 ? undefined : hex(traceN, 32),
						spanId: random() < 0.4 ? undefined : hex(Math.floor(random() * 20), 16),
					});
					index.remember(c);
					reference.remember(c);
				} else {
					const s = score({
						callId: pick('c', 80),
						responseId: random() < 0.5 ? undefined : pick('r', 40),
						traceId: random() < 0.5 ? undefined : hex(traceN, 32),
						spanId: random() < 0.5 ? undefined : hex(Math.floor(random() * 20), 16),
					});
					const now = ts + Math.floor(random() * 2 * ttlMs) - ttlMs;
					const resolved = index.resolve(s, now);
					expect(resolved.joined ? `${resolved.model}|${resolved.feature}` : 'none', `round ${round} step ${step}`).toBe(reference.lookup(s, now));
				}
				expect(index.counters.entries, `round ${round} step ${step}`).toBe(reference.entries.size);
			}
			expect(index.counters.evicted).toBe(reference.evicted);
			expect(index.counters.expired).toBe(reference.expired);
		}
	});
});
