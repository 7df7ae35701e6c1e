// Reads LiteLLM's model_prices_and_context_window.json (protocols.md §3.2) into a PriceTable.
// Only token prices are used: per-second, per-image, per-character and per-query entries are skipped.
import {createPriceTable, notATable} from './price-table.js';
import type {ModelPrice, PriceIssue, PriceLoadResult, PriceSource, PriceTier} from './price-types.js';
import {checkPerTokenRate, isPlainObject, renderValue} from './rate-check.js';

const RATE_FIELDS = {
	input: 'input_cost_per_token',
	output: 'output_cost_per_token',
	cacheRead: 'cache_read_input_token_cost',
	cacheWrite: 'cache_creation_input_token_cost',
	reasoning: 'output_cost_per_reasoning_token',
} as const;

type RateName = keyof typeof RATE_FIELDS;
type Rates = {[K in RateName]?: number};

const RATE_NAMES = Object.keys(RATE_FIELDS) as RateName[];
const RATE_BY_FIELD = new Map<string, RateName>(RATE_NAMES.map(name => [RATE_FIELDS[name], name]));

// `input_cost_per_token_above_200k_tokens`, `…_above_199999_tokens`. Suffixed variants such as
// `…_above_200k_tokens_priority` and the 1-hour cache write `…_above_1hr` do not match.
const TIER_FIELD = /^([a-z_]+?)_above_(\d+)(k?)_tokens$/;

/** The placeholder entry that documents the fields. */
const SAMPLE_SPEC = 'sample_spec';

type EntryResult =
	| {readonly kind: 'priced'; readonly price: ModelPrice}
	| {readonly kind: 'no_token_price'}
	| {readonly kind: 'rejected'; readonly issues: readonly PriceIssue[]};

function readRate(model: string, field: string, raw: unknown, issues: PriceIssue[]): number | undefined {
	const check = checkPerTokenRate(model, field, raw);
	if (check.ok) return check.perToken;
	issues.push(check.issue);
	return undefined;
}

function optionalRates(rates: Rates): Pick<ModelPrice, 'cacheRead' | 'cacheWrite' | 'reasoning'> {
	return {
		...(rates.cacheRead === undefined ? {} : {cacheRead: rates.cacheRead}),
		...(rates.cacheWrite === undefined ? {} : {cacheWrite: rates.cacheWrite}),
		...(rates.reasoning === undefined ? {} : {reasoning: rates.reasoning}),
	};
}

/**
 * LiteLLM's `tiered_pricing` (Dashscope, Volcengine): `[{range: [lo, hi], input_cost_per_token, …}]`.
 * LiteLLM bills the whole request at the tier with lo < input ≤ hi, and above the last range at the
 * last tier, which is "highest tier with input > lo". The lowest range is the base price.
 */
function readTieredPricing(model: string, raw: unknown, issues: PriceIssue[]): Array<{lo: number; rates: Rates}> {
	if (!Array.isArray(raw)) return [];
	const tiers: Array<{lo: number; rates: Rates}> = [];
	for (const [index, item] of raw.entries()) {
		if (!isPlainObject(item)) continue;
		const range = item['range'];
		if (!Array.isArray(range) || range.length !== 2 || typeof range[0] !== 'number' || !Number.isFinite(range[0])) continue;
		const rates: Rates = {};
		for (const name of RATE_NAMES) {
			const value = item[RATE_FIELDS[name]];
			if (value !== undefined && value !== null) rates[name] = readRate(model, `tiered_pricing[${index}].${RATE_FIELDS[name]}`, value, issues);
		}

		if (Object.keys(rates).length > 0) tiers.push({lo: range[0], rates});
	}

	return tiers.sort((a, b) => a.lo - b.lo);
}

function parseEntry(model: string, spec: Record<string, unknown>): EntryResult {
	const issues: PriceIssue[] = [];
	let base: Rates = {};
	const byThreshold = new Map<number, Rates>();
	for (const [field, value] of Object.entries(spec)) {
		// JSON null means "no price given", as in LiteLLM's own reader.
		if (value === null) continue;
		const baseName = RATE_BY_FIELD.get(field);
		if (baseName !== undefined) {
			base[baseName] = readRate(model, field, value, issues);
			continue;
		}

		const tierMatch = TIER_FIELD.exec(field);
		const tierName = tierMatch ? RATE_BY_FIELD.get(tierMatch[1]!) : undefined;
		if (tierMatch === null || tierName === undefined) continue;
		const threshold = Number(tierMatch[2]) * (tierMatch[3] === 'k' ? 1000 : 1);
		const rates = byThreshold.get(threshold) ?? {};
		rates[tierName] = readRate(model, field, value, issues);
		byThreshold.set(threshold, rates);
	}

	const ranged = readTieredPricing(model, spec['tiered_pricing'], issues);
	// One implausible field means the entry's unit is wrong, and its other fields cannot be trusted
	// either (watsonx mt0-xxl: input 0.0005 looks possible, output 0.002 does not; both are per-1K).
	if (issues.length > 0) return {kind: 'rejected', issues};

	const [lowest, ...higher] = ranged;
	if (lowest !== undefined) base = {...base, ...lowest.rates};
	for (const tier of higher) byThreshold.set(tier.lo, {...byThreshold.get(tier.lo), ...tier.rates});

	const mode = typeof spec['mode'] === 'string' ? spec['mode'] : undefined;
	const input = base.input;
	// Embedding entries often carry no output rate: nothing is generated.
	const output = base.output ?? (mode === 'embedding' && input !== undefined ? 0 : undefined);
	if (input === undefined || output === undefined) return {kind: 'no_token_price'};

	// A tier field LiteLLM leaves out keeps the base rate (its _get_token_base_cost does the same).
	const tiers: PriceTier[] = [...byThreshold]
		.map(([aboveInputTokens, rates]) => ({
			aboveInputTokens,
			input: rates.input ?? input,
			output: rates.output ?? output,
			...optionalRates(rates),
		}))
		.sort((a, b) => a.aboveInputTokens - b.aboveInputTokens);
	const provider = typeof spec['litellm_provider'] === 'string' ? spec['litellm_provider'] : undefined;
	return {
		kind: 'priced',
		price: {
			input,
			output,
			...optionalRates(base),
			...(tiers.length > 0 ? {tiers} : {}),
			...(provider === undefined ? {} : {provider}),
			...(mode === undefined ? {} : {mode}),
		},
	};
}

/**
 * Loads LiteLLM's price JSON. Entries with an implausible or invalid rate are reported in `issues`
 * and left out whole; entries without token prices are counted in `skipped`. Never throws.
 */
export function loadLiteLlmPrices(json: unknown, source: PriceSource = 'litellm'): PriceLoadResult {
	if (!isPlainObject(json)) return notATable(source);

	const issues: PriceIssue[] = [];
	const prices: Array<[string, ModelPrice]> = [];
	let skipped = 0;
	for (const [model, spec] of Object.entries(json)) {
		if (model === SAMPLE_SPEC) continue;
		// Top-level metadata such as the mirror's "last_updated" string is not a model.
		if (typeof spec === 'string' || typeof spec === 'number' || typeof spec === 'boolean') continue;
		if (!isPlainObject(spec)) {
			issues.push({model, field: '', value: renderValue(spec), reason: 'invalid_entry'});
			skipped++;
			continue;
		}

		const result = parseEntry(model, spec);
		if (result.kind === 'priced') {
			prices.push([model, result.price]);
		} else {
			skipped++;
			if (result.kind === 'rejected') issues.push(...result.issues);
		}
	}

	return {table: createPriceTable(source, prices), issues, loaded: prices.length, skipped};
}
