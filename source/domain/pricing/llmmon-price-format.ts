// llmmon's own price format: human-readable USD per 1M tokens (protocols.md §3.1). Used by the
// bundled table, by `prices` overrides in the config file, and accepted by --prices.
//
// {"gpt-4o": {"input_per_mtok": 2.5, "output_per_mtok": 10, "cache_read_per_mtok": 1.25,
//             "tiers": [{"above_input_tokens": 200000, "input_per_mtok": 5, "output_per_mtok": 15}]}}
import {createPriceTable, notATable} from './price-table.js';
import type {ModelPrice, PriceIssue, PriceLoadResult, PriceSource, PriceTier} from './price-types.js';
import {checkPerMtokRate, isPlainObject, renderValue} from './rate-check.js';

export type LlmmonTierSpec = {
	/** The tier applies when the request's input tokens (cached included) exceed this. */
	readonly above_input_tokens: number;
	/** true: applies at exactly above_input_tokens too (≥). */
	readonly inclusive?: boolean;
	/** Absent: the model's base input rate. */
	readonly input_per_mtok?: number;
	/** Absent: the model's base output rate. */
	readonly output_per_mtok?: number;
	readonly cache_read_per_mtok?: number;
	readonly cache_write_per_mtok?: number;
	readonly reasoning_per_mtok?: number;
};

export type LlmmonPriceSpec = {
	readonly input_per_mtok: number;
	/** Required, except for `mode: "embedding"` where it defaults to 0. */
	readonly output_per_mtok?: number;
	readonly cache_read_per_mtok?: number;
	readonly cache_write_per_mtok?: number;
	readonly reasoning_per_mtok?: number;
	readonly tiers?: readonly LlmmonTierSpec[];
	readonly provider?: string;
	readonly mode?: string;
};

export type LlmmonPriceFile = Readonly<Record<string, LlmmonPriceSpec>>;

const RATE_FIELDS = {
	input: 'input_per_mtok',
	output: 'output_per_mtok',
	cacheRead: 'cache_read_per_mtok',
	cacheWrite: 'cache_write_per_mtok',
	reasoning: 'reasoning_per_mtok',
} as const;

type RateName = keyof typeof RATE_FIELDS;
type Rates = {[K in RateName]?: number};

const KNOWN_FIELDS = new Set<string>([...Object.values(RATE_FIELDS), 'tiers', 'provider', 'mode']);
const KNOWN_TIER_FIELDS = new Set<string>([...Object.values(RATE_FIELDS), 'above_input_tokens', 'inclusive']);

/** Reads the rate fields present; null when any of them is unusable (issues pushed). */
function readRates(model: string, prefix: string, spec: Record<string, unknown>, issues: PriceIssue[]): Rates | null {
	const rates: Rates = {};
	let ok = true;
	for (const name of Object.keys(RATE_FIELDS) as RateName[]) {
		const field = RATE_FIELDS[name];
		const raw = spec[field];
		if (raw === undefined) continue;
		const check = checkPerMtokRate(model, prefix + field, raw);
		if (check.ok) {
			rates[name] = check.perToken;
		} else {
			issues.push(check.issue);
			ok = false;
		}
	}

	return ok ? rates : null;
}

function unknownFields(model: string, prefix: string, spec: Record<string, unknown>, known: ReadonlySet<string>, issues: PriceIssue[]): void {
	for (const field of Object.keys(spec)) {
		if (!known.has(field)) issues.push({model, field: prefix + field, value: renderValue(spec[field]), reason: 'unknown_field'});
	}
}

function readTiers(model: string, raw: unknown, base: {input: number; output: number}, issues: PriceIssue[]): PriceTier[] | null {
	if (!Array.isArray(raw)) {
		issues.push({model, field: 'tiers', value: renderValue(raw), reason: 'invalid_rate'});
		return null;
	}

	const tiers: PriceTier[] = [];
	let ok = true;
	for (const [index, item] of raw.entries()) {
		const prefix = `tiers[${index}].`;
		if (!isPlainObject(item)) {
			issues.push({model, field: `tiers[${index}]`, value: renderValue(item), reason: 'invalid_rate'});
			ok = false;
			continue;
		}

		unknownFields(model, prefix, item, KNOWN_TIER_FIELDS, issues);
		const threshold = item['above_input_tokens'];
		if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < 0) {
			issues.push({model, field: `${prefix}above_input_tokens`, value: renderValue(threshold), reason: 'invalid_rate'});
			ok = false;
			continue;
		}

		const rates = readRates(model, prefix, item, issues);
		if (rates === null) {
			ok = false;
			continue;
		}

		tiers.push({
			aboveInputTokens: threshold,
			...(item['inclusive'] === true ? {inclusive: true} : {}),
			input: rates.input ?? base.input,
			output: rates.output ?? base.output,
			...optionalRates(rates),
		});
	}

	return ok ? tiers.sort((a, b) => a.aboveInputTokens - b.aboveInputTokens) : null;
}

function optionalRates(rates: Rates): Pick<ModelPrice, 'cacheRead' | 'cacheWrite' | 'reasoning'> {
	return {
		...(rates.cacheRead === undefined ? {} : {cacheRead: rates.cacheRead}),
		...(rates.cacheWrite === undefined ? {} : {cacheWrite: rates.cacheWrite}),
		...(rates.reasoning === undefined ? {} : {reasoning: rates.reasoning}),
	};
}

/** One model's price in llmmon's format; null (with issues) when it cannot be used. */
export function parseLlmmonPrice(model: string, spec: unknown): {readonly price: ModelPrice | null; readonly issues: readonly PriceIssue[]} {
	const issues: PriceIssue[] = [];
	if (!isPlainObject(spec)) {
		issues.push({model, field: '', value: renderValue(spec), reason: 'invalid_entry'});
		return {price: null, issues};
	}

	unknownFields(model, '', spec, KNOWN_FIELDS, issues);
	const rates = readRates(model, '', spec, issues);
	if (rates === null) return {price: null, issues};
	const mode = typeof spec['mode'] === 'string' ? spec['mode'] : undefined;
	const provider = typeof spec['provider'] === 'string' ? spec['provider'] : undefined;

	const output = rates.output ?? (mode === 'embedding' ? 0 : undefined);
	if (rates.input === undefined || output === undefined) {
		const field = rates.input === undefined ? RATE_FIELDS.input : RATE_FIELDS.output;
		issues.push({model, field, value: null, reason: 'missing_rate'});
		return {price: null, issues};
	}

	const tiers = spec['tiers'] === undefined ? [] : readTiers(model, spec['tiers'], {input: rates.input, output}, issues);
	if (tiers === null) return {price: null, issues};

	const price: ModelPrice = {
		input: rates.input,
		output,
		...optionalRates(rates),
		...(tiers.length > 0 ? {tiers} : {}),
		...(provider === undefined ? {} : {provider}),
		...(mode === undefined ? {} : {mode}),
	};
	return {price, issues};
}

/** Loads a JSON object of model → llmmon price spec. Never throws; bad entries are reported and left out. */
export function loadLlmmonPrices(json: unknown, source: PriceSource): PriceLoadResult {
	if (!isPlainObject(json)) return notATable(source);

	const issues: PriceIssue[] = [];
	const prices: Array<[string, ModelPrice]> = [];
	let skipped = 0;
	for (const [model, spec] of Object.entries(json)) {
		const parsed = parseLlmmonPrice(model, spec);
		issues.push(...parsed.issues);
		if (parsed.price === null) skipped++;
		else prices.push([model, parsed.price]);
	}

	return {table: createPriceTable(source, prices), issues, loaded: prices.length, skipped};
}
