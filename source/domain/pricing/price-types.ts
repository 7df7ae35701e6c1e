// Price data as llmmon uses it internally: USD per single token (protocols.md §3.1). Loaders convert
// human per-1M figures and LiteLLM's per-token fields into this one shape.

/** A long-context tier: when the request's input tokens pass the threshold, every token of the request is billed at these rates. */
export type PriceTier = {
	/** Threshold on input tokens (inclusive of cached tokens). */
	readonly aboveInputTokens: number;
	/** true: applies when input ≥ threshold; otherwise input > threshold (LiteLLM's `_above_N_tokens`). */
	readonly inclusive?: boolean;
	readonly input: number;
	readonly output: number;
	readonly cacheRead?: number;
	readonly cacheWrite?: number;
	readonly reasoning?: number;
};

/** Per-token USD rates of one model. Missing optional rates fall back to input/output and mark the cost estimated. */
export type ModelPrice = {
	readonly input: number;
	readonly output: number;
	readonly cacheRead?: number;
	readonly cacheWrite?: number;
	readonly reasoning?: number;
	/** Sorted by aboveInputTokens ascending. */
	readonly tiers?: readonly PriceTier[];
	readonly provider?: string;
	/** LiteLLM's mode: chat, embedding, completion, responses, … */
	readonly mode?: string;
};

/** Where a price came from: 'bundled', 'config', or the name of a --prices file. */
export type PriceSource = string;

export const BUNDLED_SOURCE: PriceSource = 'bundled';
export const CONFIG_SOURCE: PriceSource = 'config';

export type PriceEntry = {
	/** The model name as the table spelled it. */
	readonly name: string;
	readonly price: ModelPrice;
	readonly source: PriceSource;
};

export type PriceTable = {
	/** Keyed by the lower-cased model name. */
	readonly entries: ReadonlyMap<string, PriceEntry>;
};

export type PriceIssueReason =
	/** A rate outside the plausible range for its unit (e.g. a per-1K price in a per-token field). Entry not used. */
	| 'implausible_rate'
	/** A rate that is not a finite, non-negative number. Entry not used. */
	| 'invalid_rate'
	/** Input or output rate absent in llmmon's format. Entry not used. */
	| 'missing_rate'
	/** A model entry that is not an object. */
	| 'invalid_entry'
	/** A field llmmon's format does not know (likely a typo). The entry is still used. */
	| 'unknown_field'
	/** The whole document is not a JSON object of models, or its format is not recognised. */
	| 'invalid_table';

export type PriceIssue = {
	readonly model: string;
	readonly field: string;
	/** The offending value (non-numbers rendered as short JSON), null when absent. */
	readonly value: number | string | null;
	readonly reason: PriceIssueReason;
};

export type PriceLoadResult = {
	readonly table: PriceTable;
	readonly issues: readonly PriceIssue[];
	/** Models put in the table. */
	readonly loaded: number;
	/** Model entries not put in the table (no token price, or an issue). */
	readonly skipped: number;
};
