// Cost of one call from its tokens (protocols.md §3.5), and the CostResolver the monitor calls per event.
//
// Token counts are inclusive (OpenTelemetry): input includes cache reads and writes, output includes
// reasoning. So each token is billed once: the uncached remainder at the input rate, cache reads and
// writes at their own rates; the visible output at the output rate, reasoning at its own rate.
import type {LlmCallEvent} from '../../events/types.js';
import type {CallCost, CostResolver} from '../monitor-config.js';
import {createModelResolver, DEFAULT_RESOLVER_CACHE_LIMIT, type ModelResolverOptions, type PriceMatch} from './model-resolver.js';
import type {ModelPrice, PriceTier} from './price-types.js';

export {mergePriceTables} from './price-table.js';

export type TokenCounts = Pick<LlmCallEvent, 'inputTokens' | 'outputTokens' | 'cacheReadTokens' | 'cacheWriteTokens' | 'reasoningTokens'>;

export type CostParts = {
	/** Uncached input tokens. */
	readonly input: number;
	readonly cacheRead: number;
	readonly cacheWrite: number;
	/** Output tokens other than reasoning. */
	readonly output: number;
	readonly reasoning: number;
};

export type ComputedCost = {
	readonly usd: number;
	/** A cache, cache-write or reasoning rate was missing and the input/output rate stood in for it. */
	readonly estimated: boolean;
	/** aboveInputTokens of the long-context tier applied, null for base rates. */
	readonly tier: number | null;
	/** USD per kind of token; sums to usd. */
	readonly breakdown: CostParts;
};

function count(value: number | undefined): number {
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** The highest tier whose threshold the request's input passes; the whole request moves to it. */
export function selectTier(price: ModelPrice, inputTokens: number): PriceTier | null {
	let selected: PriceTier | null = null;
	for (const tier of price.tiers ?? []) {
		const passes = tier.inclusive === true ? inputTokens >= tier.aboveInputTokens : inputTokens > tier.aboveInputTokens;
		if (passes && (selected === null || tier.aboveInputTokens >= selected.aboveInputTokens)) selected = tier;
	}

	return selected;
}

/** computeCost's numbers, filled into a reused object so the per-call resolver allocates nothing for them. */
type CostScratch = {
	input: number;
	cacheRead: number;
	cacheWrite: number;
	output: number;
	reasoning: number;
	usd: number;
	estimated: boolean;
	tier: number | null;
};

function fillCost(call: TokenCounts, price: ModelPrice, out: CostScratch): void {
	const inputTokens = count(call.inputTokens);
	const cacheReadTokens = count(call.cacheReadTokens);
	const cacheWriteTokens = count(call.cacheWriteTokens);
	const outputTokens = count(call.outputTokens);
	const reasoningTokens = count(call.reasoningTokens);

	const tier = price.tiers === undefined ? null : selectTier(price, inputTokens);
	const inputRate = tier?.input ?? price.input;
	const outputRate = tier?.output ?? price.output;
	// The tier's own rate, else the base table's rate for that kind (what LiteLLM does, but we say
	// so), else the tier's input/output rate. Only a rate actually used for tokens can mark the estimate.
	const ownCacheRead = tier ? tier.cacheRead : price.cacheRead;
	const ownCacheWrite = tier ? tier.cacheWrite : price.cacheWrite;
	const ownReasoning = tier ? tier.reasoning : price.reasoning;
	const cacheReadRate = ownCacheRead !== undefined ? ownCacheRead : ((tier ? price.cacheRead : undefined) ?? inputRate);
	const cacheWriteRate = ownCacheWrite !== undefined ? ownCacheWrite : ((tier ? price.cacheWrite : undefined) ?? inputRate);
	const reasoningRate = ownReasoning !== undefined ? ownReasoning : ((tier ? price.reasoning : undefined) ?? outputRate);
	out.estimated =
		(ownCacheRead === undefined && cacheReadTokens > 0) ||
		(ownCacheWrite === undefined && cacheWriteTokens > 0) ||
		(ownReasoning === undefined && reasoningTokens > 0);

	const uncached = Math.max(0, inputTokens - cacheReadTokens - cacheWriteTokens);
	const textOut = Math.max(0, outputTokens - reasoningTokens);
	out.input = uncached * inputRate;
	out.cacheRead = cacheReadTokens * cacheReadRate;
	out.cacheWrite = cacheWriteTokens * cacheWriteRate;
	out.output = textOut * outputRate;
	out.reasoning = reasoningTokens * reasoningRate;
	out.usd = out.input + out.cacheRead + out.cacheWrite + out.output + out.reasoning;
	out.tier = tier?.aboveInputTokens ?? null;
}

function newScratch(): CostScratch {
	return {input: 0, cacheRead: 0, cacheWrite: 0, output: 0, reasoning: 0, usd: 0, estimated: false, tier: null};
}

export function computeCost(call: TokenCounts, price: ModelPrice): ComputedCost {
	const cost = newScratch();
	fillCost(call, price, cost);
	const breakdown: CostParts = {
		input: cost.input,
		cacheRead: cost.cacheRead,
		cacheWrite: cost.cacheWrite,
		output: cost.output,
		reasoning: cost.reasoning,
	};
	return {usd: cost.usd, estimated: cost.estimated, tier: cost.tier, breakdown};
}

function reportedCost(call: LlmCallEvent): number | null {
	const usd = call.costUsd;
	return typeof usd === 'number' && Number.isFinite(usd) && usd >= 0 ? usd : null;
}

function isTokenCount(value: number | undefined): boolean {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function hasTokenCounts(call: TokenCounts): boolean {
	return (
		isTokenCount(call.inputTokens) ||
		isTokenCount(call.outputTokens) ||
		isTokenCount(call.cacheReadTokens) ||
		isTokenCount(call.cacheWriteTokens) ||
		isTokenCount(call.reasoningTokens)
	);
}

const UNMETERED: CallCost = {usd: null, source: null, status: 'unmetered'};
const UNPRICED: CallCost = {usd: null, source: null, status: 'unpriced'};

/**
 * Reported cost wins. Otherwise: no token counts at all → unmetered (never $0); tokens but no price →
 * unpriced; else computed, or "estimated" when a stand-in rate or an approximate model match was used.
 */
export function createCostResolver(options: ModelResolverOptions): CostResolver {
	const models = createModelResolver(options);
	const matches = new MatchCache(options.cacheLimit);
	const cost = newScratch();
	return call => {
		const reported = reportedCost(call);
		if (reported !== null) return {usd: reported, source: 'reported', status: 'priced'};
		if (!hasTokenCounts(call)) return UNMETERED;
		const {provider, model, responseModel} = call;
		let match = matches.get(provider, model, responseModel);
		if (match === undefined) {
			match = models.resolve(provider, model, responseModel);
			matches.set(provider, model, responseModel, match);
		}

		if (match === null) return UNPRICED;
		fillCost(call, match.price, cost);
		return {
			usd: cost.usd,
			source: cost.estimated || match.approximate ? 'estimated' : 'computed',
			status: 'priced',
			pricedAs: match.matchedAs,
			approximate: match.approximate,
		};
	};
}

type CachedMatch = {readonly provider: string; readonly responseModel: string | undefined; readonly match: PriceMatch | null};

/**
 * The resolver's answer per (provider, model, response model), looked up by the model name, which
 * the events layer interns: the model resolver's own memo builds a joined key string per call and
 * keeps it in recency order, which cost more than pricing the call. A resolution depends only on
 * the three names and the table, so caching it in front changes no result. Bounded: cleared when full.
 */
class MatchCache {
	private readonly byModel = new Map<string, CachedMatch[]>();
	private size = 0;
	private readonly limit: number;

	constructor(limit = DEFAULT_RESOLVER_CACHE_LIMIT) {
		this.limit = Math.max(1, Math.floor(limit));
	}

	get(provider: string, model: string, responseModel: string | undefined): PriceMatch | null | undefined {
		const entries = this.byModel.get(model);
		if (entries === undefined) return undefined;
		for (let index = 0; index < entries.length; index++) {
			const entry = entries[index]!;
			if (entry.provider === provider && entry.responseModel === responseModel) return entry.match;
		}

		return undefined;
	}

	set(provider: string, model: string, responseModel: string | undefined, match: PriceMatch | null): void {
		if (this.size >= this.limit) {
			this.byModel.clear();
			this.size = 0;
		}

		const entries = this.byModel.get(model);
		if (entries === undefined) this.byModel.set(model, [{provider, responseModel, match}]);
		else entries.push({provider, responseModel, match});
		this.size++;
	}
}

/** For runs without any price table: only reported costs are known. */
export const reportedOnlyResolver: CostResolver = call => {
	const reported = reportedCost(call);
	if (reported !== null) return {usd: reported, source: 'reported', status: 'priced'};
	return hasTokenCounts(call) ? UNPRICED : UNMETERED;
};
