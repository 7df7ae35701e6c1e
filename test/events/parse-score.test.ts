import {describe, expect, it} from 'vitest';
import {normalizeScoreName} from '../../source/events/validate-score.js';
import type {ScoreEvent} from '../../source/events/types.js';
import {NOW, T0, accept, allStrings, expectReason, line} from './parse-helpers.js';

function score(overrides: Record<string, unknown> = {}): string {
	return line({type: 'score', ts: T0, call_id: 'c-1', name: 'grounding', value: 0.5, ...overrides});
}

function scored(input: string): {event: ScoreEvent; warnings: readonly string[]} {
	const {event, warnings} = accept(input);
	if (event.type !== 'score') throw new Error('not a score');
	return {event, warnings};
}

describe('score: the §4.6 examples', () => {
	it('grounding with a call reference', () => {
		const {event, warnings} = scored('{"v":1,"type":"score","ts":"2026-08-20T10:00:05Z","call_id":"c-81f2","name":"grounding","value":0.92,"evaluator":"llm"}');
		expect(warnings).toEqual([]);
		expect(event).toEqual({type: 'score', ts: T0 + 5000, callId: 'c-81f2', name: 'grounding', value: 0.92, evaluator: 'llm'});
	});

	it('hallucination false without ts', () => {
		const {event, warnings} = scored('{"v":1,"type":"score","call_id":"c-81f2","name":"hallucination","value":false}');
		expect(event.value).toBe(false);
		expect(event.ts).toBe(NOW);
		expect(warnings).toEqual(['ts_missing']);
	});

	it('user_satisfaction attributed to a feature', () => {
		const {event} = scored('{"v":1,"type":"score","ts":"2026-08-20T10:00:05Z","feature":"support-bot","name":"user_satisfaction","value":4,"evaluator":"user"}');
		expect(event).toMatchObject({feature: 'support-bot', name: 'user_satisfaction', value: 4, evaluator: 'user'});
	});
});

describe('score: names', () => {
	it('lower-cases and applies aliases', () => {
		expect(normalizeScoreName('Groundedness')).toBe('grounding');
		expect(normalizeScoreName('faithfulness')).toBe('grounding');
		expect(normalizeScoreName('answer_relevancy')).toBe('relevance');
		expect(normalizeScoreName('context_relevancy')).toBe('relevance');
		expect(normalizeScoreName('CSAT')).toBe('user_satisfaction');
		expect(normalizeScoreName('rating')).toBe('user_satisfaction');
		expect(normalizeScoreName('Toxicity')).toBe('toxicity');
		expect(normalizeScoreName('Relevance')).toBe('relevance');
		expect(normalizeScoreName('relevance')).toBe('relevance');
		expect(normalizeScoreName('HALLUCINATION')).toBe('hallucination');
	});

	it('an aliased name gets the well-known range check', () => {
		expect(scored(score({name: 'faithfulness', value: 1})).event.name).toBe('grounding');
		expectReason(score({name: 'faithfulness', value: 1.01}), 'out_of_range:value');
		expectReason(score({name: 'csat', value: 6}), 'out_of_range:value');
	});

	it('missing_field:name, truncated:name over 64 chars', () => {
		expectReason(score({name: undefined}), 'missing_field:name');
		expectReason(score({name: ''}), 'missing_field:name');
		expectReason(score({name: 3}), 'wrong_type:name');
		const {event, warnings} = scored(score({name: 'n'.repeat(70)}));
		expect(event.name).toHaveLength(64);
		expect(warnings).toEqual(['truncated:name']);
	});
});

describe('score: values per name', () => {
	it('grounding and relevance are numbers in 0..1', () => {
		expect(scored(score({value: 0})).event.value).toBe(0);
		expect(scored(score({value: 1})).event.value).toBe(1);
		expect(scored(score({name: 'relevance', value: 0.25})).event.value).toBe(0.25);
		expectReason(score({value: -0.01}), 'out_of_range:value');
		expectReason(score({name: 'relevance', value: 1.5}), 'out_of_range:value');
		expectReason(score({value: true}), 'wrong_type:value');
		expectReason(score({value: '0.5'}), 'wrong_type:value');
	});

	it('user_satisfaction is an integer 1..5', () => {
		expect(scored(score({name: 'user_satisfaction', value: 1})).event.value).toBe(1);
		expect(scored(score({name: 'user_satisfaction', value: 5})).event.value).toBe(5);
		expectReason(score({name: 'user_satisfaction', value: 0}), 'out_of_range:value');
		expectReason(score({name: 'user_satisfaction', value: 4.5}), 'out_of_range:value');
		expectReason(score({name: 'user_satisfaction', value: false}), 'wrong_type:value');
	});

	it('hallucination is boolean; 0/1 become booleans', () => {
		expect(scored(score({name: 'hallucination', value: true})).event.value).toBe(true);
		expect(scored(score({name: 'hallucination', value: 1})).event.value).toBe(true);
		expect(scored(score({name: 'hallucination', value: 0})).event.value).toBe(false);
		expectReason(score({name: 'hallucination', value: 0.5}), 'out_of_range:value');
		expectReason(score({name: 'hallucination', value: 'yes'}), 'wrong_type:value');
	});

	it('other names take any finite number or boolean', () => {
		expect(scored(score({name: 'toxicity', value: -42.5})).event.value).toBe(-42.5);
		expect(scored(score({name: 'toxicity', value: true})).event.value).toBe(true);
		expectReason(score({name: 'toxicity', value: 'high'}), 'wrong_type:value');
		expectReason(score({name: 'toxicity', value: {v: 1}}), 'wrong_type:value');
		expectReason('{"type":"score","ts":1787220000000,"feature":"f","name":"toxicity","value":1e400}', 'out_of_range:value');
		expectReason(score({value: undefined}), 'missing_field:value');
		expectReason(score({value: null}), 'missing_field:value');
	});
});

describe('score: attribution', () => {
	it('unattributable_score without call_id, response_id, trace_id or feature', () => {
		expectReason(score({call_id: undefined}), 'unattributable_score');
		expectReason(score({call_id: undefined, span_id: 'eee19b7ec3c1b174', model: 'gpt-4o'}), 'unattributable_score');
		// an invalid trace id is dropped, leaving nothing to attribute to
		expectReason(score({call_id: undefined, trace_id: 'xyz'}), 'unattributable_score');
	});

	it('any one reference is enough', () => {
		for (const ref of [{response_id: 'r-1'}, {trace_id: '5b8efff798038103d269b633813fc60c'}, {feature: 'search'}]) {
			expect(scored(score({call_id: undefined, ...ref})).event.type).toBe('score');
		}
	});

	it('invalid optional fields are dropped with a warning', () => {
		const {event, warnings} = scored(score({evaluator: 'robot', label: 5}));
		expect(event.evaluator).toBeUndefined();
		expect(warnings).toEqual(['dropped_field:label', 'dropped_field:evaluator']);
		expect(scored(score({evaluator: 'LLM'})).event.evaluator).toBe('llm');
	});

	it('keeps and sanitises every optional string', () => {
		const evil = '\u001b[31m\u202E';
		const {event} = scored(
			score({
				id: `i${evil}`,
				response_id: `r${evil}`,
				trace_id: '5b8efff798038103d269b633813fc60c',
				span_id: 'eee19b7ec3c1b174',
				feature: `f${evil}`,
				model: `m${evil}`,
				label: `l${evil}`,
				explanation: `e${evil}`,
				evaluator_name: `n${evil}`,
				name: `custom${evil}`,
				call_id: `c${evil}`,
				value: 3,
			}),
		);
		expect(event).toMatchObject({id: 'i\u241b[31m\u2426', label: 'l\u241b[31m\u2426', spanId: 'eee19b7ec3c1b174'});
		for (const s of allStrings(event)) expect(s).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E]/);
	});
});
