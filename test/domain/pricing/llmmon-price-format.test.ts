import {describe, expect, it} from 'vitest';
import {loadLlmmonPrices, parseLlmmonPrice} from '../../../source/domain/pricing/llmmon-price-format.js';
import {loadPriceFile, detectPriceFormat} from '../../../source/domain/pricing/load-price-file.js';
import {describePriceIssue} from '../../../source/domain/pricing/price-table.js';

describe('loadLlmmonPrices', () => {
	it('converts per-1M figures to per-token rates', () => {
		const {table, issues, loaded} = loadLlmmonPrices(
			{
				'My-Model': {
					input_per_mtok: 2.5,
					output_per_mtok: 10,
					cache_read_per_mtok: 1.25,
					cache_write_per_mtok: 3.75,
					reasoning_per_mtok: 12,
					provider: 'openai',
					mode: 'chat',
				},
			},
			'config',
		);
		expect(issues).toEqual([]);
		expect(loaded).toBe(1);
		const entry = table.entries.get('my-model');
		expect(entry?.name).toBe('My-Model');
		expect(entry?.source).toBe('config');
		// 2.5 / 1e6 = 2.5e-6, etc.
		expect(entry?.price.input).toBeCloseTo(2.5e-6, 18);
		expect(entry?.price.output).toBeCloseTo(1e-5, 18);
		expect(entry?.price.cacheRead).toBeCloseTo(1.25e-6, 18);
		expect(entry?.price.cacheWrite).toBeCloseTo(3.75e-6, 18);
		expect(entry?.price.reasoning).toBeCloseTo(1.2e-5, 18);
		expect(entry?.price.provider).toBe('openai');
	});

	it('reads tiers, sorted, with missing tier rates taken from the base', () => {
		const {price, issues} = parseLlmmonPrice('m', {
			input_per_mtok: 1,
			output_per_mtok: 2,
			tiers: [
				{above_input_tokens: 200_000, inclusive: true, input_per_mtok: 4, output_per_mtok: 8, cache_read_per_mtok: 0.4},
				{above_input_tokens: 128_000, input_per_mtok: 3},
			],
		});
		expect(issues).toEqual([]);
		expect(price?.tiers).toEqual([
			{aboveInputTokens: 128_000, input: 3e-6, output: 2e-6},
			{aboveInputTokens: 200_000, inclusive: true, input: 4e-6, output: 8e-6, cacheRead: 4e-7},
		]);
	});

	it('lets embedding models leave out the output rate, but nothing else', () => {
		expect(parseLlmmonPrice('e', {input_per_mtok: 0.02, mode: 'embedding'}).price).toEqual({input: 2e-8, output: 0, mode: 'embedding'});
		expect(parseLlmmonPrice('c', {input_per_mtok: 1}).issues).toEqual([{model: 'c', field: 'output_per_mtok', value: null, reason: 'missing_rate'}]);
		expect(parseLlmmonPrice('c', {output_per_mtok: 1}).price).toBeNull();
	});

	it('rejects a per-token figure or a per-1K misplacement in a per-1M field', () => {
		const {table, issues, skipped} = loadLlmmonPrices(
			{
				'per-token': {input_per_mtok: 2.5e-6, output_per_mtok: 1e-5},
				'too-dear': {input_per_mtok: 2500, output_per_mtok: 10},
				free: {input_per_mtok: 0, output_per_mtok: 0},
			},
			'config',
		);
		expect(issues).toEqual([
			{model: 'per-token', field: 'input_per_mtok', value: 2.5e-6, reason: 'implausible_rate'},
			{model: 'per-token', field: 'output_per_mtok', value: 1e-5, reason: 'implausible_rate'},
			{model: 'too-dear', field: 'input_per_mtok', value: 2500, reason: 'implausible_rate'},
		]);
		expect([...table.entries.keys()]).toEqual(['free']);
		expect(skipped).toBe(2);
	});

	it('reports unknown fields but still uses the entry', () => {
		const {table, issues} = loadLlmmonPrices({m: {input_per_mtok: 1, output_per_mtok: 2, cached_read_per_mtok: 0.1}}, 'config');
		expect(issues).toEqual([{model: 'm', field: 'cached_read_per_mtok', value: 0.1, reason: 'unknown_field'}]);
		expect(table.entries.has('m')).toBe(true);
		expect(describePriceIssue(issues[0]!)).toBe('m cached_read_per_mtok: unknown field, ignored');
	});

	it('rejects malformed tiers and never throws', () => {
		expect(parseLlmmonPrice('m', {input_per_mtok: 1, output_per_mtok: 2, tiers: 'x'}).price).toBeNull();
		expect(parseLlmmonPrice('m', {input_per_mtok: 1, output_per_mtok: 2, tiers: [{input_per_mtok: 3}]}).issues[0]?.field).toBe('tiers[0].above_input_tokens');
		expect(parseLlmmonPrice('m', {input_per_mtok: 1, output_per_mtok: 2, tiers: [{above_input_tokens: 1, input_per_mtok: -3}]}).price).toBeNull();
		expect(parseLlmmonPrice('m', 'cheap').issues[0]?.reason).toBe('invalid_entry');
		for (const bad of [null, 3, [], 'x']) expect(loadLlmmonPrices(bad, 'config').issues[0]?.reason).toBe('invalid_table');
	});
});

describe('loadPriceFile', () => {
	it('tells LiteLLM files from llmmon files', () => {
		expect(detectPriceFormat({'gpt-4o': {input_cost_per_token: 2.5e-6, output_cost_per_token: 1e-5}})).toBe('litellm');
		expect(detectPriceFormat({'gpt-4o': {input_per_mtok: 2.5, output_per_mtok: 10}})).toBe('llmmon');
		expect(detectPriceFormat({'gpt-4o': {price: 1}})).toBeNull();
		expect(detectPriceFormat([])).toBeNull();
	});

	it('loads either format into the same per-token rates', () => {
		const litellm = loadPriceFile({'gpt-4o': {input_cost_per_token: 2.5e-6, output_cost_per_token: 1e-5}}, 'a.json');
		const llmmon = loadPriceFile({'gpt-4o': {input_per_mtok: 2.5, output_per_mtok: 10}}, 'b.json');
		expect(litellm.format).toBe('litellm');
		expect(llmmon.format).toBe('llmmon');
		expect(litellm.table.entries.get('gpt-4o')?.price.input).toBeCloseTo(llmmon.table.entries.get('gpt-4o')!.price.input, 18);
		expect(llmmon.table.entries.get('gpt-4o')?.source).toBe('b.json');
	});

	it('reports a file in neither format', () => {
		const result = loadPriceFile({a: 1}, 'c.json');
		expect(result.format).toBeNull();
		expect(result.issues).toEqual([{model: '', field: '', value: 'not a LiteLLM or llmmon price table', reason: 'invalid_table'}]);
		expect(describePriceIssue(result.issues[0]!)).toBe('price table: not a LiteLLM or llmmon price table');
	});
});
