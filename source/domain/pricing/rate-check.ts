// Plausibility of one rate, shared by both loaders.
//
// Bound: no real per-token price in LiteLLM's table (2026-07-24) exceeds $0.0006 (o1-pro output,
// $600 per 1M). The entries that hold per-1K or per-1M figures in per-token fields sit at ≥ $0.002
// (watsonx mt0-xxl/jais output, azure_ai jais-30b, every bad wandb/* entry: 0.005 … 0.54).
// $0.001 per token ($1000 per 1M) splits the two with margin on both sides.
import type {PriceIssue} from './price-types.js';

/** Highest plausible USD per token ($1000 per 1M tokens). */
export const MAX_USD_PER_TOKEN = 1e-3;
/** Highest plausible USD per 1M tokens in llmmon's format (same bound). */
export const MAX_USD_PER_MTOK = MAX_USD_PER_TOKEN * 1e6;
/**
 * Lowest plausible non-zero USD per 1M tokens in llmmon's format: a per-token figure typed into a
 * `*_per_mtok` field (2.5e-6 for $2.50) lands far below it. The cheapest real rate in the
 * bundled table is $0.005 per 1M (gpt-5-nano cache read).
 */
export const MIN_NONZERO_USD_PER_MTOK = 1e-3;

export type RateCheck = {readonly ok: true; readonly perToken: number} | {readonly ok: false; readonly issue: PriceIssue};

export function renderValue(raw: unknown): number | string | null {
	if (raw === undefined || raw === null) return null;
	if (typeof raw === 'number') return raw;
	let text: string;
	try {
		text = JSON.stringify(raw) ?? String(raw);
	} catch {
		text = String(raw);
	}

	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function invalid(model: string, field: string, raw: unknown): RateCheck {
	return {ok: false, issue: {model, field, value: renderValue(raw), reason: 'invalid_rate'}};
}

function implausible(model: string, field: string, raw: number): RateCheck {
	return {ok: false, issue: {model, field, value: raw, reason: 'implausible_rate'}};
}

function isRate(raw: unknown): raw is number {
	return typeof raw === 'number' && Number.isFinite(raw) && raw >= 0;
}

/** A USD-per-token field (LiteLLM). */
export function checkPerTokenRate(model: string, field: string, raw: unknown): RateCheck {
	if (!isRate(raw)) return invalid(model, field, raw);
	if (raw > MAX_USD_PER_TOKEN) return implausible(model, field, raw);
	return {ok: true, perToken: raw};
}

/** A USD-per-1M-tokens field (llmmon's format); returns the per-token rate. */
export function checkPerMtokRate(model: string, field: string, raw: unknown): RateCheck {
	if (!isRate(raw)) return invalid(model, field, raw);
	if (raw > MAX_USD_PER_MTOK || (raw > 0 && raw < MIN_NONZERO_USD_PER_MTOK)) return implausible(model, field, raw);
	// 0.4 / 1e6 is 4.0000000000000003e-7; rounding to 15 digits gives the 4e-7 LiteLLM writes.
	return {ok: true, perToken: Number((raw / 1e6).toPrecision(15))};
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
