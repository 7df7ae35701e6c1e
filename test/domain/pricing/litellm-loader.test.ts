import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {LlmCallEvent} from '../../../source/events/types.js';
import {createCostResolver} from '../../../source/domain/pricing/compute-cost.js';
import {loadLiteLlmPrices} from '../../../source/domain/pricing/litellm-loader.js';
import {MAX_USD_PER_TOKEN} from '../../../source/domain/pricing/rate-check.js';

describe('loadLiteLlmPrices', () => {
	it('reads base, cache and reasoning rates, provider and mode', () => {
		const {table, issues, loaded, skipped} = loadLiteLlmPrices(
			{
				'gpt-x': {
					input_cost_per_token: 2.5e-6,
					output_cost_per_token: 1e-5,
					cache_read_input_token_cost: 1.25e-6,
					cache_creation_input_token_cost: 3e-6,
					output_cost_per_reasoning_token: 2e-5,
					litellm_provider: 'openai',
					mode: 'chat',
				},
			},
			'prices.json',
		);
		expect(issues).toEqual([]);
		expect([loaded, skipped]).toEqual([1, 0]);
		expect(table.entries.get('gpt-x')).toEqual({
			name: 'gpt-x',
			source: 'prices.json',
			price: {input: 2.5e-6, output: 1e-5, cacheRead: 1.25e-6, cacheWrite: 3e-6, reasoning: 2e-5, provider: 'openai', mode: 'chat'},
		});
	});

	it('turns every _above_<N>_tokens and _above_<N>k_tokens variant into a tier', () => {
		const {table} = loadLiteLlmPrices({
			'Long-Context': {
				input_cost_per_token: 3e-6,
				output_cost_per_token: 1.5e-5,
				cache_read_input_token_cost: 3e-7,
				input_cost_per_token_above_200k_tokens: 6e-6,
				output_cost_per_token_above_200k_tokens: 2.25e-5,
				cache_read_input_token_cost_above_200k_tokens: 6e-7,
				cache_creation_input_token_cost_above_200k_tokens: 7.5e-6,
				input_cost_per_token_above_128000_tokens: 4e-6,
				// Not token tiers: a 1-hour cache write and a priority service tier.
				cache_creation_input_token_cost_above_1hr: 6e-6,
				input_cost_per_token_above_200k_tokens_priority: 1e-5,
			},
		});
		expect(table.entries.get('long-context')?.price.tiers).toEqual([
			// The 128k tier gives only an input rate: output keeps the base rate.
			{aboveInputTokens: 128_000, input: 4e-6, output: 1.5e-5},
			{aboveInputTokens: 200_000, input: 6e-6, output: 2.25e-5, cacheRead: 6e-7, cacheWrite: 7.5e-6},
		]);
	});

	it('reads tiered_pricing ranges as whole-request tiers with the lowest range as base', () => {
		const {table} = loadLiteLlmPrices({
			'dashscope/qwen-x': {
				litellm_provider: 'dashscope',
				mode: 'chat',
				tiered_pricing: [
					{input_cost_per_token: 1.2e-6, output_cost_per_token: 3.6e-6, range: [256_000, 1_000_000]},
					{input_cost_per_token: 4e-7, output_cost_per_token: 1.2e-6, range: [0, 256_000]},
				],
			},
		});
		expect(table.entries.get('dashscope/qwen-x')?.price).toMatchObject({
			input: 4e-7,
			output: 1.2e-6,
			tiers: [{aboveInputTokens: 256_000, input: 1.2e-6, output: 3.6e-6}],
		});
	});

	it('rejects a per-1K price put in a per-token field, and the whole entry with it', () => {
		// gpt-4o's per-1K prices ($0.0025 / $0.01) typed into per-token fields: $2500 / $10 000 per 1M.
		// The second entry's input (0.0005) alone would pass, but its output (0.0015) cannot be per token.
		const {table, issues, loaded, skipped} = loadLiteLlmPrices({
			'acme/per-1k': {input_cost_per_token: 0.0025, output_cost_per_token: 0.01, mode: 'chat'},
			'acme/half-bad': {input_cost_per_token: 0.0005, output_cost_per_token: 0.0015, mode: 'chat'},
			'acme/fine': {input_cost_per_token: 6e-4, output_cost_per_token: 6e-4, mode: 'chat'},
		});
		expect(issues).toEqual([
			{model: 'acme/per-1k', field: 'input_cost_per_token', value: 0.0025, reason: 'implausible_rate'},
			{model: 'acme/per-1k', field: 'output_cost_per_token', value: 0.01, reason: 'implausible_rate'},
			{model: 'acme/half-bad', field: 'output_cost_per_token', value: 0.0015, reason: 'implausible_rate'},
		]);
		expect([...table.entries.keys()]).toEqual(['acme/fine']);
		expect([loaded, skipped]).toEqual([1, 2]);

		// A call to the rejected model is unpriced, not priced at $2500 per 1M.
		const resolve = createCostResolver({table});
		const call: LlmCallEvent = {type: 'llm_call', ts: 0, model: 'acme/per-1k', provider: 'acme', operation: 'chat', feature: 'x', latencyMs: 1, status: 'ok', inputTokens: 1000, outputTokens: 10};
		expect(resolve(call).status).toBe('unpriced');
	});

	it('checks tier rates against the same bound', () => {
		const {issues, loaded} = loadLiteLlmPrices({
			m: {input_cost_per_token: 1e-6, output_cost_per_token: 2e-6, output_cost_per_token_above_200k_tokens: 0.004},
		});
		expect(issues).toEqual([{model: 'm', field: 'output_cost_per_token_above_200k_tokens', value: 0.004, reason: 'implausible_rate'}]);
		expect(loaded).toBe(0);
	});

	it('accepts exactly the bound and rejects just above it', () => {
		const {issues} = loadLiteLlmPrices({
			at: {input_cost_per_token: MAX_USD_PER_TOKEN, output_cost_per_token: 0},
			above: {input_cost_per_token: MAX_USD_PER_TOKEN * 1.001, output_cost_per_token: 0},
		});
		expect(issues.map(issue => issue.model)).toEqual(['above']);
	});

	it('reports non-numeric and negative rates, and treats null as absent', () => {
		const {table, issues} = loadLiteLlmPrices({
			text: {input_cost_per_token: '2.5e-6', output_cost_per_token: 1e-5},
			negative: {input_cost_per_token: -1e-6, output_cost_per_token: 1e-5},
			nulls: {input_cost_per_token: 1e-6, output_cost_per_token: 2e-6, cache_read_input_token_cost: null},
		});
		expect(issues).toEqual([
			{model: 'text', field: 'input_cost_per_token', value: '"2.5e-6"', reason: 'invalid_rate'},
			{model: 'negative', field: 'input_cost_per_token', value: -1e-6, reason: 'invalid_rate'},
		]);
		expect(table.entries.get('nulls')?.price).toEqual({input: 1e-6, output: 2e-6});
	});

	it('skips sample_spec, metadata and entries without token prices, without calling them issues', () => {
		const {table, issues, loaded, skipped} = loadLiteLlmPrices({
			sample_spec: {input_cost_per_token: 0, output_cost_per_token: 0, litellm_provider: 'one of …'},
			last_updated: '2026-07-24T18:23:43Z',
			'dall-e-3': {output_cost_per_image: 0.04, mode: 'image_generation'},
			'gpt-image-1': {input_cost_per_token: 5e-6, mode: 'image_generation'},
			'whisper-1': {input_cost_per_second: 1e-4, mode: 'audio_transcription'},
			'mistral-embed': {input_cost_per_token: 1e-7, mode: 'embedding'},
		});
		expect(issues).toEqual([]);
		expect([...table.entries.keys()]).toEqual(['mistral-embed']);
		expect(table.entries.get('mistral-embed')?.price).toEqual({input: 1e-7, output: 0, mode: 'embedding'});
		expect([loaded, skipped]).toEqual([1, 3]);
	});

	it('never throws on malformed input', () => {
		for (const bad of [null, undefined, 42, 'text', [], [1, 2], true]) {
			const result = loadLiteLlmPrices(bad);
			expect(result.loaded).toBe(0);
			expect(result.issues[0]?.reason).toBe('invalid_table');
		}

		const result = loadLiteLlmPrices({
			a: null,
			b: [1, 2],
			c: {input_cost_per_token: {nested: true}, output_cost_per_token: 1e-6},
			d: {input_cost_per_token: 1e-6, output_cost_per_token: 1e-6, tiered_pricing: 'nope'},
			e: {input_cost_per_token: 1e-6, output_cost_per_token: 1e-6, tiered_pricing: [null, {range: 'x'}, {range: [1]}]},
		});
		expect(result.issues.map(issue => `${issue.model}:${issue.reason}`)).toEqual(['a:invalid_entry', 'b:invalid_entry', 'c:invalid_rate']);
		expect([...result.table.entries.keys()]).toEqual(['d', 'e']);
	});
});

describe('loadLiteLlmPrices on the real LiteLLM table (../shared/data, 2026-07-24)', () => {
	const json: unknown = JSON.parse(readFileSync(new URL('../../../../shared/data/litellm-model-prices.json', import.meta.url), 'utf8'));
	const result = loadLiteLlmPrices(json, 'litellm-model-prices.json');
	const get = (model: string) => result.table.entries.get(model)?.price;

	it('reads known prices', () => {
		expect(get('gpt-4o')).toMatchObject({input: 2.5e-6, output: 1e-5, cacheRead: 1.25e-6, provider: 'openai', mode: 'chat'});
		expect(get('gpt-4o-2024-05-13')).toMatchObject({input: 5e-6, output: 1.5e-5});
		expect(get('claude-sonnet-4-5')).toMatchObject({
			input: 3e-6,
			output: 1.5e-5,
			cacheRead: 3e-7,
			cacheWrite: 3.75e-6,
			tiers: [{aboveInputTokens: 200_000, input: 6e-6, output: 2.25e-5, cacheRead: 6e-7, cacheWrite: 7.5e-6}],
		});
		expect(get('gemini/gemini-2.5-flash')).toMatchObject({input: 3e-7, output: 2.5e-6, cacheRead: 3e-8, reasoning: 2.5e-6});
		expect(get('xai/grok-4-1-fast-reasoning')?.tiers).toEqual([{aboveInputTokens: 128_000, input: 4e-7, output: 1e-6}]);
		expect(get('dashscope/qwen-plus-2025-07-28')).toMatchObject({
			input: 4e-7,
			output: 1.2e-6,
			reasoning: 4e-6,
			tiers: [{aboveInputTokens: 256_000, input: 1.2e-6, output: 3.6e-6, reasoning: 1.2e-5}],
		});
		expect(get('mistral/mistral-embed')).toEqual({input: 1e-7, output: 0, provider: 'mistral', mode: 'embedding'});
		// The dearest legitimate rate in the file ($600 per 1M) stays below the bound.
		expect(get('o1-pro')?.output).toBe(6e-4);
	});

	it('loads a sane number of models and accounts for every entry', () => {
		const entries = Object.keys(json as object).filter(key => key !== 'sample_spec' && key !== 'last_updated');
		expect(entries.length).toBe(2983);
		expect(result.loaded).toBe(2502);
		expect(result.loaded + result.skipped).toBe(entries.length);
		expect(result.table.entries.size).toBe(2501); // two keys differ only by case (together_ai/BAAI/bge-base-en-v1.5)
		expect(get('sample_spec')).toBeUndefined();
		expect(get('gpt-image-1')).toBeUndefined();
	});

	it('flags exactly the entries whose per-token fields hold per-1K or per-1M figures', () => {
		expect(result.issues.every(issue => issue.reason === 'implausible_rate')).toBe(true);
		const flagged = [...new Set(result.issues.map(issue => issue.model))].sort();
		expect(flagged).toEqual(
			[
				'azure_ai/jais-30b-chat',
				'watsonx/bigscience/mt0-xxl-13b',
				'watsonx/core42/jais-13b-chat',
				'wandb/openai/gpt-oss-120b',
				'wandb/openai/gpt-oss-20b',
				'wandb/zai-org/GLM-4.5',
				'wandb/Qwen/Qwen3-235B-A22B-Instruct-2507',
				'wandb/Qwen/Qwen3-Coder-480B-A35B-Instruct',
				'wandb/Qwen/Qwen3-235B-A22B-Thinking-2507',
				'wandb/meta-llama/Llama-3.1-8B-Instruct',
				'wandb/deepseek-ai/DeepSeek-V3.1',
				'wandb/deepseek-ai/DeepSeek-R1-0528',
				'wandb/deepseek-ai/DeepSeek-V3-0324',
				'wandb/meta-llama/Llama-3.3-70B-Instruct',
				'wandb/meta-llama/Llama-4-Scout-17B-16E-Instruct',
				'wandb/microsoft/Phi-4-mini-instruct',
			].sort(),
		);
		expect(result.issues).toContainEqual({model: 'wandb/deepseek-ai/DeepSeek-R1-0528', field: 'output_cost_per_token', value: 0.54, reason: 'implausible_rate'});
		expect(get('wandb/openai/gpt-oss-120b')).toBeUndefined();
		// wandb entries with real per-token prices are kept.
		expect(get('wandb/moonshotai/kimi-k2-instruct')).toMatchObject({input: 6e-7, output: 2.5e-6});
	});
});
