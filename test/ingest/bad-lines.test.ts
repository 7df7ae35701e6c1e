import {readFileSync} from 'node:fs';
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {createStreamSource} from '../../source/ingest/stream-source.js';
import {recordingSink, waitFor} from './recording-sink.js';

const T0 = 1_787_220_000_000;
const FIXTURE = new URL('../fixtures/bad-mixed.ndjson', import.meta.url);

// Expected outcome of every non-blank line of bad-mixed.ndjson (38 lines, 3 of them blank),
// plus one generated 2 MB line. 35 + 1 = 36 counted lines.
const EXPECTED: Record<string, number> = {
	// BOM + truncated object, prose, missing comma, NUL/0xFF junk, only NULs, 0xC3 outside a string, single quotes
	invalid_json: 7,
	// NaN, Infinity, -Infinity
	non_standard_number: 3,
	// [1,2,3], [{…}], 42, "a string", null, 100 nested arrays
	not_an_object: 6,
	// object-valued type, nested garbage without type, {}
	unknown_type: 3,
	unsupported_version: 1,
	otlp_not_supported: 1,
	snake_case_otlp: 1,
	'wrong_type:model': 1,
	'wrong_type:latency_ms': 1,
	'out_of_range:latency_ms': 1,
	'out_of_range:input_tokens': 1,
	'missing_field:model': 1,
	invalid_timestamp: 1,
	implausible_timestamp: 1,
	invalid_id: 1,
	unattributable_score: 1,
	unsupported_currency: 1,
	line_too_long: 1,
	// escapes in strings, invalid UTF-8 inside a string, a __proto__ key
	ok: 3,
};

function countReasons(outcomes: Array<{ok: boolean; reason?: string}>): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const o of outcomes) {
		const key = o.ok ? 'ok' : (o.reason ?? '?');
		counts[key] = (counts[key] ?? 0) + 1;
	}
	return counts;
}

describe('a stream of mixed bad lines', () => {
	it('yields exactly the expected reason counts, in odd chunk sizes, without throwing', async () => {
		const bytes = readFileSync(FIXTURE);
		const stream = new PassThrough();
		const sink = recordingSink();
		createStreamSource({name: 'stdin', stream, sink, now: () => T0 + 60_000}).start();
		// 7-byte chunks split lines, the BOM and multi-byte sequences at arbitrary points
		for (let i = 0; i < bytes.length; i += 7) stream.write(bytes.subarray(i, i + 7));
		const big = Buffer.from(`{"type":"llm_call","model":"${'m'.repeat(2 * 1024 * 1024)}","latency_ms":1}\n`);
		for (let i = 0; i < big.length; i += 65_536) stream.write(big.subarray(i, i + 65_536));
		stream.end();
		await waitFor(() => sink.lastState() === 'ended');

		expect(countReasons(sink.accepted.map(a => a.outcome as {ok: boolean; reason?: string}))).toEqual(EXPECTED);
		expect(sink.accepted).toHaveLength(36);

		const events = sink.accepted.flatMap(a => (a.outcome.ok ? [a.outcome.event] : []));
		const [escaped, badUtf8, proto] = events;
		expect(escaped).toMatchObject({model: '\u241b[2Jgpt\u2407', feature: '\u242631m\u2426evil'});
		expect(badUtf8).toMatchObject({model: '\ufffd\ufffd'});
		expect(proto).toMatchObject({model: 'm'});
		expect(sink.accepted.find(a => a.outcome.ok && a.outcome.event === proto)!.outcome).toMatchObject({warnings: ['unknown_field:__proto__']});
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();

		const tooLong = sink.accepted.find(a => !a.outcome.ok && a.outcome.reason === 'line_too_long')!;
		expect(tooLong.raw).toBe('{"type":"llm_call","model":"' + 'm'.repeat(172));
	});
});
