// The price table llmmon ships, in its own format (USD per 1M tokens). Every figure is copied from
// LiteLLM's model_prices_and_context_window.json as mirrored on 2026-07-24 (../shared/data/
// litellm-model-prices.json, `last_updated` 2026-07-24T18:23:43Z); a test checks each one against it.
// Nothing is fetched at run time: refresh this file, or point --prices at a newer LiteLLM file.
//
// Choices (each visible to a user):
// - Base names only, plus a dated snapshot where it is priced differently (gpt-4o-2024-05-13).
//   Anthropic's dated ids are listed too: they are the ids its API returns, so they match exactly.
// - cache_write_per_mtok is Anthropic's 5-minute cache write; the 1-hour write rate is not
//   modelled (events carry one cache-write count).
// - reasoning_per_mtok is set (to the output rate) on reasoning models: every vendor here bills
//   reasoning as output tokens, and LiteLLM's reader falls back to the output rate the same way.
//   Without it, calls with reasoning tokens would be marked "estimated".
// - Gemini uses the Google AI Studio (`gemini/…`) prices; Mistral `mistral/…`; xAI `xai/…`;
//   Groq `groq/…`; DeepSeek `deepseek/…`; Cohere embed-v4.0 `cohere/…`.
// - DeepSeek's cache write is left out: the file's 0 would bill cache misses as free, whereas
//   DeepSeek bills them at the input rate (which is the fallback).
import {BUNDLED_SOURCE, type PriceTable} from './price-types.js';
import {loadLlmmonPrices, type LlmmonPriceFile, type LlmmonPriceSpec} from './llmmon-price-format.js';

/** Date of the LiteLLM data the bundled prices were copied from. */
export const BUNDLED_PRICES_AS_OF = '2026-07-24';

function vendor(provider: string, specs: Record<string, Omit<LlmmonPriceSpec, 'provider'>>): Record<string, LlmmonPriceSpec> {
	return Object.fromEntries(Object.entries(specs).map(([model, spec]) => [model, {...spec, provider}]));
}

const CLAUDE_OPUS_45 = {input_per_mtok: 5, output_per_mtok: 25, cache_read_per_mtok: 0.5, cache_write_per_mtok: 6.25, reasoning_per_mtok: 25};
const CLAUDE_SONNET_45 = {
	input_per_mtok: 3,
	output_per_mtok: 15,
	cache_read_per_mtok: 0.3,
	cache_write_per_mtok: 3.75,
	reasoning_per_mtok: 15,
	tiers: [
		{above_input_tokens: 200_000, input_per_mtok: 6, output_per_mtok: 22.5, cache_read_per_mtok: 0.6, cache_write_per_mtok: 7.5, reasoning_per_mtok: 22.5},
	],
};
const CLAUDE_HAIKU_45 = {input_per_mtok: 1, output_per_mtok: 5, cache_read_per_mtok: 0.1, cache_write_per_mtok: 1.25, reasoning_per_mtok: 5};

export const BUNDLED_PRICES: LlmmonPriceFile = {
	...vendor('openai', {
		'gpt-4o': {input_per_mtok: 2.5, output_per_mtok: 10, cache_read_per_mtok: 1.25, mode: 'chat'},
		'gpt-4o-2024-05-13': {input_per_mtok: 5, output_per_mtok: 15, mode: 'chat'},
		'gpt-4o-mini': {input_per_mtok: 0.15, output_per_mtok: 0.6, cache_read_per_mtok: 0.075, mode: 'chat'},
		'gpt-4.1': {input_per_mtok: 2, output_per_mtok: 8, cache_read_per_mtok: 0.5, mode: 'chat'},
		'gpt-4.1-mini': {input_per_mtok: 0.4, output_per_mtok: 1.6, cache_read_per_mtok: 0.1, mode: 'chat'},
		'gpt-4.1-nano': {input_per_mtok: 0.1, output_per_mtok: 0.4, cache_read_per_mtok: 0.025, mode: 'chat'},
		'gpt-4-turbo': {input_per_mtok: 10, output_per_mtok: 30, mode: 'chat'},
		'gpt-5': {input_per_mtok: 1.25, output_per_mtok: 10, cache_read_per_mtok: 0.125, reasoning_per_mtok: 10, mode: 'chat'},
		'gpt-5-mini': {input_per_mtok: 0.25, output_per_mtok: 2, cache_read_per_mtok: 0.025, reasoning_per_mtok: 2, mode: 'chat'},
		'gpt-5-nano': {input_per_mtok: 0.05, output_per_mtok: 0.4, cache_read_per_mtok: 0.005, reasoning_per_mtok: 0.4, mode: 'chat'},
		'gpt-5.1': {input_per_mtok: 1.25, output_per_mtok: 10, cache_read_per_mtok: 0.125, reasoning_per_mtok: 10, mode: 'chat'},
		'gpt-5.2': {input_per_mtok: 1.75, output_per_mtok: 14, cache_read_per_mtok: 0.175, reasoning_per_mtok: 14, mode: 'chat'},
		'gpt-5.4': {
			input_per_mtok: 2.5,
			output_per_mtok: 15,
			cache_read_per_mtok: 0.25,
			reasoning_per_mtok: 15,
			tiers: [{above_input_tokens: 272_000, input_per_mtok: 5, output_per_mtok: 22.5, cache_read_per_mtok: 0.5, reasoning_per_mtok: 22.5}],
			mode: 'chat',
		},
		'gpt-5.5': {
			input_per_mtok: 5,
			output_per_mtok: 30,
			cache_read_per_mtok: 0.5,
			reasoning_per_mtok: 30,
			tiers: [{above_input_tokens: 272_000, input_per_mtok: 10, output_per_mtok: 45, cache_read_per_mtok: 1, reasoning_per_mtok: 45}],
			mode: 'chat',
		},
		'o1': {input_per_mtok: 15, output_per_mtok: 60, cache_read_per_mtok: 7.5, reasoning_per_mtok: 60, mode: 'chat'},
		'o3': {input_per_mtok: 2, output_per_mtok: 8, cache_read_per_mtok: 0.5, reasoning_per_mtok: 8, mode: 'chat'},
		'o3-mini': {input_per_mtok: 1.1, output_per_mtok: 4.4, cache_read_per_mtok: 0.55, reasoning_per_mtok: 4.4, mode: 'chat'},
		'o4-mini': {input_per_mtok: 1.1, output_per_mtok: 4.4, cache_read_per_mtok: 0.275, reasoning_per_mtok: 4.4, mode: 'chat'},
		'text-embedding-3-small': {input_per_mtok: 0.02, output_per_mtok: 0, mode: 'embedding'},
		'text-embedding-3-large': {input_per_mtok: 0.13, output_per_mtok: 0, mode: 'embedding'},
		'text-embedding-ada-002': {input_per_mtok: 0.1, output_per_mtok: 0, mode: 'embedding'},
	}),
	...vendor('anthropic', {
		'claude-opus-4-7': {...CLAUDE_OPUS_45, mode: 'chat'},
		'claude-opus-4-6': {...CLAUDE_OPUS_45, mode: 'chat'},
		'claude-opus-4-5': {...CLAUDE_OPUS_45, mode: 'chat'},
		'claude-opus-4-5-20251101': {...CLAUDE_OPUS_45, mode: 'chat'},
		'claude-opus-4-1': {input_per_mtok: 15, output_per_mtok: 75, cache_read_per_mtok: 1.5, cache_write_per_mtok: 18.75, reasoning_per_mtok: 75, mode: 'chat'},
		'claude-sonnet-4-6': {input_per_mtok: 3, output_per_mtok: 15, cache_read_per_mtok: 0.3, cache_write_per_mtok: 3.75, reasoning_per_mtok: 15, mode: 'chat'},
		'claude-sonnet-4-5': {...CLAUDE_SONNET_45, mode: 'chat'},
		'claude-sonnet-4-5-20250929': {...CLAUDE_SONNET_45, mode: 'chat'},
		'claude-sonnet-4-20250514': {...CLAUDE_SONNET_45, mode: 'chat'},
		'claude-haiku-4-5': {...CLAUDE_HAIKU_45, mode: 'chat'},
		'claude-haiku-4-5-20251001': {...CLAUDE_HAIKU_45, mode: 'chat'},
		'claude-3-7-sonnet-20250219': {input_per_mtok: 3, output_per_mtok: 15, cache_read_per_mtok: 0.3, cache_write_per_mtok: 3.75, reasoning_per_mtok: 15, mode: 'chat'},
	}),
	...vendor('gemini', {
		'gemini-2.5-pro': {
			input_per_mtok: 1.25,
			output_per_mtok: 10,
			cache_read_per_mtok: 0.125,
			reasoning_per_mtok: 10,
			tiers: [{above_input_tokens: 200_000, input_per_mtok: 2.5, output_per_mtok: 15, cache_read_per_mtok: 0.25, reasoning_per_mtok: 15}],
			mode: 'chat',
		},
		'gemini-2.5-flash': {input_per_mtok: 0.3, output_per_mtok: 2.5, cache_read_per_mtok: 0.03, reasoning_per_mtok: 2.5, mode: 'chat'},
		'gemini-2.5-flash-lite': {input_per_mtok: 0.1, output_per_mtok: 0.4, cache_read_per_mtok: 0.01, reasoning_per_mtok: 0.4, mode: 'chat'},
		'gemini-2.0-flash': {input_per_mtok: 0.1, output_per_mtok: 0.4, cache_read_per_mtok: 0.025, mode: 'chat'},
		'gemini-3-pro-preview': {
			input_per_mtok: 2,
			output_per_mtok: 12,
			cache_read_per_mtok: 0.2,
			reasoning_per_mtok: 12,
			tiers: [{above_input_tokens: 200_000, input_per_mtok: 4, output_per_mtok: 18, cache_read_per_mtok: 0.4, reasoning_per_mtok: 18}],
			mode: 'chat',
		},
		'gemini-3-flash-preview': {input_per_mtok: 0.5, output_per_mtok: 3, cache_read_per_mtok: 0.05, reasoning_per_mtok: 3, mode: 'chat'},
		'gemini-embedding-001': {input_per_mtok: 0.15, output_per_mtok: 0, mode: 'embedding'},
	}),
	...vendor('mistral', {
		'mistral-large-latest': {input_per_mtok: 0.5, output_per_mtok: 1.5, mode: 'chat'},
		'mistral-medium-latest': {input_per_mtok: 1.5, output_per_mtok: 7.5, mode: 'chat'},
		'mistral-small-latest': {input_per_mtok: 0.06, output_per_mtok: 0.18, mode: 'chat'},
		'codestral-latest': {input_per_mtok: 1, output_per_mtok: 3, mode: 'chat'},
		'mistral-embed': {input_per_mtok: 0.1, mode: 'embedding'},
	}),
	...vendor('cohere', {
		'command-a-03-2025': {input_per_mtok: 2.5, output_per_mtok: 10, mode: 'chat'},
		'command-r-08-2024': {input_per_mtok: 0.15, output_per_mtok: 0.6, mode: 'chat'},
		'command-r-plus-08-2024': {input_per_mtok: 2.5, output_per_mtok: 10, mode: 'chat'},
		'embed-english-v3.0': {input_per_mtok: 0.1, output_per_mtok: 0, mode: 'embedding'},
		'embed-v4.0': {input_per_mtok: 0.12, output_per_mtok: 0, mode: 'embedding'},
	}),
	...vendor('deepseek', {
		'deepseek-chat': {input_per_mtok: 0.28, output_per_mtok: 0.42, cache_read_per_mtok: 0.028, mode: 'chat'},
		'deepseek-reasoner': {input_per_mtok: 0.28, output_per_mtok: 0.42, cache_read_per_mtok: 0.028, reasoning_per_mtok: 0.42, mode: 'chat'},
	}),
	...vendor('xai', {
		'grok-4': {input_per_mtok: 3, output_per_mtok: 15, reasoning_per_mtok: 15, mode: 'chat'},
		'grok-4-1-fast-reasoning': {
			input_per_mtok: 0.2,
			output_per_mtok: 0.5,
			cache_read_per_mtok: 0.05,
			reasoning_per_mtok: 0.5,
			tiers: [{above_input_tokens: 128_000, input_per_mtok: 0.4, output_per_mtok: 1, reasoning_per_mtok: 1}],
			mode: 'chat',
		},
		'grok-4-1-fast-non-reasoning': {
			input_per_mtok: 0.2,
			output_per_mtok: 0.5,
			cache_read_per_mtok: 0.05,
			tiers: [{above_input_tokens: 128_000, input_per_mtok: 0.4, output_per_mtok: 1}],
			mode: 'chat',
		},
		'grok-3': {input_per_mtok: 3, output_per_mtok: 15, cache_read_per_mtok: 0.75, mode: 'chat'},
		'grok-3-mini': {input_per_mtok: 0.3, output_per_mtok: 0.5, cache_read_per_mtok: 0.075, reasoning_per_mtok: 0.5, mode: 'chat'},
	}),
	...vendor('groq', {
		'llama-3.3-70b-versatile': {input_per_mtok: 0.59, output_per_mtok: 0.79, mode: 'chat'},
		'llama-3.1-8b-instant': {input_per_mtok: 0.05, output_per_mtok: 0.08, mode: 'chat'},
		'meta-llama/llama-4-scout-17b-16e-instruct': {input_per_mtok: 0.11, output_per_mtok: 0.34, mode: 'chat'},
	}),
};

let bundled: PriceTable | undefined;

/** The bundled table, parsed once. */
export function bundledPriceTable(): PriceTable {
	bundled ??= loadLlmmonPrices(BUNDLED_PRICES, BUNDLED_SOURCE).table;
	return bundled;
}
