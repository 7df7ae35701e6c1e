import {describe, expect, it} from 'vitest';
import {bundledPriceTable} from '../../../source/domain/pricing/bundled-prices.js';
import {candidateKeys, createModelResolver} from '../../../source/domain/pricing/model-resolver.js';
import {createPriceTable} from '../../../source/domain/pricing/price-table.js';
import type {ModelPrice} from '../../../source/domain/pricing/price-types.js';

function price(input: number): ModelPrice {
	return {input, output: input * 4};
}

// Each key gets a distinct input rate so a test can tell which one matched.
const table = createPriceTable('test', [
	['gpt-4o', price(1)],
	['gpt-4o-2024-05-13', price(2)],
	['GPT-4.1', price(3)],
	['groq/llama-3.3-70b-versatile', price(4)],
	['claude-sonnet-4-5-20250929', price(5)],
	['gemini-1.5-pro', price(6)],
	['ft:gpt-4o-mini-2024-07-18', price(7)],
	['gpt-4o-mini', price(8)],
	['llama-3.3-70b-instruct', price(9)],
	['mistral-large', price(10)],
]);

describe('createModelResolver', () => {
	const resolver = createModelResolver({table});
	const match = (provider: string | undefined, model: string, responseModel?: string) => {
		const found = resolver.resolve(provider, model, responseModel);
		return found === null ? null : {as: found.matchedAs, approximate: found.approximate, input: found.price.input};
	};

	it('matches exactly and case-insensitively', () => {
		expect(match('openai', 'gpt-4o')).toEqual({as: 'gpt-4o', approximate: false, input: 1});
		expect(match('openai', 'gpt-4.1')).toEqual({as: 'gpt-4.1', approximate: false, input: 3});
		expect(match('openai', '  GPT-4O ')).toEqual({as: 'gpt-4o', approximate: false, input: 1});
	});

	it('tries the response model before the request model', () => {
		expect(match('openai', 'gpt-4o', 'gpt-4o-2024-05-13')?.as).toBe('gpt-4o-2024-05-13');
		// The response model only matches approximately, the request model exactly: exact wins.
		expect(match('openai', 'gpt-4o', 'gpt-4o-2024-11-20')).toEqual({as: 'gpt-4o', approximate: false, input: 1});
	});

	it('qualifies the name with the provider (LiteLLM keys some providers that way)', () => {
		expect(match('groq', 'llama-3.3-70b-versatile')).toEqual({as: 'groq/llama-3.3-70b-versatile', approximate: false, input: 4});
		expect(match('openai', 'llama-3.3-70b-versatile')).toBeNull();
	});

	it('strips first-party provider prefixes exactly', () => {
		expect(match(undefined, 'openai/gpt-4o')?.approximate).toBe(false);
		expect(match(undefined, 'azure/gpt-4o')?.as).toBe('gpt-4o');
		expect(match(undefined, 'openrouter/openai/gpt-4o')?.as).toBe('gpt-4o');
		expect(match(undefined, 'bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0')).toEqual({as: 'claude-sonnet-4-5-20250929', approximate: false, input: 5});
	});

	it('normalises Bedrock, Vertex, Gemini and OpenRouter spellings exactly', () => {
		expect(match('aws.bedrock', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0')?.as).toBe('claude-sonnet-4-5-20250929');
		expect(match('aws.bedrock', 'anthropic.claude-sonnet-4-5-20250929-v1:0')?.approximate).toBe(false);
		expect(match('gcp.vertex_ai', 'claude-sonnet-4-5@20250929')).toEqual({as: 'claude-sonnet-4-5-20250929', approximate: false, input: 5});
		expect(match('gcp.gemini', 'gemini-1.5-pro-002')).toEqual({as: 'gemini-1.5-pro', approximate: false, input: 6});
		expect(match('gcp.gemini', 'models/gemini-1.5-pro')?.as).toBe('gemini-1.5-pro');
	});

	it('prices an OpenAI fine-tune at LiteLLM\'s ft: rate when present, else its base approximately', () => {
		expect(match('openai', 'ft:gpt-4o-mini-2024-07-18:acme:support:abc123')).toEqual({as: 'ft:gpt-4o-mini-2024-07-18', approximate: false, input: 7});
		expect(match('openai', 'ft:gpt-4o-2024-08-06:acme::xyz')).toEqual({as: 'gpt-4o', approximate: true, input: 1});
	});

	it('strips dates and -latest only as an approximate match', () => {
		expect(match('openai', 'gpt-4o-2024-11-20')).toEqual({as: 'gpt-4o', approximate: true, input: 1});
		expect(match('openai', 'gpt-4o-mini-20240718')?.approximate).toBe(true);
		expect(match('openai', 'gpt-4.1-0414')).toEqual({as: 'gpt-4.1', approximate: true, input: 3});
		expect(match('mistral_ai', 'mistral-large-latest')).toEqual({as: 'mistral-large', approximate: true, input: 10});
	});

	it('drops an unknown host prefix only approximately', () => {
		expect(match('together_ai', 'together_ai/meta-llama/Llama-3.3-70B-Instruct')).toEqual({as: 'llama-3.3-70b-instruct', approximate: true, input: 9});
	});

	it('returns null for a model nobody prices, and for empty or absurd names', () => {
		expect(match('vllm', 'acme-llama-70b-ft')).toBeNull();
		expect(match('openai', '')).toBeNull();
		expect(match('openai', 'x'.repeat(10_000))).toBeNull();
	});

	it('uses the response model alone when the request model is unusable', () => {
		expect(match('openai', '', 'gpt-4.1')?.as).toBe('gpt-4.1');
	});

	it('applies user aliases before anything else', () => {
		const aliased = createModelResolver({table, aliases: {'my-azure-deploy': 'gpt-4o-2024-05-13', 'gpt-4o': 'gpt-4.1'}});
		expect(aliased.resolve('azure.ai.openai', 'My-Azure-Deploy')?.matchedAs).toBe('gpt-4o-2024-05-13');
		// An alias overrides even an exact table match.
		expect(aliased.resolve('openai', 'gpt-4o')?.matchedAs).toBe('gpt-4.1');
	});

	it('remembers at most cacheLimit lookups and counts evictions', () => {
		const small = createModelResolver({table, cacheLimit: 2});
		small.resolve('openai', 'gpt-4o');
		small.resolve('openai', 'gpt-4.1');
		small.resolve('openai', 'gpt-4o'); // refreshes gpt-4o
		small.resolve('vllm', 'unknown-model'); // evicts gpt-4.1, the least recent
		expect(small.stats()).toEqual({cached: 2, evicted: 1});
		for (let index = 0; index < 100; index++) small.resolve('vllm', `m-${index}`);
		expect(small.stats()).toEqual({cached: 2, evicted: 101});
		// Answers stay right after eviction.
		expect(small.resolve('openai', 'gpt-4.1')?.matchedAs).toBe('gpt-4.1');
	});

	it('gives the same answer from the memo as from a fresh lookup', () => {
		const first = resolver.resolve('openai', 'gpt-4o-2024-11-20');
		const second = resolver.resolve('openai', 'gpt-4o-2024-11-20');
		expect(second).toEqual(first);
		expect(resolver.resolve('vllm', 'nobody')).toBeNull();
		expect(resolver.resolve('vllm', 'nobody')).toBeNull();
	});
});

describe('candidateKeys', () => {
	it('lists exact forms before approximate ones', () => {
		const keys = candidateKeys('aws.bedrock', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0');
		const firstApproximate = keys.findIndex(key => key.approximate);
		expect(keys[0]).toEqual({key: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', approximate: false});
		expect(keys.slice(0, firstApproximate).map(key => key.key)).toContain('claude-sonnet-4-5-20250929');
		expect(keys.slice(firstApproximate).map(key => key.key)).toContain('claude-sonnet-4-5');
		expect(keys.slice(firstApproximate).every(key => key.approximate)).toBe(true);
	});

	it('is linear in the number of path segments', () => {
		const name = Array.from({length: 60}, (_, index) => `s${index}`).join('/');
		expect(candidateKeys(undefined, name).length).toBeLessThan(200);
	});
});

describe('bundled table matching', () => {
	const bundled = createModelResolver({table: bundledPriceTable()});

	it('prices the names real SDKs send', () => {
		expect(bundled.resolve('openai', 'gpt-4o', 'gpt-4o-2024-08-06')?.matchedAs).toBe('gpt-4o');
		expect(bundled.resolve('anthropic', 'claude-sonnet-4-5-20250929')).toMatchObject({matchedAs: 'claude-sonnet-4-5-20250929', approximate: false});
		expect(bundled.resolve('gcp.gemini', 'gemini-2.5-flash')?.approximate).toBe(false);
		expect(bundled.resolve('groq', 'groq/llama-3.3-70b-versatile')).toMatchObject({matchedAs: 'llama-3.3-70b-versatile', approximate: false});
		expect(bundled.resolve('x_ai', 'grok-4')?.matchedAs).toBe('grok-4');
		expect(bundled.resolve(undefined, 'openrouter/anthropic/claude-sonnet-4.5')).toMatchObject({matchedAs: 'claude-sonnet-4-5', approximate: false});
		expect(bundled.resolve('aws.bedrock', 'global.anthropic.claude-haiku-4-5-20251001-v1:0')?.matchedAs).toBe('claude-haiku-4-5-20251001');
	});
});
