import {duration, formatPair, percent, plain, plural, usd, windowLabel} from './alert-format.js';
import type {AlertThresholds} from './monitor-config.js';
import type {AlertRow, AlertSeverity, AlertState, PerformanceSnapshot} from './snapshot-types.js';

export type AlertInput = {
	readonly now: number;
	/** Performance over thresholds.windowS (not the window on screen). */
	readonly performance: PerformanceSnapshot;
	readonly grounding: {readonly mean: number | null; readonly samples: number};
	readonly todayCostUsd: number;
	readonly dailyBudgetUsd: number | null;
};

export type AlertRule = 'error_rate' | 'p99_latency' | 'daily_budget' | 'grounding';

/** One rule's verdict at one evaluation. Too few samples is simply `active: false`. */
type Reading = {
	readonly rule: AlertRule;
	readonly severity: AlertSeverity;
	readonly active: boolean;
	readonly value: number | null;
	readonly threshold: number;
	readonly message: string;
};

type RuleState = {
	readonly state: AlertState;
	/** When the current state began. */
	readonly since: number;
	/** When the condition became true (pending and firing). */
	readonly activeSince: number;
};

const STATE_RANK: Record<AlertState, number> = {firing: 0, pending: 1, resolved: 2};
const SEVERITY_RANK: Record<AlertSeverity, number> = {critical: 0, warning: 1, info: 2};

/**
 * The guide's four rules with configurable thresholds and Prometheus-like states (anchors.md §4):
 * a true condition is pending until it has held for forS seconds, then firing; a false one drops a
 * pending alert and resolves a firing one; resolved rows stay listed for resolvedKeepS.
 */
export class AlertEngine {
	private readonly thresholds: AlertThresholds;
	private readonly states = new Map<AlertRule, RuleState>();

	constructor(thresholds: AlertThresholds) {
		this.thresholds = thresholds;
	}

	evaluate(input: AlertInput): readonly AlertRow[] {
		const now = input.now;
		const readings = [this.errorRate(input), this.p99(input), this.budget(input), this.grounding(input)];
		const forMs = Math.max(0, this.thresholds.forS) * 1000;
		const keepMs = Math.max(0, this.thresholds.resolvedKeepS) * 1000;
		const rows: AlertRow[] = [];
		for (const reading of readings) {
			const next = transition(this.states.get(reading.rule), reading.active, now, forMs, keepMs);
			if (next === undefined) {
				this.states.delete(reading.rule);
				continue;
			}

			this.states.set(reading.rule, next);
			rows.push({
				rule: reading.rule,
				severity: reading.severity,
				state: next.state,
				value: reading.value,
				threshold: reading.threshold,
				since: next.since,
				message: reading.message,
			});
		}

		return rows.sort(
			(a, b) =>
				rank(a) - rank(b) || b.since - a.since || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.rule < b.rule ? -1 : 1),
		);
	}

	private window(input: AlertInput): string {
		const seconds = input.performance.window_s > 0 ? input.performance.window_s : this.thresholds.windowS;
		return windowLabel(seconds);
	}

	private errorRate(input: AlertInput): Reading {
		const {calls, error_rate: rate} = input.performance;
		const threshold = this.thresholds.errorRate;
		const over = this.window(input);
		const enough = calls >= this.thresholds.minCalls;
		const active = enough && rate !== null && rate > threshold;
		let message: string;
		if (rate === null) {
			message = `error rate: no calls over ${over}`;
		} else if (!enough) {
			message = `error rate ${percent(rate, 1)} not judged: ${plural(calls, 'call', 'calls')} over ${over}, need ${this.thresholds.minCalls}`;
		} else {
			const [v, t] = formatPair(rate, threshold, 1, percent);
			message = `error rate ${v} ${active ? '>' : '≤'} ${t} over ${over} (${plural(calls, 'call', 'calls')})`;
		}

		return {rule: 'error_rate', severity: 'critical', active, value: rate, threshold, message};
	}

	private p99(input: AlertInput): Reading {
		const {calls} = input.performance;
		const p99 = input.performance.latency_ms.p99;
		const threshold = this.thresholds.p99Ms;
		const over = this.window(input);
		const enough = calls >= this.thresholds.minCalls;
		const active = enough && p99 !== null && p99 > threshold;
		let message: string;
		if (p99 === null) {
			message = `p99 latency: no calls over ${over}`;
		} else if (!enough) {
			message = `p99 latency ${duration(p99, 1)} not judged: ${plural(calls, 'call', 'calls')} over ${over}, need ${this.thresholds.minCalls}`;
		} else {
			const [v, t] = formatPair(p99, threshold, 1, duration);
			message = `p99 latency ${v} ${active ? '>' : '≤'} ${t} over ${over} (${plural(calls, 'call', 'calls')})`;
		}

		return {rule: 'p99_latency', severity: 'warning', active, value: p99, threshold, message};
	}

	private budget(input: AlertInput): Reading {
		const budget = input.dailyBudgetUsd;
		const spent = input.todayCostUsd;
		const threshold = this.thresholds.budgetRatio;
		if (budget === null || !(budget > 0) || !Number.isFinite(budget) || !Number.isFinite(spent)) {
			return {rule: 'daily_budget', severity: 'warning', active: false, value: null, threshold, message: 'daily spend: no budget set'};
		}

		const ratio = spent / budget;
		const active = ratio > threshold;
		const [v, t] = formatPair(ratio, threshold, 0, percent);
		const message = `daily spend ${usd(spent)} is ${v} of the ${usd(budget)} budget (${active ? 'over' : 'within'} ${t})`;
		return {rule: 'daily_budget', severity: 'warning', active, value: ratio, threshold, message};
	}

	private grounding(input: AlertInput): Reading {
		const {mean, samples} = input.grounding;
		const threshold = this.thresholds.grounding;
		const over = this.window(input);
		const enough = samples >= this.thresholds.minScores;
		const active = enough && mean !== null && mean < threshold;
		let message: string;
		if (mean === null) {
			message = `grounding: no scores over ${over}`;
		} else if (!enough) {
			message = `avg grounding ${plain(mean, 2)} not judged: ${plural(samples, 'score', 'scores')} over ${over}, need ${this.thresholds.minScores}`;
		} else {
			const [v, t] = formatPair(mean, threshold, 2, plain);
			message = `avg grounding ${v} ${active ? '<' : '≥'} ${t} over ${over} (${plural(samples, 'score', 'scores')})`;
		}

		return {rule: 'grounding', severity: 'warning', active, value: mean, threshold, message};
	}
}

function transition(current: RuleState | undefined, active: boolean, now: number, forMs: number, keepMs: number): RuleState | undefined {
	if (active) {
		let state = current;
		if (state === undefined || state.state === 'resolved') state = {state: 'pending', since: now, activeSince: now};
		if (state.state === 'pending' && now - state.activeSince >= forMs) {
			state = {state: 'firing', since: now, activeSince: state.activeSince};
		}

		return state;
	}

	if (current === undefined || current.state === 'pending') return undefined;
	if (current.state === 'firing') return {state: 'resolved', since: now, activeSince: current.activeSince};
	return now - current.since >= keepMs ? undefined : current;
}

function rank(row: AlertRow): number {
	return STATE_RANK[row.state] * 3 + (row.state === 'firing' ? SEVERITY_RANK[row.severity] : 0);
}
