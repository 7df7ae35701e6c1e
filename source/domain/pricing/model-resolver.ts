// Which table entry prices a call (protocols.md §3.5). Each step only runs when the ones before it
// found nothing; only the last (dates, fine-tunes, unknown hosts) is an approximate match.
//
//   1. user aliases (an Azure deployment name is arbitrary: the alias is the only way to price it)
//   2. exact response model, then exact request model (case-insensitive)
//   3. the same names qualified with the call's provider (`groq/llama-3.3-70b-versatile`)
//   4. first-party provider prefixes stripped (`openai/`, `bedrock/`, `openrouter/anthropic/`, `models/`)
//   5. vendor spellings normalised (Bedrock `us.anthropic.…-v1:0`, Vertex `@20250929`, Gemini `-002`,
//      OpenAI fine-tune `ft:<base>:org:name:id` → `ft:<base>`)
//   6. approximate: date or `-latest` suffix dropped, a fine-tune priced as its base, unknown host
//      prefixes (together_ai/, meta-llama/…) dropped
// Steps 4–6 also try each of their names qualified with the call's provider, after the bare name.
import {priceKey} from './price-table.js';
import type {ModelPrice, PriceSource, PriceTable} from './price-types.js';

export type PriceMatch = {
	readonly price: ModelPrice;
	/** The table key the price was found under. */
	readonly matchedAs: string;
	/** Found only after dropping a date/version, a fine-tune or an unknown host: the rate may differ. */
	readonly approximate: boolean;
	readonly source: PriceSource;
};

export type ModelCandidate = {readonly key: string; readonly approximate: boolean};

export type ModelResolverOptions = {
	readonly table: PriceTable;
	/** Model name → table model name, e.g. {"my-azure-deploy": "gpt-4o"}. Case-insensitive. */
	readonly aliases?: Readonly<Record<string, string>>;
	/** Distinct (provider, model, response model) triples remembered; default 4096. */
	readonly cacheLimit?: number;
};

export type ModelResolver = {
	resolve(provider: string | undefined, model: string, responseModel?: string): PriceMatch | null;
	/** Memo size and how many entries were dropped to stay under the limit. */
	stats(): {readonly cached: number; readonly evicted: number};
};

export const DEFAULT_RESOLVER_CACHE_LIMIT = 4096;
/** Longer names are not model names; they are never matched or remembered. */
const MAX_NAME_LENGTH = 256;

// Event provider keys (protocols.md §1.6, after the events layer's alias map) → LiteLLM key prefixes.
const PROVIDER_PREFIXES: Readonly<Record<string, readonly string[]>> = {
	'aws.bedrock': ['bedrock', 'bedrock_converse'],
	'azure.ai.openai': ['azure'],
	'azure.ai.inference': ['azure_ai'],
	'gcp.gemini': ['gemini'],
	'gcp.vertex_ai': ['vertex_ai'],
	'gcp.gen_ai': ['gemini', 'vertex_ai'],
	'mistral_ai': ['mistral'],
	'x_ai': ['xai'],
	'cohere': ['cohere', 'cohere_chat'],
	'ibm.watsonx.ai': ['watsonx'],
};

// Prefixes naming the model's own vendor or a cloud that resells it at list price: dropping them
// keeps the match exact. Other hosts (together_ai/, fireworks_ai/, meta-llama/…) set their own
// prices, so dropping those is approximate. Groq is here because its model ids are Groq-only.
const FIRST_PARTY_PREFIXES = new Set([
	'openai',
	'anthropic',
	'azure',
	'azure_ai',
	'bedrock',
	'bedrock_converse',
	'vertex_ai',
	'vertex_ai_beta',
	'gemini',
	'google',
	'models',
	'openrouter',
	'mistral',
	'mistralai',
	'cohere',
	'cohere_chat',
	'deepseek',
	'xai',
	'x-ai',
	'groq',
]);

const BEDROCK_REGION = /^(?:us|eu|apac|jp|au|ca|us-gov|global)\.(?=[a-z0-9-]+\.)/;
const BEDROCK_VERSION = /-v\d+(?::\d+)?$/;
const BEDROCK_COLON_VERSION = /:\d+$/;
const BEDROCK_VENDOR = /^(?:anthropic|meta|mistral|cohere|amazon|ai21|deepseek|openai|qwen|writer)\./;
const VERTEX_DATE = /@(\d{8})$/;
const VERTEX_TAG = /@[\w.-]+$/;
const GEMINI_VERSION = /-0\d\d$/;
// OpenRouter spells Anthropic versions with dots: claude-sonnet-4.5.
const CLAUDE_DOTTED = /^(claude-.*?\d)\.(\d)/;
const DATE_SUFFIXES = [/-\d{4}-\d{2}-\d{2}$/, /-\d{8}$/, /-\d{4}$/, /-latest$/];
const FINE_TUNE = /^ft:([^:]+)/;
const FINE_TUNE_DECORATION = /^(ft:[^:]+):.*$/;

function providerPrefixes(provider: string | undefined): readonly string[] {
	if (provider === undefined) return [];
	const key = priceKey(provider);
	if (key === '') return [];
	return PROVIDER_PREFIXES[key] ?? [key];
}

/** `openrouter/anthropic/claude-x` → [`anthropic/claude-x`, `claude-x`]. */
function stripFirstPartyPrefixes(name: string): string[] {
	const out: string[] = [];
	let rest = name;
	for (;;) {
		const slash = rest.indexOf('/');
		if (slash <= 0 || !FIRST_PARTY_PREFIXES.has(rest.slice(0, slash))) return out;
		rest = rest.slice(slash + 1);
		out.push(rest);
	}
}

function vendorForms(name: string): string[] {
	const out: string[] = [];
	let current = name;
	const step = (next: string): void => {
		if (next !== current && next !== '') {
			out.push(next);
			current = next;
		}
	};

	// LiteLLM prices fine-tunes under `ft:<base>` (OpenAI's fine-tuned rates, not the base model's).
	step(current.replace(FINE_TUNE_DECORATION, '$1'));
	step(current.replace(VERTEX_DATE, '-$1'));
	step(current.replace(VERTEX_TAG, ''));
	step(current.replace(BEDROCK_REGION, ''));
	step(current.replace(BEDROCK_COLON_VERSION, ''));
	step(current.replace(BEDROCK_VERSION, ''));
	step(current.replace(BEDROCK_VENDOR, ''));
	step(current.replace(GEMINI_VERSION, ''));
	// Both dots of claude-3.5-sonnet-style names.
	step(current.replace(CLAUDE_DOTTED, '$1-$2').replace(CLAUDE_DOTTED, '$1-$2'));
	return out;
}

/** Fine-tune base and date/`-latest` suffixes dropped, one at a time. */
function undatedForms(name: string): string[] {
	const out: string[] = [];
	const fineTune = FINE_TUNE.exec(name);
	let current = fineTune ? fineTune[1]! : name;
	if (current !== name) out.push(current);
	for (let changed = true; changed; ) {
		changed = false;
		for (const suffix of DATE_SUFFIXES) {
			const next = current.replace(suffix, '');
			if (next !== current && next !== '') {
				out.push(next);
				current = next;
				changed = true;
			}
		}
	}

	return out;
}

function approximateForms(name: string): string[] {
	const out = undatedForms(name);
	const segments = name.split('/');
	for (let index = 1; index < segments.length; index++) {
		const rest = segments.slice(index).join('/');
		out.push(rest, ...undatedForms(rest));
	}

	return out;
}

/** Table keys to try, best first. Exposed for tests and for explaining a match. */
export function candidateKeys(
	provider: string | undefined,
	model: string | undefined,
	responseModel?: string,
	aliases: ReadonlyMap<string, string> = new Map(),
): ModelCandidate[] {
	const seen = new Set<string>();
	const candidates: ModelCandidate[] = [];
	const add = (key: string, approximate: boolean): void => {
		if (key !== '' && !seen.has(key)) {
			seen.add(key);
			candidates.push({key, approximate});
		}
	};

	const names = [responseModel, model]
		.filter((name): name is string => typeof name === 'string')
		.map(priceKey)
		.filter(name => name !== '' && name.length <= MAX_NAME_LENGTH);
	const aliased = names.flatMap(name => {
		const target = aliases.get(name);
		return target === undefined ? [] : [target];
	});
	const roots = [...new Set([...aliased, ...names])];
	const prefixes = providerPrefixes(provider);
	const qualify = (name: string): string[] => prefixes.filter(prefix => !name.startsWith(`${prefix}/`)).map(prefix => `${prefix}/${name}`);

	// Within each step: the names as given, then qualified with the call's provider.
	const stage = (stageNames: readonly string[], approximate: boolean): void => {
		for (const name of stageNames) add(name, approximate);
		for (const name of stageNames) for (const key of qualify(name)) add(key, approximate);
	};

	stage(roots, false);
	const stripped = roots.flatMap(stripFirstPartyPrefixes);
	stage(stripped, false);
	const bases = [...roots, ...stripped];
	const vendor = bases.flatMap(vendorForms);
	stage(vendor, false);
	stage([...bases, ...vendor].flatMap(approximateForms), true);
	return candidates;
}

function usableName(name: unknown): string | undefined {
	return typeof name === 'string' && name.trim() !== '' && name.length <= MAX_NAME_LENGTH ? name : undefined;
}

export function createModelResolver(options: ModelResolverOptions): ModelResolver {
	const {table} = options;
	const limit = Math.max(1, Math.floor(options.cacheLimit ?? DEFAULT_RESOLVER_CACHE_LIMIT));
	const aliases = new Map<string, string>();
	for (const [from, to] of Object.entries(options.aliases ?? {})) {
		if (typeof to === 'string' && priceKey(from) !== '' && priceKey(to) !== '') aliases.set(priceKey(from), priceKey(to));
	}

	const memo = new Map<string, PriceMatch | null>();
	let evicted = 0;

	const lookup = (provider: string | undefined, model: string | undefined, responseModel: string | undefined): PriceMatch | null => {
		for (const candidate of candidateKeys(provider, model, responseModel, aliases)) {
			const entry = table.entries.get(candidate.key);
			if (entry !== undefined) {
				return {price: entry.price, matchedAs: candidate.key, approximate: candidate.approximate, source: entry.source};
			}
		}

		return null;
	};

	return {
		resolve(providerIn, modelIn, responseModelIn) {
			const model = usableName(modelIn);
			const responseModel = usableName(responseModelIn);
			if (model === undefined && responseModel === undefined) return null;
			const provider = usableName(providerIn);
			const key = `${provider ?? ''}\u0000${model ?? ''}\u0000${responseModel ?? ''}`;
			const cached = memo.get(key);
			if (cached !== undefined || memo.has(key)) {
				// Refresh recency so models in steady use are not evicted by a burst of one-off names.
				memo.delete(key);
				memo.set(key, cached ?? null);
				return cached ?? null;
			}

			const match = lookup(provider, model, responseModel);
			if (memo.size >= limit) {
				const oldest = memo.keys().next();
				if (oldest.done !== true) {
					memo.delete(oldest.value);
					evicted++;
				}
			}

			memo.set(key, match);
			return match;
		},
		stats: () => ({cached: memo.size, evicted}),
	};
}
