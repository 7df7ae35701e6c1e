import {describe, expect, it} from 'vitest';
import type {SpanEvent} from '../../source/events/types.js';
import {parseLine} from '../../source/events/parse.js';
import {NO_SLOT, SpanSlab} from '../../source/domain/span-slab.js';

/** A span the way the events layer builds it: every field present, optional ones undefined. */
function parsedSpan(fields: Record<string, unknown>): SpanEvent {
	const line = JSON.stringify({v: 1, type: 'span', trace_id: 'a'.repeat(32), span_id: '00000000000000a1', name: 'GET /x', start_ts: 1_700_000_000_000, duration_ms: 12.5, ...fields});
	const outcome = parseLine(line, 1_700_000_100_000);
	if (!outcome.ok || outcome.event.type !== 'span') throw new Error(`not a span: ${line}`);
	return outcome.event;
}

function chain(slab: SpanSlab, first: number): number[] {
	const slots: number[] = [];
	for (let slot = first; slot !== NO_SLOT; slot = slab.next(slot)) slots.push(slot);
	return slots;
}

describe('SpanSlab', () => {
	it('gives back exactly the span it stored, every field and its type', () => {
		const spans = [
			parsedSpan({}),
			parsedSpan({
				id: 'evt-1',
				span_id: '00000000000000b2',
				parent_span_id: '00000000000000a1',
				kind: 'client',
				status: {code: 'error', message: 'upstream rate_limit'},
				attributes: {'peer.service': 'openai', 'retries': 2, 'cached': false, 'tags': ['a', 'b']},
				events: [{name: 'retry', ts: 1_700_000_000_005}],
				resource: {'service.name': 'llm-worker'},
			}),
			parsedSpan({kind: 'server', status: {code: 'ok'}, service: 'api'}),
		];
		const slab = new SpanSlab(10);
		const slots = spans.map(span => slab.add(span));
		spans.forEach((span, index) => {
			// Strict: the same keys (undefined ones included), values and shared objects.
			expect(slab.span(slots[index]!, span.traceId)).toStrictEqual(span);
		});
		expect(slab.spanIdOf(slots[1]!)).toBe('00000000000000b2');
		expect(slab.parentOf(slots[1]!)).toBe('00000000000000a1');
		expect(slab.parentOf(slots[0]!)).toBeUndefined();
		expect(slab.nameOf(slots[2]!)).toBe('GET /x');
		expect(slab.startOf(slots[2]!)).toBe(1_700_000_000_000);
	});

	it('chains records, and reuses a released chain before growing', () => {
		const slab = new SpanSlab(1000);
		const span = parsedSpan({});
		const first = slab.add(span);
		let last = first;
		for (let index = 0; index < 4; index++) {
			const slot = slab.add(span);
			slab.link(last, slot);
			last = slot;
		}

		expect(chain(slab, first)).toEqual([0, 1, 2, 3, 4]);
		const allocated = slab.allocated;
		slab.releaseChain(first, last);
		const reused = Array.from({length: 5}, () => slab.add(parsedSpan({name: 'again'})));
		expect([...reused].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
		expect(slab.allocated).toBe(allocated);
		for (const slot of reused) {
			expect(slab.next(slot)).toBe(NO_SLOT);
			expect(slab.nameOf(slot)).toBe('again');
		}
	});

	it('grows by doubling up to its capacity, and refuses more', () => {
		const slab = new SpanSlab(600);
		const span = parsedSpan({});
		for (let index = 0; index < 600; index++) expect(slab.add(span)).toBe(index);
		expect(slab.allocated).toBe(600);
		expect(() => slab.add(span)).toThrow(RangeError);
		expect(slab.span(599, span.traceId)).toStrictEqual(span);
	});
});
