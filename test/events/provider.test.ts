import {describe, expect, it} from 'vitest';
import {inferProviderFromModel, normalizeProvider} from '../../source/events/provider.js';

describe('normalizeProvider: alias map (protocols.md §1.6)', () => {
	const cases: Array<[string, string]> = [
		['openai', 'openai'],
		['OpenAI', 'openai'],
		['xai', 'x_ai'],
		['x_ai', 'x_ai'],
		['az.ai.openai', 'azure.ai.openai'],
		['azure', 'azure.ai.openai'],
		// An alias with padding or capitals is normalised before the lookup.
		[' azure ', 'azure.ai.openai'],
		['AZURE', 'azure.ai.openai'],
		['azure.ai.openai', 'azure.ai.openai'],
		['az.ai.inference', 'azure.ai.inference'],
		['gemini', 'gcp.gemini'],
		['google', 'gcp.gemini'],
		['gcp.gemini', 'gcp.gemini'],
		['vertex_ai', 'gcp.vertex_ai'],
		['vertexai', 'gcp.vertex_ai'],
		['mistralai', 'mistral_ai'],
		['mistral_ai', 'mistral_ai'],
		['bedrock', 'aws.bedrock'],
		['aws', 'aws.bedrock'],
		['aws.bedrock', 'aws.bedrock'],
		['ibm.watson.ai', 'ibm.watsonx.ai'],
		// Vercel AI SDK: part before the first dot
		['openai.chat', 'openai'],
		['anthropic.messages', 'anthropic'],
		['google.generative-ai', 'gcp.gemini'],
		// unknown providers are kept, lower-cased
		['Together_AI', 'together_ai'],
	];
	for (const [raw, expected] of cases) {
		it(`${raw} → ${expected}`, () => {
			expect(normalizeProvider(raw, 'some-model')).toBe(expected);
		});
	}

	it('framework names and blanks fall back to the model', () => {
		for (const framework of ['langchain', 'llama_index', 'litellm', 'crewai', 'LangChain', '  ']) {
			expect(normalizeProvider(framework, 'claude-3-opus')).toBe('anthropic');
		}
		expect(normalizeProvider(undefined, 'gpt-4o')).toBe('openai');
		expect(normalizeProvider('langchain', 'my-model')).toBe('unknown');
	});
});

describe('inferProviderFromModel', () => {
	const cases: Array<[string, string]> = [
		['gpt-4o', 'openai'],
		['gpt-4o-mini-2024-07-18', 'openai'],
		['o1', 'openai'],
		['o1-preview', 'openai'],
		['o3-mini', 'openai'],
		['o4-mini', 'openai'],
		['text-embedding-3-small', 'openai'],
		['claude-sonnet-4-5', 'anthropic'],
		['us.anthropic.claude-3-5-sonnet-20240620-v1:0', 'anthropic'],
		['gemini-2.5-flash', 'gcp.gemini'],
		['models/gemini-1.5-pro', 'gcp.gemini'],
		['mistral-large-latest', 'mistral_ai'],
		['open-mixtral-8x7b', 'mistral_ai'],
		['codestral-latest', 'mistral_ai'],
		['command-r-plus', 'cohere'],
		['embed-english-v3.0', 'cohere'],
		['llama-3.1-70b-instruct', 'meta'],
		['meta-llama/Llama-3.3-70B-Instruct', 'meta'],
		['deepseek-chat', 'deepseek'],
		['grok-2', 'x_ai'],
		// provider/model prefixes (LiteLLM, OpenRouter)
		['bedrock/anthropic.claude-v2', 'aws.bedrock'],
		['azure/gpt-4o', 'azure.ai.openai'],
		['openai/gpt-4o', 'openai'],
		// not OpenAI: 'o1' must be a whole token
		['o1x-model', 'unknown'],
		['my-finetune', 'unknown'],
		['', 'unknown'],
	];
	for (const [model, expected] of cases) {
		it(`${model || '(empty)'} → ${expected}`, () => {
			expect(inferProviderFromModel(model)).toBe(expected);
			// second call comes from the cache and must agree
			expect(inferProviderFromModel(model)).toBe(expected);
		});
	}
});
