import type {LlmCallEvent} from '../events/types.js';
import type {CostSource} from './snapshot-types.js';

/** What one call cost, and how we know. */
export type CallCost = {
	/** null when the cost is unknown (unpriced or unmetered): never 0 for unknown. */
	readonly usd: number | null;
	readonly source: CostSource | null;
	/**
	 * priced: usd known. unpriced: tokens known but no price for the model.
	 * unmetered: neither a reported cost nor any token counts.
	 */
	readonly status: 'priced' | 'unpriced' | 'unmetered';
	/** Model key the price was found under, when computed. */
	readonly pricedAs?: string;
	/** The model match was approximate (dated/versioned name resolved to its base). */
	readonly approximate?: boolean;
};

export type CostResolver = (call: LlmCallEvent) => CallCost;

export type AlertThresholds = {
	/** Error rate above which the critical `error_rate` alert fires (guide: 0.05). */
	readonly errorRate: number;
	/** p99 latency in ms above which `p99_latency` fires (guide: 30 000). */
	readonly p99Ms: number;
	/** Daily spend ÷ budget above which `daily_budget` fires (guide: 1.10). */
	readonly budgetRatio: number;
	/** Average grounding below which `grounding` fires (guide: 0.7). */
	readonly grounding: number;
	/** Calls needed in the alert window before error rate and p99 are judged. */
	readonly minCalls: number;
	/** Grounding scores needed in the alert window before grounding is judged. */
	readonly minScores: number;
	/** Seconds a condition must hold before pending becomes firing (0: fire at once). */
	readonly forS: number;
	/** Window the rules are evaluated over, independent of the window shown. */
	readonly windowS: number;
	/** How long a resolved alert stays listed. */
	readonly resolvedKeepS: number;
};

export type MonitorConfig = {
	/** IANA zone for days and months. */
	readonly tz: string;
	/** Budget day starts this many minutes after local midnight (0 = midnight). */
	readonly dayStartMinutes: number;
	/** Window shown by default, seconds: one of WINDOWS_S. */
	readonly windowS: number;
	readonly dailyBudgetUsd: number | null;
	readonly monthlyBudgetUsd: number | null;
	readonly alerts: AlertThresholds;
	readonly costResolver: CostResolver;
	readonly maxTraces: number;
	readonly maxSpans: number;
};

/** The selectable sliding windows, seconds (`w` cycles through them). */
export const WINDOWS_S = [60, 300, 900, 3600] as const;

export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = {
	errorRate: 0.05,
	p99Ms: 30_000,
	budgetRatio: 1.1,
	grounding: 0.7,
	minCalls: 20,
	minScores: 10,
	forS: 0,
	windowS: 300,
	resolvedKeepS: 600,
};
