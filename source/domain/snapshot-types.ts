// The one shape every consumer reads: the UI (through store selectors), `report --json` (printed as is)
// and the plain reporter. Keys are snake_case because this object *is* the stable JSON interface.
// A value that cannot be computed (empty window, zero cost, no price) is null, never 0 or NaN.

export type LatencyMs = {
	readonly p50: number | null;
	readonly p95: number | null;
	readonly p99: number | null;
	readonly avg: number | null;
	readonly max: number | null;
};

export type TtftMs = {
	readonly p50: number | null;
	readonly p95: number | null;
	readonly samples: number;
};

export type PerfStats = {
	readonly calls: number;
	readonly errors: number;
	/** errors / calls; null when calls is 0. */
	readonly error_rate: number | null;
	/** calls / covered_s; null when calls is 0. */
	readonly throughput_rps: number | null;
	readonly input_tokens_per_s: number | null;
	readonly output_tokens_per_s: number | null;
	readonly latency_ms: LatencyMs;
	readonly ttft_ms: TtftMs;
	readonly errors_by_type: Readonly<Record<string, number>>;
};

export type PerformanceSnapshot = PerfStats & {
	readonly window_s: number;
	/** Seconds of the window that the stream actually covers (≤ window_s). */
	readonly covered_s: number;
	readonly by_model: Readonly<Record<string, PerfStats>>;
	readonly by_provider: Readonly<Record<string, PerfStats>>;
};

export type CostBreakdown = {
	/** Sum of known costs; a lower bound when unpriced_calls > 0; null when no call has a known cost (never $0). */
	readonly cost_usd: number | null;
	readonly calls: number;
	readonly unpriced_calls: number;
};

export type CostSource = 'reported' | 'computed' | 'estimated';

export type CostToday = CostBreakdown & {
	/** The day's total of known costs: a number even when no call was priced, as budgets and alerts add it up (lower_bound says so). */
	readonly cost_usd: number;
	/** Local date in the configured zone, YYYY-MM-DD. */
	readonly date: string;
	readonly reported_usd: number;
	/** Computed from tokens and a price table (including estimated). */
	readonly computed_usd: number;
	/** Part of computed_usd that used a fallback rate or an approximate model match. */
	readonly estimated_usd: number;
	/** Calls with no cost and no token counts at all. */
	readonly unmetered_calls: number;
	/** True when some calls of the day have no known cost, so cost_usd is a lower bound. */
	readonly lower_bound: boolean;
	readonly input_tokens: number;
	readonly output_tokens: number;
	readonly cache_read_tokens: number;
	readonly cache_write_tokens: number;
	readonly reasoning_tokens: number;
	readonly by_provider: Readonly<Record<string, CostBreakdown>>;
	readonly by_model: Readonly<Record<string, CostBreakdown>>;
};

export type CostBudget = {
	readonly daily_usd: number | null;
	/** cost_usd / daily_usd; null without a budget. */
	readonly used_ratio: number | null;
	/** Spend over the last hour of the day (or the part of the day elapsed if shorter), per hour. */
	readonly burn_usd_per_hour: number | null;
	/** today + burn × hours left in the local day. */
	readonly projected_day_usd: number | null;
	/** today ÷ elapsed part of the day × the day's real length (23/24/25 h). */
	readonly projected_day_avg_usd: number | null;
	readonly day_start: number;
	readonly day_end: number;
};

export type CostMonth = {
	/** YYYY-MM in the configured zone. */
	readonly month: string;
	readonly to_date_usd: number;
	/** to_date ÷ elapsed time of the month × the month's real length. */
	readonly projected_usd: number | null;
	readonly monthly_budget_usd: number | null;
	readonly used_ratio: number | null;
	readonly lower_bound: boolean;
};

export type CostDay = {readonly date: string; readonly cost_usd: number; readonly calls: number; readonly unpriced_calls: number};

export type CostSnapshot = {
	readonly today: CostToday;
	readonly budget: CostBudget;
	readonly month: CostMonth;
	/** The last 7 local days, oldest first, today last; days without calls have cost 0 and calls 0. */
	readonly days: readonly CostDay[];
	/** Models with calls that had tokens but no price, with their call counts (today). */
	readonly unpriced_models: ReadonlyArray<{readonly model: string; readonly provider: string; readonly calls: number}>;
};

export type QualityStats = {
	readonly grounding: number | null;
	readonly relevance: number | null;
	/** 1–5 scale. */
	readonly satisfaction: number | null;
	/** Share of hallucination scores that were true. */
	readonly hallucination_rate: number | null;
	/** (grounding + relevance + satisfaction/5) / 3; null unless all three are known. */
	readonly overall: number | null;
	readonly samples: number;
	readonly samples_by_name: Readonly<Record<string, number>>;
	/** Recent window clearly worse than its baseline (see README: quality regressions). */
	readonly regression: boolean;
	readonly baseline_overall: number | null;
};

export type QualitySnapshot = {
	readonly by_model: Readonly<Record<string, QualityStats>>;
	readonly by_feature: Readonly<Record<string, QualityStats>>;
};

export type FeatureRow = {
	readonly feature: string;
	readonly calls: number;
	/** Sum of known costs (a lower bound when unpriced_calls > 0); null when no call has a known cost. */
	readonly cost_usd: number | null;
	/** cost_usd ÷ calls with a known cost; null when none. */
	readonly cost_per_call_usd: number | null;
	readonly revenue_usd: number;
	/** revenue ÷ cost; null when cost is 0. */
	readonly roi: number | null;
	readonly unpriced_calls: number;
};

export type AlertSeverity = 'critical' | 'warning' | 'info';
export type AlertState = 'pending' | 'firing' | 'resolved';

export type AlertRow = {
	readonly rule: string;
	readonly severity: AlertSeverity;
	readonly state: AlertState;
	readonly value: number | null;
	readonly threshold: number;
	/** Epoch ms when the current state began. */
	readonly since: number;
	readonly message: string;
};

export type TraceRow = {
	readonly trace_id: string;
	readonly root_name: string;
	readonly service: string | null;
	readonly spans: number;
	readonly start: number;
	readonly duration_ms: number;
	readonly errors: number;
	readonly llm_calls: number;
	readonly cost_usd: number | null;
};

export type TracesSnapshot = {
	readonly traces_seen: number;
	readonly spans_seen: number;
	readonly spans_dropped: number;
	readonly recent: readonly TraceRow[];
};

export type SourceState = 'starting' | 'reading' | 'following' | 'ended' | 'error';

export type SourceStatus = {
	readonly name: string;
	readonly state: SourceState;
	readonly detail?: string;
};

/** A source as `report --json` shows it: `detail` is null rather than absent (missing values are null). */
export type SourceRow = {
	readonly name: string;
	readonly state: SourceState;
	readonly detail: string | null;
};

export type RejectSample = {
	readonly at: number;
	readonly source: string;
	readonly reason: string;
	/** First 200 characters of the line, sanitised. */
	readonly sample: string;
	/** What the reason code alone cannot say, e.g. "looks like epoch seconds". */
	readonly hint?: string;
};

export type IngestSnapshot = {
	/** Non-blank lines read from every source; always accepted + rejected. */
	readonly lines: number;
	readonly accepted: number;
	readonly rejected: number;
	readonly rejected_by_reason: Readonly<Record<string, number>>;
	readonly warnings_by_reason: Readonly<Record<string, number>>;
	readonly by_type: Readonly<Record<string, number>>;
	readonly events_per_s: number | null;
	readonly recent_rejects: readonly RejectSample[];
	readonly sources: readonly SourceRow[];
};

export type ClockSnapshot = {
	/** ISO 8601 with the zone's offset. */
	readonly now: string;
	readonly now_ms: number;
	readonly tz: string;
	readonly window_s: number;
};

export type MonitorSnapshot = {
	readonly clock: ClockSnapshot;
	readonly ingest: IngestSnapshot;
	readonly performance: PerformanceSnapshot;
	readonly cost: CostSnapshot;
	readonly quality: QualitySnapshot;
	readonly features: readonly FeatureRow[];
	readonly alerts: readonly AlertRow[];
	readonly traces: TracesSnapshot;
};
