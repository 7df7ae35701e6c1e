// Hand-built MonitorSnapshots for UI and store tests. The numbers are chosen so each one
// formats to a distinct, predictable string (see the comments); tests assert those strings.
import type {
	CostSnapshot,
	MonitorSnapshot,
	PerfStats,
	PerformanceSnapshot,
	QualityStats,
} from '../../source/domain/snapshot-types.js';

/** 2026-03-02 14:03:22 in Europe/Paris (UTC+1). */
export const FIXTURE_NOW_MS = Date.UTC(2026, 2, 2, 13, 3, 22);

type PerfInput = {
	calls: number;
	errors: number;
	p50: number | null;
	p95: number | null;
	p99: number | null;
	avg: number | null;
	ttftP50: number | null;
	rps: number | null;
};

export function perfStats(input: PerfInput): PerfStats {
	return {
		calls: input.calls,
		errors: input.errors,
		error_rate: input.calls === 0 ? null : input.errors / input.calls,
		throughput_rps: input.rps,
		input_tokens_per_s: null,
		output_tokens_per_s: null,
		latency_ms: {p50: input.p50, p95: input.p95, p99: input.p99, avg: input.avg, max: input.p99},
		ttft_ms: {p50: input.ttftP50, p95: null, samples: input.ttftP50 === null ? 0 : input.calls},
		errors_by_type: {},
	};
}

export function qualityStats(input: Partial<QualityStats> & {samples: number}): QualityStats {
	return {
		grounding: null,
		relevance: null,
		satisfaction: null,
		hallucination_rate: null,
		overall: null,
		samples_by_name: {},
		regression: false,
		baseline_overall: null,
		...input,
	};
}

function performance(): PerformanceSnapshot {
	// Overall: 1200 calls, 30 errors → 2.5 %; 1200 calls / 300 s → 4.00/s.
	const overall = perfStats({calls: 1200, errors: 30, p50: 850, p95: 2100, p99: 4520, avg: 1010, ttftP50: 320, rps: 4});
	return {
		...overall,
		window_s: 300,
		covered_s: 300,
		by_model: {
			// 21 / 700 = 3.0 %; 700 / 300 s = 2.33/s.
			'gpt-4o': perfStats({calls: 700, errors: 21, p50: 900, p95: 2300, p99: 4800, avg: 1100, ttftP50: 350, rps: 700 / 300}),
			// 9 / 500 = 1.8 %; 500 / 300 s = 1.67/s.
			'claude-3-5-sonnet': perfStats({calls: 500, errors: 9, p50: 780, p95: 1650, p99: 3999, avg: 884, ttftP50: 290, rps: 500 / 300}),
		},
		by_provider: {
			openai: perfStats({calls: 700, errors: 21, p50: 900, p95: 2300, p99: 4800, avg: 1100, ttftP50: 350, rps: 700 / 300}),
			anthropic: perfStats({calls: 500, errors: 9, p50: 780, p95: 1650, p99: 3999, avg: 884, ttftP50: 290, rps: 500 / 300}),
		},
	};
}

function cost(): CostSnapshot {
	return {
		today: {
			date: '2026-03-02',
			// 30.25 + 12.25 = 42.50; 42.50 / 50 = 0.85 used.
			cost_usd: 42.5,
			calls: 1200,
			unpriced_calls: 0,
			reported_usd: 10,
			computed_usd: 32.5,
			estimated_usd: 0,
			unmetered_calls: 0,
			lower_bound: false,
			input_tokens: 1_500_000,
			output_tokens: 300_000,
			cache_read_tokens: 0,
			cache_write_tokens: 0,
			reasoning_tokens: 0,
			by_provider: {
				openai: {cost_usd: 30.25, calls: 700, unpriced_calls: 0},
				anthropic: {cost_usd: 12.25, calls: 500, unpriced_calls: 0},
			},
			by_model: {
				'gpt-4o': {cost_usd: 30.25, calls: 700, unpriced_calls: 0},
				'claude-3-5-sonnet': {cost_usd: 12.25, calls: 500, unpriced_calls: 0},
			},
		},
		budget: {
			daily_usd: 50,
			used_ratio: 0.85,
			burn_usd_per_hour: 2.5,
			// 42.50 + 2.50 × (24 − 14.056 h left ≈ 9.944 h) ≈ 67.36.
			projected_day_usd: 67.36,
			projected_day_avg_usd: 72.57,
			day_start: Date.UTC(2026, 2, 1, 23),
			day_end: Date.UTC(2026, 2, 2, 23),
		},
		month: {
			month: '2026-03',
			to_date_usd: 80.5,
			projected_usd: 1247.75,
			monthly_budget_usd: 1500,
			used_ratio: 80.5 / 1500,
			lower_bound: false,
		},
		days: [
			{date: '2026-02-24', cost_usd: 30, calls: 800, unpriced_calls: 0},
			{date: '2026-02-25', cost_usd: 0, calls: 0, unpriced_calls: 0},
			{date: '2026-02-26', cost_usd: 45.5, calls: 1100, unpriced_calls: 0},
			{date: '2026-02-27', cost_usd: 50.25, calls: 1300, unpriced_calls: 0},
			{date: '2026-02-28', cost_usd: 61, calls: 1500, unpriced_calls: 0},
			{date: '2026-03-01', cost_usd: 38, calls: 900, unpriced_calls: 0},
			{date: '2026-03-02', cost_usd: 42.5, calls: 1200, unpriced_calls: 0},
		],
		unpriced_models: [],
	};
}

/** A snapshot as a busy five-minute window would produce it. */
export function fullSnapshot(): MonitorSnapshot {
	return {
		clock: {now: '2026-03-02T14:03:22.000+01:00', now_ms: FIXTURE_NOW_MS, tz: 'Europe/Paris', window_s: 300},
		ingest: {
			lines: 12_345,
			accepted: 12_342,
			rejected: 3,
			rejected_by_reason: {invalid_json: 2, 'missing_field:model': 1},
			warnings_by_reason: {},
			by_type: {llm_call: 10_000, score: 2000, span: 300, revenue: 42},
			events_per_s: 123.4,
			recent_rejects: [
				{at: FIXTURE_NOW_MS - 90_000, source: 'stdin', reason: 'invalid_json', sample: '{"type":"llm_call",'},
				{at: FIXTURE_NOW_MS - 12_000, source: 'ws', reason: 'missing_field:model', sample: '{"type":"llm_call","ts":1}'},
			],
			sources: [
				{name: 'stdin', state: 'following', detail: null},
				{name: 'ws:8787', state: 'reading', detail: '2 clients'},
			],
		},
		performance: performance(),
		cost: cost(),
		quality: {
			by_model: {
				// (0.91 + 0.88 + 4.2 / 5) / 3 = 2.63 / 3 = 0.8767 → "0.88".
				'gpt-4o': qualityStats({grounding: 0.91, relevance: 0.88, satisfaction: 4.2, hallucination_rate: 0.02, overall: 2.63 / 3, samples: 400, baseline_overall: 0.87}),
				// (0.72 + 0.80 + 3.9 / 5) / 3 = 2.30 / 3 = 0.7667 → "0.77"; baseline 0.85 → regression.
				'claude-3-5-sonnet': qualityStats({grounding: 0.72, relevance: 0.8, satisfaction: 3.9, hallucination_rate: 0.08, overall: 2.3 / 3, samples: 150, regression: true, baseline_overall: 0.85}),
			},
			by_feature: {},
		},
		features: [
			// 18.00 / 600 = 0.030 per call; 54 / 18 = 3.0×.
			{feature: 'summarize', calls: 600, cost_usd: 18, cost_per_call_usd: 0.03, revenue_usd: 54, roi: 3, unpriced_calls: 0},
			// 22.50 / 500 = 0.045 per call; 90 / 22.50 = 4.0×.
			{feature: 'chat', calls: 500, cost_usd: 22.5, cost_per_call_usd: 0.045, revenue_usd: 90, roi: 4, unpriced_calls: 0},
			// 2.00 / 100 = 0.020 per call; 30 / 2 = 15×.
			{feature: 'search', calls: 100, cost_usd: 2, cost_per_call_usd: 0.02, revenue_usd: 30, roi: 15, unpriced_calls: 0},
		],
		alerts: [
			{rule: 'grounding', severity: 'warning', state: 'resolved', value: 0.74, threshold: 0.7, since: FIXTURE_NOW_MS - 30_000, message: 'grounding back above 0.70'},
			{rule: 'error_rate', severity: 'critical', state: 'firing', value: 0.072, threshold: 0.05, since: FIXTURE_NOW_MS - 240_000, message: 'error rate 7.2% > 5.0%'},
		],
		traces: {
			traces_seen: 57,
			spans_seen: 300,
			spans_dropped: 0,
			recent: [
				{trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', root_name: 'POST /chat', service: 'api', spans: 7, start: FIXTURE_NOW_MS - 5000, duration_ms: 2350, errors: 1, llm_calls: 2, cost_usd: 0.0123},
				{trace_id: '00f067aa0ba902b7aaaaaaaaaaaaaaaa', root_name: 'summarize-doc', service: null, spans: 3, start: FIXTURE_NOW_MS - 9000, duration_ms: 640, errors: 0, llm_calls: 1, cost_usd: null},
			],
		},
	};
}

/** What the Monitor produces before any event: zero counts and null for everything derived. */
export function emptySnapshot(options: {dailyBudgetUsd?: number | null} = {}): MonitorSnapshot {
	const daily = options.dailyBudgetUsd ?? null;
	const none = perfStats({calls: 0, errors: 0, p50: null, p95: null, p99: null, avg: null, ttftP50: null, rps: null});
	const days = ['2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'];
	return {
		clock: {now: '2026-03-02T14:03:22.000+01:00', now_ms: FIXTURE_NOW_MS, tz: 'Europe/Paris', window_s: 300},
		ingest: {
			lines: 0,
			accepted: 0,
			rejected: 0,
			rejected_by_reason: {},
			warnings_by_reason: {},
			by_type: {},
			events_per_s: null,
			recent_rejects: [],
			sources: [{name: 'stdin', state: 'starting', detail: null}],
		},
		performance: {...none, window_s: 300, covered_s: 0, by_model: {}, by_provider: {}},
		cost: {
			today: {
				date: '2026-03-02',
				cost_usd: 0,
				calls: 0,
				unpriced_calls: 0,
				reported_usd: 0,
				computed_usd: 0,
				estimated_usd: 0,
				unmetered_calls: 0,
				lower_bound: false,
				input_tokens: 0,
				output_tokens: 0,
				cache_read_tokens: 0,
				cache_write_tokens: 0,
				reasoning_tokens: 0,
				by_provider: {},
				by_model: {},
			},
			budget: {
				daily_usd: daily,
				used_ratio: daily === null ? null : 0,
				burn_usd_per_hour: null,
				projected_day_usd: null,
				projected_day_avg_usd: null,
				day_start: Date.UTC(2026, 2, 1, 23),
				day_end: Date.UTC(2026, 2, 2, 23),
			},
			month: {month: '2026-03', to_date_usd: 0, projected_usd: null, monthly_budget_usd: null, used_ratio: null, lower_bound: false},
			days: days.map(date => ({date, cost_usd: 0, calls: 0, unpriced_calls: 0})),
			unpriced_models: [],
		},
		quality: {by_model: {}, by_feature: {}},
		features: [],
		alerts: [],
		traces: {traces_seen: 0, spans_seen: 0, spans_dropped: 0, recent: []},
	};
}

/** `base` with its cost section changed (budget ratio, lower bound, ...). */
export function withCost(base: MonitorSnapshot, change: (cost: CostSnapshot) => CostSnapshot): MonitorSnapshot {
	return {...base, cost: change(base.cost)};
}
