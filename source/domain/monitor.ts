import type {LlmCallEvent, MonitorEvent, ParseOutcome} from '../events/types.js';
import {AlertEngine} from './alert-engine.js';
import {createCalendar, type Calendar} from './calendar.js';
import {CallIndex} from './call-index.js';
import {CostTracker} from './cost-tracker.js';
import {IdDeduper} from './dedupe.js';
import {FeatureTracker} from './feature-tracker.js';
import {IngestStats} from './ingest-stats.js';
import type {MonitorConfig} from './monitor-config.js';
import {PerformanceTracker} from './performance-tracker.js';
import {QualityTracker} from './quality-tracker.js';
import type {AlertRow, CostSnapshot, MonitorSnapshot, PerformanceSnapshot, SourceStatus} from './snapshot-types.js';
import {TraceStore} from './trace-store.js';

/**
 * The aggregate engine: routes each accepted event to the trackers (cheap mutation, per event)
 * and builds one immutable snapshot on demand (per frame tick or at the end of a report).
 */
export class Monitor {
	readonly calendar: Calendar;
	private readonly stats = new IngestStats();
	private readonly deduper = new IdDeduper();
	private readonly performance: PerformanceTracker;
	private readonly costs: CostTracker;
	private readonly features: FeatureTracker;
	private readonly quality = new QualityTracker();
	private readonly callIndex = new CallIndex();
	private readonly traces: TraceStore;
	private readonly alerts: AlertEngine;
	private lineCount = 0;
	private acceptedCount = 0;
	// A number field with a flag rather than number | null: a field that may hold null keeps its
	// numbers boxed, and this one is written for most events.
	private latestTs = 0;
	private hasLatestTs = false;

	constructor(readonly config: MonitorConfig) {
		this.calendar = createCalendar(config.tz, config.dayStartMinutes);
		this.performance = new PerformanceTracker();
		this.costs = new CostTracker({
			calendar: this.calendar,
			dailyBudgetUsd: config.dailyBudgetUsd,
			monthlyBudgetUsd: config.monthlyBudgetUsd,
		});
		this.features = new FeatureTracker({calendar: this.calendar});
		this.traces = new TraceStore({maxTraces: config.maxTraces, maxSpans: config.maxSpans});
		this.alerts = new AlertEngine(config.alerts);
	}

	/**
	 * One line's outcome from a source: counts it, drops duplicates by id, routes the event to the
	 * trackers. Returns the rejection (the parser's, or `duplicate`) so the caller can log it, or null.
	 */
	accept(outcome: ParseOutcome, source: string, raw: string, arrivalMs: number): Rejection | null {
		this.lineCount++;
		if (!outcome.ok) {
			this.stats.rejected(outcome.reason, source, raw, arrivalMs, outcome.hint);
			return outcome;
		}

		const {event} = outcome;
		// Idempotency key per type (the parser already falls back to `order_id` for revenue).
		if (event.id !== undefined && this.deduper.seen(event.id, event.type)) {
			this.stats.rejected(DUPLICATE.reason, source, raw, arrivalMs, DUPLICATE.hint);
			return DUPLICATE;
		}

		this.acceptedCount++;
		this.stats.accepted(event.type, outcome.warnings, arrivalMs);
		if (!this.hasLatestTs || event.ts > this.latestTs) {
			this.latestTs = event.ts;
			this.hasLatestTs = true;
		}

		this.route(event);
		return null;
	}

	setSourceStatus(status: SourceStatus): void {
		this.stats.setSource(status);
	}

	/** Non-blank lines read so far, accepted + rejected. */
	get lines(): number {
		return this.lineCount;
	}

	get accepted(): number {
		return this.acceptedCount;
	}

	/** Latest event time seen (the `report` clock), or null before any event. */
	get latestEventTs(): number | null {
		return this.hasLatestTs ? this.latestTs : null;
	}

	/**
	 * One immutable snapshot of every panel's numbers at `now` (event time), for the given window
	 * (default config.windowS). Ingest rates are measured on the arrival clock, `arrivalNow`: the same
	 * as `now` for live input, but a recording is viewed at its latest event while lines arrive now.
	 */
	snapshot(now: number, windowS: number = this.config.windowS, arrivalNow: number = now): MonitorSnapshot {
		const performance = this.performance.snapshot(now, windowS);
		const cost = this.costs.snapshot(now);
		const alerts = this.evaluateAlerts(now, {performance, cost});
		return {
			clock: {now: this.calendar.formatIso(now), now_ms: now, tz: this.config.tz, window_s: windowS},
			ingest: this.stats.snapshot(arrivalNow),
			performance,
			cost,
			quality: this.quality.snapshot(now, windowS),
			features: this.features.snapshot(now),
			alerts,
			traces: this.traces.snapshot(),
		};
	}

	/**
	 * Moves the alert state machine to `now` (pending → firing needs evaluations over time). Every
	 * snapshot does this; `report` also calls it while reading, so a recording's alerts go through
	 * the same states as they would have live.
	 */
	evaluateAlerts(now: number, already?: {readonly performance: PerformanceSnapshot; readonly cost: CostSnapshot}): readonly AlertRow[] {
		const alertWindowS = this.config.alerts.windowS;
		const performance = already?.performance.window_s === alertWindowS ? already.performance : this.performance.snapshot(now, alertWindowS);
		const cost = already?.cost ?? this.costs.snapshot(now);
		return this.alerts.evaluate({
			now,
			performance,
			grounding: this.quality.overallGrounding(now, alertWindowS),
			todayCostUsd: cost.today.cost_usd,
			dailyBudgetUsd: this.config.dailyBudgetUsd,
		});
	}

	/** Spans of one trace, for the trace viewer. */
	trace(traceId: string) {
		return this.traces.trace(traceId);
	}

	private route(event: MonitorEvent): void {
		switch (event.type) {
			case 'llm_call': {
				this.recordCall(event);
				break;
			}

			case 'score': {
				this.quality.record(event, this.callIndex.resolve(event, event.ts));
				break;
			}

			case 'revenue': {
				this.features.recordRevenue(event);
				break;
			}

			case 'span': {
				this.traces.recordSpan(event);
				break;
			}
		}
	}

	private recordCall(call: LlmCallEvent): void {
		const cost = this.config.costResolver(call);
		this.performance.record(call);
		this.costs.record(call, cost);
		this.features.record(call, cost);
		this.callIndex.remember(call);
		if (call.traceId !== undefined) this.traces.recordCall(call, cost);
	}
}

export type Rejection = {readonly reason: string; readonly hint?: string};

const DUPLICATE: Rejection = {reason: 'duplicate', hint: 'an event with this id was already accepted'};
