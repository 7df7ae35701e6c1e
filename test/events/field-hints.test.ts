import {describe, expect, it} from 'vitest';
import {suggestField} from '../../source/events/field-hints.js';

describe('suggestField', () => {
	it('maps other spellings of real fields to the schema name', () => {
		expect(suggestField('latencyMs')).toBe('latency_ms');
		expect(suggestField('inputTokens')).toBe('input_tokens');
		expect(suggestField('Latency_MS')).toBe('latency_ms');
		expect(suggestField('trace-id')).toBe('trace_id');
		expect(suggestField('amountUsd')).toBe('amount_usd');
		expect(suggestField('startTs')).toBe('start_ts');
	});

	it('has nothing to say about unrelated keys or already-correct names', () => {
		expect(suggestField('foo')).toBeUndefined();
		expect(suggestField('latency_ms')).toBeUndefined();
		expect(suggestField('')).toBeUndefined();
	});
});
