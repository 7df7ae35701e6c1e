// `revenue` (protocols.md §4.3): money attributed to a feature, for ROI.
import {readEventTs, readHex, readNumber, readText} from './field-reader.js';
import type {FieldReader, WireObject} from './field-reader.js';
import {COMMON_WIRE, MAX_ID_CHARS, MAX_NAME_CHARS, field, knownFields} from './field-spec.js';
import type {RevenueEvent} from './types.js';

/** The field table, in validation order. */
const F = {
	id: field('id', {max: MAX_ID_CHARS, dropLong: true}),
	feature: field('feature', {required: true, max: MAX_NAME_CHARS, label: true}),
	// Negative amounts are refunds and chargebacks (§4.3).
	amountUsd: field('amount_usd', {required: true, min: -Number.MAX_VALUE, max: Number.MAX_VALUE}),
	currency: field('currency'),
	orderId: field('order_id', {max: MAX_ID_CHARS, dropLong: true}),
	customerId: field('customer_id', {max: MAX_ID_CHARS}),
	traceId: field('trace_id', {max: 32}),
	callId: field('call_id', {max: MAX_ID_CHARS}),
};

export const REVENUE_FIELDS = knownFields(F, [...COMMON_WIRE, 'ts', 'service', 'env', 'host']);

function isUsd(value: unknown): boolean {
	return value === undefined || value === null || value === 'USD' || (typeof value === 'string' && value.toUpperCase() === 'USD');
}

export function validateRevenue(r: FieldReader, o: WireObject): RevenueEvent | undefined {
	const ts = readEventTs(r, o.ts);
	const id = readText(r, o.id, F.id);
	const feature = readText(r, o.feature, F.feature);
	const amountUsd = readNumber(r, o.amount_usd, F.amountUsd);
	// v1 does no FX: a foreign amount summed as dollars would be silently wrong.
	if (!isUsd(o.currency)) r.fail('unsupported_currency');
	if (r.failure !== undefined || feature === undefined || amountUsd === undefined) return undefined;
	const orderId = readText(r, o.order_id, F.orderId);
	return {
		type: 'revenue',
		ts,
		// The order id is the natural idempotency key when the sender gave none (§4.3).
		id: id ?? orderId,
		feature,
		amountUsd,
		orderId,
		customerId: readText(r, o.customer_id, F.customerId),
		traceId: readHex(r, o.trace_id, F.traceId),
		callId: readText(r, o.call_id, F.callId),
	};
}
