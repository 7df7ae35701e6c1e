import {describe, expect, it} from 'vitest';
import type {LlmCallEvent} from '../../../source/events/types.js';
import {bundledPriceTable} from '../../../source/domain/pricing/bundled-prices.js';
import {createCostResolver, mergePriceTables, reportedOnlyResolver} from '../../../source/domain/pricing/compute-cost.js';
import {loadLiteLlmPrices} from '../../../source/domain/pricing/litellm-loader.js';
import {loadLlmmonPrices} from '../../../source/domain/pricing/llmmon-price-format.js';
import {CONFIG_SOURCE} from '../../../source/domain/pricing/price-types.js';

function call(fields: Partial<LlmCallEvent>): LlmCallEvent {
	return {
		type: 'llm_call',
		ts: 0,
		model: 'gpt-4o',
		provider: 'openai',
		operation: 'chat',
		feature: '(none)',
		latencyMs: 100,
		status: 'ok',
		...fields,
	};
}

const DIGITS = 12;
const resolve = createCostResolver({table: bundledPriceTable()});

describe('createCostResolver', () => {
	it('computes a cost from tokens when the event reports none', () => {
		// (176×2.5 + 1024×1.25 + 220×10) / 1e6 = (440 + 1280 + 2200) / 1e6 = 0.00392.
		const cost = resolve(call({inputTokens: 1200, cacheReadTokens: 1024, outputTokens: 220}));
		expect(cost.status).toBe('priced');
		expect(cost.source).toBe('computed');
		expect(cost.usd).toBeCloseTo(0.00392, DIGITS);
		expect(cost.pricedAs).toBe('gpt-4o');
		expect(cost.approximate).toBe(false);
	});

	it('lets a reported cost win over the computed one', () => {
		const cost = resolve(call({costUsd: 0.0123, inputTokens: 1200, cacheReadTokens: 1024, outputTokens: 220}));
		expect(cost).toEqual({usd: 0.0123, source: 'reported', status: 'priced'});
	});

	it('keeps a reported cost of 0 and a reported cost for a model nobody prices', () => {
		expect(resolve(call({costUsd: 0, inputTokens: 10, outputTokens: 10}))).toEqual({usd: 0, source: 'reported', status: 'priced'});
		expect(resolve(call({model: 'acme-llama-70b-ft', provider: 'vllm', costUsd: 0.5})).usd).toBe(0.5);
	});

	it('calls a model without a price unpriced: cost null, never $0', () => {
		const cost = resolve(call({model: 'acme-llama-70b-ft', provider: 'vllm', inputTokens: 900, outputTokens: 80}));
		expect(cost).toEqual({usd: null, source: null, status: 'unpriced'});
	});

	it('calls a streamed call without usage unmetered, not $0', () => {
		const cost = resolve(call({stream: true}));
		expect(cost).toEqual({usd: null, source: null, status: 'unmetered'});
	});

	it('counts a call with token counts of 0 as metered and free', () => {
		const cost = resolve(call({inputTokens: 0, outputTokens: 0}));
		expect(cost.status).toBe('priced');
		expect(cost.usd).toBe(0);
	});

	it('prices a provider-prefixed name as an exact match', () => {
		// gpt-4o: 1000×2.5e-6 + 100×1e-5 = 0.0025 + 0.001 = 0.0035.
		const cost = resolve(call({model: 'openai/gpt-4o', inputTokens: 1000, outputTokens: 100}));
		expect(cost.usd).toBeCloseTo(0.0035, DIGITS);
		expect(cost.pricedAs).toBe('gpt-4o');
		expect(cost.approximate).toBe(false);
		expect(cost.source).toBe('computed');
	});

	it('prices a dated name missing from the table at its base, marked approximate and estimated', () => {
		// gpt-4.1-2025-04-14 → gpt-4.1: 1000×2e-6 + 100×8e-6 = 0.002 + 0.0008 = 0.0028.
		const cost = resolve(call({model: 'gpt-4.1-2025-04-14', inputTokens: 1000, outputTokens: 100}));
		expect(cost.usd).toBeCloseTo(0.0028, DIGITS);
		expect(cost.pricedAs).toBe('gpt-4.1');
		expect(cost.approximate).toBe(true);
		expect(cost.source).toBe('estimated');
	});

	it('prices a dated snapshot the table lists at its own rate, not the base rate', () => {
		// gpt-4o-2024-05-13 is $5/$15: 1000×5e-6 + 100×1.5e-5 = 0.0065 (gpt-4o would give 0.0035).
		const cost = resolve(call({model: 'gpt-4o-2024-05-13', inputTokens: 1000, outputTokens: 100}));
		expect(cost.usd).toBeCloseTo(0.0065, DIGITS);
		expect(cost.approximate).toBe(false);
	});

	it('prefers the exact request model over an approximate response model', () => {
		// Response gpt-4o-2024-08-06 is not bundled; request gpt-4o is, exactly.
		const cost = resolve(call({model: 'gpt-4o', responseModel: 'gpt-4o-2024-08-06', inputTokens: 1000, outputTokens: 100}));
		expect(cost.pricedAs).toBe('gpt-4o');
		expect(cost.approximate).toBe(false);
	});

	it('marks a cost estimated when a stand-in rate was used', () => {
		// gpt-4o has no cache-write rate: 2000×2.5e-6 + 1000×2.5e-6 = 0.0075.
		const cost = resolve(call({inputTokens: 3000, cacheWriteTokens: 1000, outputTokens: 0}));
		expect(cost.source).toBe('estimated');
		expect(cost.approximate).toBe(false);
		expect(cost.usd).toBeCloseTo(0.0075, DIGITS);
	});

	it('prices an Azure deployment name through the alias map', () => {
		const withAlias = createCostResolver({table: bundledPriceTable(), aliases: {'Prod-Chat-Deploy': 'gpt-4o-mini'}});
		// gpt-4o-mini: 1000×1.5e-7 + 100×6e-7 = 0.00015 + 0.00006 = 0.00021.
		const cost = withAlias(call({model: 'prod-chat-deploy', provider: 'azure.ai.openai', inputTokens: 1000, outputTokens: 100}));
		expect(cost.usd).toBeCloseTo(0.00021, DIGITS);
		expect(cost.pricedAs).toBe('gpt-4o-mini');
		expect(resolve(call({model: 'prod-chat-deploy', provider: 'azure.ai.openai', inputTokens: 1000})).status).toBe('unpriced');
	});
});

describe('mergePriceTables', () => {
	it('lets a --prices file override bundled prices and config overrides win over both', () => {
		const file = loadLiteLlmPrices({'gpt-4o': {input_cost_per_token: 3e-6, output_cost_per_token: 1.2e-5, mode: 'chat'}}, 'prices.json');
		const config = loadLlmmonPrices({'gpt-4o-mini': {input_per_mtok: 1, output_per_mtok: 2}}, CONFIG_SOURCE);
		const table = mergePriceTables(bundledPriceTable(), file.table, config.table);
		expect(table.entries.get('gpt-4o')?.source).toBe('prices.json');
		expect(table.entries.get('gpt-4o-mini')?.source).toBe('config');
		expect(table.entries.get('o3')?.source).toBe('bundled');

		const merged = createCostResolver({table});
		// File gpt-4o: 1000×3e-6 + 100×1.2e-5 = 0.003 + 0.0012 = 0.0042.
		expect(merged(call({inputTokens: 1000, outputTokens: 100})).usd).toBeCloseTo(0.0042, DIGITS);
		// Config gpt-4o-mini: 1000×1e-6 + 100×2e-6 = 0.0012.
		expect(merged(call({model: 'gpt-4o-mini', inputTokens: 1000, outputTokens: 100})).usd).toBeCloseTo(0.0012, DIGITS);
		// The bundled table itself is unchanged.
		expect(bundledPriceTable().entries.get('gpt-4o')?.source).toBe('bundled');
	});

	it('merges nothing into an empty table', () => {
		expect(mergePriceTables().entries.size).toBe(0);
	});
});

describe('reportedOnlyResolver', () => {
	it('knows reported costs only', () => {
		expect(reportedOnlyResolver(call({costUsd: 0.2, inputTokens: 5}))).toEqual({usd: 0.2, source: 'reported', status: 'priced'});
		expect(reportedOnlyResolver(call({inputTokens: 5, outputTokens: 1}))).toEqual({usd: null, source: null, status: 'unpriced'});
		expect(reportedOnlyResolver(call({}))).toEqual({usd: null, source: null, status: 'unmetered'});
	});

	it('ignores a reported cost that is negative or not finite', () => {
		expect(reportedOnlyResolver(call({costUsd: -1, inputTokens: 5})).status).toBe('unpriced');
		expect(reportedOnlyResolver(call({costUsd: Number.NaN})).status).toBe('unmetered');
	});
});

describe('createCostResolver, resolving the same names again', () => {
	it('prices each call the same as a resolver that never saw the names, also past its cache limit', () => {
		// A small limit, so the remembered matches are dropped and found again many times.
		const cached = createCostResolver({table: bundledPriceTable(), cacheLimit: 3});
		const names: Array<Partial<LlmCallEvent>> = [
			{model: 'gpt-4o'},
			{model: 'gpt-4o', responseModel: 'gpt-4o-2024-08-06'},
			{model: 'gpt-4o', provider: 'azure.ai.openai'},
			{model: 'claude-sonnet-4-5', provider: 'anthropic'},
			{model: 'claude-sonnet-4-5-20250929', provider: 'anthropic'},
			{model: 'no-such-model'},
			{model: 'o4-mini', provider: 'openai'},
		];
		for (let round = 0; round < 5; round++) {
			for (const [index, fields] of names.entries()) {
				const event = call({...fields, inputTokens: 1000 + 37 * index + round, cacheReadTokens: 100 * round, outputTokens: 200 + index, reasoningTokens: round});
				expect(cached(event), `${fields.model} round ${round}`).toEqual(createCostResolver({table: bundledPriceTable()})(event));
			}
		}
	});
});
