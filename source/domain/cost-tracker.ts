// Spend per local day in the configured zone, budgets, burn rate and projections.
// Not the reference guide's model: days are the configured zone's (not the server's), the month
// projection uses the month's real length and only this month's spend, and unknown costs are counted,
// never summed as $0.
import type {LlmCallEvent} from '../events/types.js';
import type {Calendar, DayInfo} from './calendar.js';
import {shiftDayKey} from './calendar-keys.js';
import {MinuteSpendRing} from './cost-burn.js';
import {CostDay, breakdownRecord, knownUsd, unpricedModelList} from './cost-day.js';
import type {CallCost} from './monitor-config.js';
import type {CostBudget, CostDay as CostDayRow, CostMonth, CostSnapshot, CostToday} from './snapshot-types.js';

export type CostTrackerOptions = {
	readonly calendar: Calendar;
	readonly dailyBudgetUsd: number | null;
	readonly monthlyBudgetUsd: number | null;
	/** Local days kept, counting the newest (default 62, at least 32 so a whole month is always kept). */
	readonly keepDays?: number;
};

export type CostTrackerStats = {
	readonly days: number;
	/** Calls older than the kept days when they arrived. */
	readonly droppedOldCalls: number;
	/** Provider/model keys folded into `(other)` by the per-day cap. */
	readonly foldedKeys: number;
};

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const TREND_DAYS = 7;

function budget(value: number | null): number | null {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

function ratio(numerator: number, denominator: number | null): number | null {
	return denominator !== null && denominator > 0 ? numerator / denominator : null;
}

export class CostTracker {
	private readonly calendar: Calendar;
	private readonly dailyBudget: number | null;
	private readonly monthlyBudget: number | null;
	private readonly keepDays: number;
	private readonly days = new Map<string, CostDay>();
	private readonly burn = new MinuteSpendRing();
	private newestKey: string | null = null;
	private cutoffKey: string | null = null;
	private droppedOldCalls = 0;
	/** The day of the last recorded call, while it is kept (advance() forgets it). */
	private lastInfo: DayInfo | null = null;
	private lastDay: CostDay | null = null;

	constructor(options: CostTrackerOptions) {
		this.calendar = options.calendar;
		this.dailyBudget = budget(options.dailyBudgetUsd);
		this.monthlyBudget = budget(options.monthlyBudgetUsd);
		const keep = options.keepDays ?? 62;
		this.keepDays = Number.isFinite(keep) ? Math.min(3660, Math.max(32, Math.floor(keep))) : 62;
	}

	record(call: LlmCallEvent, cost: CallCost): void {
		const info = this.calendar.day(call.ts);
		let day: CostDay | undefined;
		// Calls come in runs of one day (the calendar hands out the same DayInfo for it).
		if (info === this.lastInfo) {
			day = this.lastDay!;
		} else {
			if (this.cutoffKey !== null && info.key < this.cutoffKey) {
				this.droppedOldCalls++;
				return;
			}
			day = this.days.get(info.key);
			if (!day) {
				day = new CostDay(info.key, info.start, info.end);
				this.days.set(info.key, day);
				if (this.newestKey === null || info.key > this.newestKey) this.advance(info.key);
			}
			this.lastInfo = info;
			this.lastDay = day;
		}
		day.add(call, cost);
		const usd = knownUsd(cost);
		if (usd !== null) this.burn.add(call.ts, usd);
	}

	get stats(): CostTrackerStats {
		let foldedKeys = 0;
		for (const day of this.days.values()) foldedKeys += day.folded;
		return {days: this.days.size, droppedOldCalls: this.droppedOldCalls, foldedKeys};
	}

	snapshot(now: number): CostSnapshot {
		const todayInfo = this.calendar.day(now);
		const today = this.days.get(todayInfo.key);
		return {
			today: this.todayRow(todayInfo.key, today),
			budget: this.budgetRow(now, todayInfo.start, todayInfo.end, today?.cost ?? 0),
			month: this.monthRow(now),
			days: this.calendar.previousDays(now, TREND_DAYS).map(info => this.dayRow(info.key)),
			unpriced_models: unpricedModelList(today),
		};
	}

	private advance(newestKey: string): void {
		this.lastInfo = null;
		this.lastDay = null;
		this.newestKey = newestKey;
		this.cutoffKey = shiftDayKey(newestKey, -(this.keepDays - 1));
		const cutoff = this.cutoffKey;
		if (cutoff === null) return;
		for (const key of this.days.keys()) if (key < cutoff) this.days.delete(key);
	}

	private todayRow(date: string, day: CostDay | undefined): CostToday {
		return {
			date,
			cost_usd: day?.cost ?? 0,
			calls: day?.calls ?? 0,
			unpriced_calls: day?.unpriced ?? 0,
			reported_usd: day?.reported ?? 0,
			computed_usd: day?.computed ?? 0,
			estimated_usd: day?.estimated ?? 0,
			unmetered_calls: day?.unmetered ?? 0,
			lower_bound: (day?.unknownCalls ?? 0) > 0,
			input_tokens: day?.inputTokens ?? 0,
			output_tokens: day?.outputTokens ?? 0,
			cache_read_tokens: day?.cacheReadTokens ?? 0,
			cache_write_tokens: day?.cacheWriteTokens ?? 0,
			reasoning_tokens: day?.reasoningTokens ?? 0,
			by_provider: day ? breakdownRecord(day.byProvider) : {},
			by_model: day ? breakdownRecord(day.byModel) : {},
		};
	}

	private budgetRow(now: number, dayStart: number, dayEnd: number, spent: number): CostBudget {
		// Burn window: (max(dayStart, now − 1 h), now], widened back to a whole minute to match the ring.
		const from = Math.max(dayStart, now - HOUR_MS);
		let burn: number | null = null;
		if (now - from >= MINUTE_MS) {
			const alignedFrom = Math.floor(from / MINUTE_MS) * MINUTE_MS;
			burn = this.burn.sum(from, now) / ((now - alignedFrom) / HOUR_MS);
		}
		const elapsed = now - dayStart;
		const hoursLeft = Math.max(0, dayEnd - now) / HOUR_MS;
		return {
			daily_usd: this.dailyBudget,
			used_ratio: ratio(spent, this.dailyBudget),
			burn_usd_per_hour: burn,
			projected_day_usd: burn === null ? null : spent + burn * hoursLeft,
			projected_day_avg_usd: elapsed >= MINUTE_MS ? (spent / elapsed) * (dayEnd - dayStart) : null,
			day_start: dayStart,
			day_end: dayEnd,
		};
	}

	private monthRow(now: number): CostMonth {
		const month = this.calendar.month(now);
		const prefix = `${month.key}-`;
		let toDate = 0;
		let unknown = 0;
		for (const day of this.days.values()) {
			if (!day.key.startsWith(prefix)) continue;
			toDate += day.cost;
			unknown += day.unknownCalls;
		}
		const elapsed = now - month.start;
		return {
			month: month.key,
			to_date_usd: toDate,
			projected_usd: elapsed >= HOUR_MS ? (toDate / elapsed) * (month.end - month.start) : null,
			monthly_budget_usd: this.monthlyBudget,
			used_ratio: ratio(toDate, this.monthlyBudget),
			lower_bound: unknown > 0,
		};
	}

	private dayRow(date: string): CostDayRow {
		const day = this.days.get(date);
		// unpriced_calls here: every call without a known cost (unpriced or unmetered).
		return {date, cost_usd: day?.cost ?? 0, calls: day?.calls ?? 0, unpriced_calls: day?.unknownCalls ?? 0};
	}
}
