import {describe, expect, it} from 'vitest';
import type {LlmCallEvent, ScoreEvent} from '../../source/events/types.js';
import {CallIndex} from '../../source/domain/call-index.js';

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
