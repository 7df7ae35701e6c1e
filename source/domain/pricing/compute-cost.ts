// Cost of one call from its tokens (protocols.md §3.5), and the CostResolver the monitor calls per event.
//
// Token counts are inclusive (OpenTelemetry): input includes cache reads and writes, output includes
// reasoning. So each token is billed once: the uncached remainder at the input rate, cache reads and
// writes at their own rates; the visible output at the output rate, reasoning at its own rate.
import type {LlmCallEvent} from '../../events/types.js';
import type {CallCost, CostResolver} from '../monitor-config.js';
import {createModelResolver, type ModelResolverOptions} from './model-resolver.js';
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

export function computeCost(call: TokenCounts, price: ModelPrice): ComputedCost {
	const inputTokens = count(call.inputTokens);
	const cacheReadTokens = count(call.cacheReadTokens);
	const cacheWriteTokens = count(call.cacheWriteTokens);
	const outputTokens = count(call.outputTokens);
	const reasoningTokens = count(call.reasoningTokens);

	const tier = selectTier(price, inputTokens);
	const inputRate = tier?.input ?? price.input;
	const outputRate = tier?.output ?? price.output;
	let estimated = false;
	// The tier's own rate, else the base table's rate for that kind (what LiteLLM does, but we say
	// so), else the tier's input/output rate. Only a rate actually used for tokens can mark the estimate.
	const rate = (tokens: number, own: number | undefined, baseOwn: number | undefined, fallback: number): number => {
		if (own !== undefined) return own;
		if (tokens > 0) estimated = true;
		return baseOwn ?? fallback;
	};

	const cacheReadRate = rate(cacheReadTokens, tier ? tier.cacheRead : price.cacheRead, tier ? price.cacheRead : undefined, inputRate);
	const cacheWriteRate = rate(cacheWriteTokens, tier ? tier.cacheWrite : price.cacheWrite, tier ? price.cacheWrite : undefined, inputRate);
	const reasoningRate = rate(reasoningTokens, tier ? tier.reasoning : price.reasoning, tier ? price.reasoning : undefined, outputRate);

	const uncached = Math.max(0, inputTokens - cacheReadTokens - cacheWriteTokens);
	const textOut = Math.max(0, outputTokens - reasoningTokens);
	const breakdown: CostParts = {
		input: uncached * inputRate,
		cacheRead: cacheReadTokens * cacheReadRate,
		cacheWrite: cacheWriteTokens * cacheWriteRate,
		output: textOut * outputRate,
		reasoning: reasoningTokens * reasoningRate,
	};
	const usd = breakdown.input + breakdown.cacheRead + breakdown.cacheWrite + breakdown.output + breakdown.reasoning;
	return {usd, estimated, tier: tier?.aboveInputTokens ?? null, breakdown};
}

function reportedCost(call: LlmCallEvent): number | null {
	const usd = call.costUsd;
	return typeof usd === 'number' && Number.isFinite(usd) && usd >= 0 ? usd : null;
}

function hasTokenCounts(call: TokenCounts): boolean {
	return [call.inputTokens, call.outputTokens, call.cacheReadTokens, call.cacheWriteTokens, call.reasoningTokens].some(
		value => typeof value === 'number' && Number.isFinite(value) && value >= 0,
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
	return call => {
		const reported = reportedCost(call);
		if (reported !== null) return {usd: reported, source: 'reported', status: 'priced'};
		if (!hasTokenCounts(call)) return UNMETERED;
		const match = models.resolve(call.provider, call.model, call.responseModel);
		if (match === null) return UNPRICED;
		const cost = computeCost(call, match.price);
		return {
			usd: cost.usd,
			source: cost.estimated || match.approximate ? 'estimated' : 'computed',
			status: 'priced',
			pricedAs: match.matchedAs,
			approximate: match.approximate,
		};
	};
}

/** For runs without any price table: only reported costs are known. */
export const reportedOnlyResolver: CostResolver = call => {
	const reported = reportedCost(call);
	if (reported !== null) return {usd: reported, source: 'reported', status: 'priced'};
	return hasTokenCounts(call) ? UNPRICED : UNMETERED;
};
