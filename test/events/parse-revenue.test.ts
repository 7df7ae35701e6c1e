import {describe, expect, it} from 'vitest';
import type {RevenueEvent} from '../../source/events/types.js';
import {T0, accept, expectReason, line} from './parse-helpers.js';

function revenue(overrides: Record<string, unknown> = {}): string {
	return line({type: 'revenue', ts: T0, feature: 'support-bot', amount_usd: 0.4, ...overrides});
}

function earned(input: string): {event: RevenueEvent; warnings: readonly string[]} {
	const {event, warnings} = accept(input);
	if (event.type !== 'revenue') throw new Error('not revenue');
	return {event, warnings};
}

describe('revenue', () => {
	it('the §4.6 example; order_id becomes the dedupe id', () => {
		const {event, warnings} = earned('{"v":1,"type":"revenue","ts":"2026-08-20T10:02:00Z","feature":"support-bot","amount_usd":0.40,"order_id":"o-5521"}');
		expect(warnings).toEqual([]);
		expect(event).toEqual({type: 'revenue', ts: T0 + 120_000, feature: 'support-bot', amountUsd: 0.4, orderId: 'o-5521', id: 'o-5521'});
	});

	it('an explicit id wins over order_id', () => {
		expect(earned(revenue({id: 'e-1', order_id: 'o-1'})).event.id).toBe('e-1');
	});

	it('negative amounts (refunds) are allowed', () => {
		expect(earned(revenue({amount_usd: -12.5})).event.amountUsd).toBe(-12.5);
	});

	it('missing, wrong type and non-finite amount', () => {
		expectReason(revenue({amount_usd: undefined}), 'missing_field:amount_usd');
		expectReason(revenue({amount_usd: '0.40'}), 'wrong_type:amount_usd');
		expectReason('{"type":"revenue","ts":1787220000000,"feature":"f","amount_usd":-1e400}', 'out_of_range:amount_usd');
	});

	it('feature is required', () => {
		expectReason(revenue({feature: undefined}), 'missing_field:feature');
		expectReason(revenue({feature: ''}), 'missing_field:feature');
		expectReason(revenue({feature: 12}), 'wrong_type:feature');
	});

	it('unsupported_currency for anything but USD', () => {
		expect(earned(revenue({currency: 'USD'})).event.amountUsd).toBe(0.4);
		expect(earned(revenue({currency: 'usd'})).event.amountUsd).toBe(0.4);
		expect(earned(revenue({currency: null})).event.amountUsd).toBe(0.4);
		expectReason(revenue({currency: 'EUR'}), 'unsupported_currency');
		expectReason(revenue({currency: 840}), 'unsupported_currency');
	});

	it('optional references', () => {
		const {event, warnings} = earned(revenue({customer_id: 'cu-1', call_id: 'c-1', trace_id: '5B8EFFF798038103D269B633813FC60C'}));
		expect(warnings).toEqual([]);
		expect(event).toMatchObject({customerId: 'cu-1', callId: 'c-1', traceId: '5b8efff798038103d269b633813fc60c'});
		expect(earned(revenue({trace_id: 'abc'})).warnings).toEqual(['dropped_field:trace_id']);
	});
});
