// Cost, revenue and ROI per feature for the current local day. ROI is the day's cumulative revenue over
// its cumulative known cost (the reference guide overwrote it with the last call's ratio and divided by
// zero when a call was free or unpriced).
import type {LlmCallEvent, RevenueEvent} from '../events/types.js';
import type {Calendar, DayInfo} from './calendar.js';
import {shiftDayKey} from './calendar-keys.js';
import {sortFeatures} from './feature-sort.js';
import type {CallCost} from './monitor-config.js';
import type {FeatureRow} from './snapshot-types.js';

export type FeatureTrackerOptions = {
	readonly calendar: Calendar;
	/** Distinct features per day before folding into `(other)` (default 500). */
	readonly maxFeatures?: number;
	/** Local days kept, counting the newest, so late events for yesterday still land (default 2). */
	readonly keepDays?: number;
};

export type FeatureTrackerStats = {
	/** Events whose feature was folded into `(other)` by the per-day cap. */
	readonly foldedEvents: number;
	/** Events for a day older than the kept days. */
	readonly droppedOldEvents: number;
};

export const OTHER_FEATURE = '(other)';

type FeatureDay = {calls: number; pricedCalls: number; unpricedCalls: number; cost: number; revenue: number};

export class FeatureTracker {
	private readonly calendar: Calendar;
	private readonly maxFeatures: number;
	private readonly keepDays: number;
	private readonly days = new Map<string, Map<string, FeatureDay>>();
	private newestKey: string | null = null;
	private cutoffKey: string | null = null;
	private foldedEvents = 0;
	private droppedOldEvents = 0;
	/** The day of the last recorded event, while it is kept (advance() forgets it). */
	private lastInfo: DayInfo | null = null;
	private lastFeatures: Map<string, FeatureDay> | null = null;

	constructor(options: FeatureTrackerOptions) {
		this.calendar = options.calendar;
		const max = options.maxFeatures ?? 500;
		this.maxFeatures = Number.isFinite(max) ? Math.max(1, Math.floor(max)) : 500;
		const keep = options.keepDays ?? 2;
		this.keepDays = Number.isFinite(keep) ? Math.min(62, Math.max(1, Math.floor(keep))) : 2;
	}

	record(call: LlmCallEvent, cost: CallCost): void {
		const entry = this.entry(call.ts, call.feature);
		if (!entry) return;
		entry.calls++;
		if (typeof cost.usd === 'number' && Number.isFinite(cost.usd)) {
			entry.cost += cost.usd;
			entry.pricedCalls++;
		} else {
			entry.unpricedCalls++;
		}
	}

	/** Negative amounts (refunds) are summed as they are. */
	recordRevenue(event: RevenueEvent): void {
		if (!Number.isFinite(event.amountUsd)) return;
		const entry = this.entry(event.ts, event.feature);
		if (entry) entry.revenue += event.amountUsd;
	}

	get stats(): FeatureTrackerStats {
		return {foldedEvents: this.foldedEvents, droppedOldEvents: this.droppedOldEvents};
	}

	/** Features of the local day containing `now`, most expensive first. */
	snapshot(now: number): FeatureRow[] {
		const features = this.days.get(this.calendar.day(now).key);
		if (!features) return [];
		const rows: FeatureRow[] = [];
		for (const [feature, day] of features) {
			rows.push({
				feature,
				calls: day.calls,
				// Calls none of which had a known cost: unknown, not $0 (a feature with only revenue spent $0).
				cost_usd: day.pricedCalls > 0 || day.calls === 0 ? day.cost : null,
				cost_per_call_usd: day.pricedCalls > 0 ? day.cost / day.pricedCalls : null,
				revenue_usd: day.revenue,
				roi: day.cost > 0 ? day.revenue / day.cost : null,
				unpriced_calls: day.unpricedCalls,
			});
		}
		return sortFeatures(rows, 'cost');
	}

	private entry(ts: number, rawFeature: string): FeatureDay | null {
		const info = this.calendar.day(ts);
		let features: Map<string, FeatureDay> | undefined;
		// Events come in runs of one day (the calendar hands out the same DayInfo for it).
		if (info === this.lastInfo) {
			features = this.lastFeatures!;
		} else {
			const key = info.key;
			if (this.cutoffKey !== null && key < this.cutoffKey) {
				this.droppedOldEvents++;
				return null;
			}
			features = this.days.get(key);
			if (!features) {
				features = new Map();
				this.days.set(key, features);
				if (this.newestKey === null || key > this.newestKey) this.advance(key);
			}
			this.lastInfo = info;
			this.lastFeatures = features;
		}
		const name = typeof rawFeature === 'string' && rawFeature !== '' ? rawFeature : '(none)';
		let entry = features.get(name);
		if (!entry) {
			const folded = features.size >= this.maxFeatures;
			if (folded) this.foldedEvents++;
			const target = folded ? OTHER_FEATURE : name;
			entry = features.get(target);
			if (!entry) {
				entry = {calls: 0, pricedCalls: 0, unpricedCalls: 0, cost: 0, revenue: 0};
				features.set(target, entry);
			}
		}
		return entry;
	}

	private advance(newestKey: string): void {
		this.lastInfo = null;
		this.lastFeatures = null;
		this.newestKey = newestKey;
		this.cutoffKey = shiftDayKey(newestKey, -(this.keepDays - 1));
		const cutoff = this.cutoffKey;
		if (cutoff === null) return;
		for (const key of this.days.keys()) if (key < cutoff) this.days.delete(key);
	}
}
