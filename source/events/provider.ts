// Provider normalisation (protocols.md §1.6): one lower-cased alias map, and inference from the
// model name when the event names no provider or names a framework instead of one.

export const UNKNOWN_PROVIDER = 'unknown';

const ALIASES: ReadonlyMap<string, string> = new Map([
	['openai', 'openai'],
	['anthropic', 'anthropic'],
	['cohere', 'cohere'],
	['deepseek', 'deepseek'],
	['groq', 'groq'],
	['perplexity', 'perplexity'],
	['meta', 'meta'],
	['xai', 'x_ai'],
	['x_ai', 'x_ai'],
	['x-ai', 'x_ai'],
	['az.ai.openai', 'azure.ai.openai'],
	['azure', 'azure.ai.openai'],
	['azure_openai', 'azure.ai.openai'],
	['azure.ai.openai', 'azure.ai.openai'],
	['az.ai.inference', 'azure.ai.inference'],
	['azure.ai.inference', 'azure.ai.inference'],
	['gemini', 'gcp.gemini'],
	['google', 'gcp.gemini'],
	['gcp.gemini', 'gcp.gemini'],
	['vertex_ai', 'gcp.vertex_ai'],
	['vertexai', 'gcp.vertex_ai'],
	['vertex', 'gcp.vertex_ai'],
	['gcp.vertex_ai', 'gcp.vertex_ai'],
	['gcp.gen_ai', 'gcp.gen_ai'],
	['mistral', 'mistral_ai'],
	['mistralai', 'mistral_ai'],
	['mistral_ai', 'mistral_ai'],
	['bedrock', 'aws.bedrock'],
	['aws', 'aws.bedrock'],
	['aws.bedrock', 'aws.bedrock'],
	['ibm.watson.ai', 'ibm.watsonx.ai'],
	['ibm.watsonx.ai', 'ibm.watsonx.ai'],
	['watsonx', 'ibm.watsonx.ai'],
]);

/** Frameworks that OpenLIT and others report as a "system": they say nothing about the provider. */
const FRAMEWORKS: ReadonlySet<string> = new Set([
	'langchain',
	'langgraph',
	'llama_index',
	'llamaindex',
	'litellm',
	'crewai',
	'haystack',
	'dspy',
	'autogen',
	'ag2',
	'semantic_kernel',
	'phidata',
	'agno',
	'mem0',
	'embedchain',
	'llm4s',
]);

function isBoundary(s: string, at: number): boolean {
	if (at >= s.length) return true;
	const c = s.charCodeAt(at);
	return c === 45 /* - */ || c === 46 /* . */ || c === 95 /* _ */ || c === 58 /* : */;
}

/** `o1`, `o3-mini`, `o4-mini-2025-04-16` but not `o1x`. */
function isOpenAiReasoning(m: string): boolean {
	return m.length >= 2 && m.charCodeAt(0) === 111 && (m[1] === '1' || m[1] === '3' || m[1] === '4') && isBoundary(m, 2);
}

const OPENAI_PREFIXES = ['gpt-', 'gpt4', 'gpt3', 'chatgpt', 'text-embedding', 'text-davinci', 'davinci', 'babbage', 'dall-e', 'whisper', 'tts-', 'omni-moderation', 'text-moderation', 'codex-'];
const MISTRAL_WORDS = ['mistral', 'mixtral', 'codestral', 'ministral', 'pixtral', 'magistral', 'devstral'];
const COHERE_PREFIXES = ['command', 'embed-', 'rerank-', 'c4ai-'];

function inferFromBareModel(m: string): string {
	if (m.includes('claude')) return 'anthropic';
	if (m.includes('gemini')) return 'gcp.gemini';
	for (const p of OPENAI_PREFIXES) if (m.startsWith(p)) return 'openai';
	if (isOpenAiReasoning(m)) return 'openai';
	for (const w of MISTRAL_WORDS) if (m.includes(w)) return 'mistral_ai';
	for (const p of COHERE_PREFIXES) if (m.startsWith(p)) return 'cohere';
	if (m.includes('deepseek')) return 'deepseek';
	if (m.includes('grok')) return 'x_ai';
	// Llama weights are served by many hosts; grouping by the model's maker is the honest guess.
	if (m.includes('llama')) return 'meta';
	if (m.startsWith('sonar')) return 'perplexity';
	return UNKNOWN_PROVIDER;
}

// Inference is a pure function of the model name and models repeat endlessly: cache a bounded set.
const MODEL_CACHE_MAX = 2048;
const modelCache = new Map<string, string>();

/** Provider guessed from a model name (`openai/gpt-4o`, `us.anthropic.claude-…`, `gpt-4o-mini`), else `unknown`. */
export function inferProviderFromModel(model: string): string {
	const cached = modelCache.get(model);
	if (cached !== undefined) return cached;
	const lower = model.toLowerCase();
	let provider = UNKNOWN_PROVIDER;
	const slash = lower.indexOf('/');
	if (slash > 0) {
		// LiteLLM / OpenRouter style `provider/model`: a known provider prefix wins.
		const prefix = ALIASES.get(lower.slice(0, slash));
		if (prefix !== undefined) provider = prefix;
	}
	if (provider === UNKNOWN_PROVIDER) provider = inferFromBareModel(lower.slice(lower.lastIndexOf('/') + 1));
	if (modelCache.size >= MODEL_CACHE_MAX) modelCache.clear();
	modelCache.set(model, provider);
	return provider;
}

/**
 * Normalised provider key. `raw` is what the event said (may be undefined); aliases are
 * applied, Vercel-style `openai.chat` is cut at the first dot, framework names and absent
 * values fall back to the model name. Unrecognised providers are kept lower-cased.
 */
export function normalizeProvider(raw: string | undefined, model: string): string {
	if (raw === undefined) return inferProviderFromModel(model);
	// Alias keys are trimmed and lower-case, so a raw value that is one needs no normalising.
	const exact = ALIASES.get(raw);
	if (exact !== undefined) return exact;
	const lower = raw.trim().toLowerCase();
	if (lower === '') return inferProviderFromModel(model);
	const direct = ALIASES.get(lower);
	if (direct !== undefined) return direct;
	if (FRAMEWORKS.has(lower)) return inferProviderFromModel(model);
	const dot = lower.indexOf('.');
	if (dot > 0) {
		const head = lower.slice(0, dot);
		const viaHead = ALIASES.get(head);
		if (viaHead !== undefined) return viaHead;
		if (FRAMEWORKS.has(head)) return inferProviderFromModel(model);
	}
	return lower;
}
