import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {BUNDLED_PRICES, BUNDLED_PRICES_AS_OF, bundledPriceTable} from '../../../source/domain/pricing/bundled-prices.js';
import {loadLlmmonPrices} from '../../../source/domain/pricing/llmmon-price-format.js';
import type {ModelPrice} from '../../../source/domain/pricing/price-types.js';

// Which LiteLLM key each bundled entry was copied from.
const SOURCE_KEYS: Record<string, string> = {
	'gpt-4o': 'gpt-4o',
	'gpt-4o-2024-05-13': 'gpt-4o-2024-05-13',
	'gpt-4o-mini': 'gpt-4o-mini',
	'gpt-4.1': 'gpt-4.1',
	'gpt-4.1-mini': 'gpt-4.1-mini',
	'gpt-4.1-nano': 'gpt-4.1-nano',
	'gpt-4-turbo': 'gpt-4-turbo',
	'gpt-5': 'gpt-5',
	'gpt-5-mini': 'gpt-5-mini',
	'gpt-5-nano': 'gpt-5-nano',
	'gpt-5.1': 'gpt-5.1',
	'gpt-5.2': 'gpt-5.2',
	'gpt-5.4': 'gpt-5.4',
	'gpt-5.5': 'gpt-5.5',
	o1: 'o1',
	o3: 'o3',
	'o3-mini': 'o3-mini',
	'o4-mini': 'o4-mini',
	'text-embedding-3-small': 'text-embedding-3-small',
	'text-embedding-3-large': 'text-embedding-3-large',
	'text-embedding-ada-002': 'text-embedding-ada-002',
	'claude-opus-4-7': 'claude-opus-4-7',
	'claude-opus-4-6': 'claude-opus-4-6',
	'claude-opus-4-5': 'claude-opus-4-5',
	'claude-opus-4-5-20251101': 'claude-opus-4-5-20251101',
	'claude-opus-4-1': 'claude-opus-4-1',
	'claude-sonnet-4-6': 'claude-sonnet-4-6',
	'claude-sonnet-4-5': 'claude-sonnet-4-5',
	'claude-sonnet-4-5-20250929': 'claude-sonnet-4-5-20250929',
	'claude-sonnet-4-20250514': 'claude-sonnet-4-20250514',
	'claude-haiku-4-5': 'claude-haiku-4-5',
	'claude-haiku-4-5-20251001': 'claude-haiku-4-5-20251001',
	'claude-3-7-sonnet-20250219': 'claude-3-7-sonnet-20250219',
	'gemini-2.5-pro': 'gemini/gemini-2.5-pro',
	'gemini-2.5-flash': 'gemini/gemini-2.5-flash',
	'gemini-2.5-flash-lite': 'gemini/gemini-2.5-flash-lite',
	'gemini-2.0-flash': 'gemini/gemini-2.0-flash',
	'gemini-3-pro-preview': 'gemini/gemini-3-pro-preview',
	'gemini-3-flash-preview': 'gemini/gemini-3-flash-preview',
	'gemini-embedding-001': 'gemini/gemini-embedding-001',
	'mistral-large-latest': 'mistral/mistral-large-latest',
	'mistral-medium-latest': 'mistral/mistral-medium-latest',
	'mistral-small-latest': 'mistral/mistral-small-latest',
	'codestral-latest': 'mistral/codestral-latest',
	'mistral-embed': 'mistral/mistral-embed',
	'command-a-03-2025': 'command-a-03-2025',
	'command-r-08-2024': 'command-r-08-2024',
	'command-r-plus-08-2024': 'command-r-plus-08-2024',
	'embed-english-v3.0': 'embed-english-v3.0',
	'embed-v4.0': 'cohere/embed-v4.0',
	'deepseek-chat': 'deepseek/deepseek-chat',
	'deepseek-reasoner': 'deepseek/deepseek-reasoner',
	'grok-4': 'xai/grok-4',
	'grok-4-1-fast-reasoning': 'xai/grok-4-1-fast-reasoning',
	'grok-4-1-fast-non-reasoning': 'xai/grok-4-1-fast-non-reasoning',
	'grok-3': 'xai/grok-3',
	'grok-3-mini': 'xai/grok-3-mini',
	'llama-3.3-70b-versatile': 'groq/llama-3.3-70b-versatile',
	'llama-3.1-8b-instant': 'groq/llama-3.1-8b-instant',
	'meta-llama/llama-4-scout-17b-16e-instruct': 'groq/meta-llama/llama-4-scout-17b-16e-instruct',
};

// Deliberate departures from the file, explained in bundled-prices.ts.
const OMITTED_CACHE_WRITE = new Set(['deepseek-chat']);

type Raw = Record<string, unknown>;
const file = JSON.parse(readFileSync(new URL('../../../../shared/data/litellm-model-prices.json', import.meta.url), 'utf8')) as Record<string, Raw>;

function num(raw: Raw, field: string): number | undefined {
	const value = raw[field];
	return typeof value === 'number' ? value : undefined;
}

// Exact: the per-1M → per-token conversion rounds to the literal LiteLLM writes.
function expectRate(actual: number | undefined, expected: number | undefined, label: string): void {
	expect(actual, label).toBe(expected);
}

function expectSameAsFile(model: string, price: ModelPrice, raw: Raw): void {
	const suffix = (threshold: number): string => (threshold % 1000 === 0 ? `_above_${threshold / 1000}k_tokens` : `_above_${threshold}_tokens`);
	expectRate(price.input, num(raw, 'input_cost_per_token'), `${model} input`);
	expectRate(price.output, num(raw, 'output_cost_per_token') ?? 0, `${model} output`);
	expectRate(price.cacheRead, num(raw, 'cache_read_input_token_cost'), `${model} cache read`);
	if (!OMITTED_CACHE_WRITE.has(model)) expectRate(price.cacheWrite, num(raw, 'cache_creation_input_token_cost'), `${model} cache write`);
	// LiteLLM prices reasoning at the output rate when the field is absent; the bundled table says so explicitly.
	expectRate(price.reasoning ?? price.output, num(raw, 'output_cost_per_reasoning_token') ?? price.output, `${model} reasoning`);
	const thresholds = Object.keys(raw)
		.map(field => /^input_cost_per_token_above_(\d+)(k?)_tokens$/.exec(field))
		.filter(match => match !== null)
		.map(match => Number(match[1]) * (match[2] === 'k' ? 1000 : 1));
	expect(price.tiers?.map(tier => tier.aboveInputTokens) ?? [], `${model} tiers`).toEqual(thresholds.sort((a, b) => a - b));
	for (const tier of price.tiers ?? []) {
		const at = suffix(tier.aboveInputTokens);
		expectRate(tier.input, num(raw, `input_cost_per_token${at}`), `${model} tier input`);
		expectRate(tier.output, num(raw, `output_cost_per_token${at}`), `${model} tier output`);
		expectRate(tier.cacheRead, num(raw, `cache_read_input_token_cost${at}`), `${model} tier cache read`);
		expectRate(tier.cacheWrite, num(raw, `cache_creation_input_token_cost${at}`), `${model} tier cache write`);
		expectRate(tier.reasoning ?? tier.output, num(raw, `output_cost_per_reasoning_token${at}`) ?? tier.output, `${model} tier reasoning`);
	}
}

describe('bundled price table', () => {
	it('loads without issues and covers the major providers', () => {
		const result = loadLlmmonPrices(BUNDLED_PRICES, 'bundled');
		expect(result.issues).toEqual([]);
		expect(result.loaded).toBe(60);
		const providers = new Set([...result.table.entries.values()].map(entry => entry.price.provider));
		expect([...providers].sort()).toEqual(['anthropic', 'cohere', 'deepseek', 'gemini', 'groq', 'mistral', 'openai', 'xai']);
		expect([...result.table.entries.values()].filter(entry => entry.price.mode === 'embedding').length).toBe(7);
		expect(BUNDLED_PRICES_AS_OF).toBe('2026-07-24');
	});

	it('copies every figure from the LiteLLM file it names', () => {
		const table = bundledPriceTable();
		expect(Object.keys(SOURCE_KEYS).sort()).toEqual([...table.entries.keys()].sort());
		for (const [model, sourceKey] of Object.entries(SOURCE_KEYS)) {
			const raw = file[sourceKey];
			expect(raw, sourceKey).toBeDefined();
			expectSameAsFile(model, table.entries.get(model)!.price, raw!);
		}
	});

	it('lists a dated snapshot only where the file prices it differently, or where it is a vendor\'s model id', () => {
		const table = bundledPriceTable();
		// gpt-4o-2024-08-06 and -11-20 cost what gpt-4o costs, so they are not listed.
		expect(table.entries.has('gpt-4o-2024-08-06')).toBe(false);
		expect(table.entries.get('gpt-4o-2024-05-13')?.price.input).not.toBe(table.entries.get('gpt-4o')?.price.input);
	});

	it('is parsed once', () => {
		expect(bundledPriceTable()).toBe(bundledPriceTable());
	});
});
