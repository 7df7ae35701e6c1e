// One local day of spend. Only known costs are summed; unknown ones are counted so totals can be
// shown as lower bounds ("unpriced is not $0").
import type {LlmCallEvent} from '../events/types.js';
import type {CallCost} from './monitor-config.js';
import type {CostBreakdown} from './snapshot-types.js';

/** Distinct provider/model keys kept per day before folding into OTHER_KEY. */
export const MAX_BREAKDOWN_KEYS = 200;
export const OTHER_KEY = '(other)';

type MutableBreakdown = {cost_usd: number; calls: number; unpriced_calls: number};
type UnpricedModel = {model: string; provider: string; calls: number};

export function knownUsd(cost: CallCost): number | null {
	return typeof cost.usd === 'number' && Number.isFinite(cost.usd) ? cost.usd : null;
}

function tokens(value: number | undefined): number {
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

export class CostDay {
	cost = 0;
	calls = 0;
	/** Tokens known but no price (status 'unpriced'). */
	unpriced = 0;
	/** No cost and no tokens. */
	unmetered = 0;
	reported = 0;
	computed = 0;
	estimated = 0;
	inputTokens = 0;
	outputTokens = 0;
	cacheReadTokens = 0;
	cacheWriteTokens = 0;
	reasoningTokens = 0;
	/** Provider/model keys folded into OTHER_KEY because the per-day cap was reached. */
	folded = 0;
	readonly byProvider = new Map<string, MutableBreakdown>();
	readonly byModel = new Map<string, MutableBreakdown>();
	readonly unpricedModels = new Map<string, UnpricedModel>();

	constructor(
		readonly key: string,
		readonly start: number,
		readonly end: number,
	) {}

	get unknownCalls(): number {
		return this.unpriced + this.unmetered;
	}

	add(call: LlmCallEvent, cost: CallCost): void {
		const usd = knownUsd(cost);
		this.calls++;
		if (usd === null) {
			if (cost.status === 'unmetered') this.unmetered++;
			else this.unpriced++;
		} else {
			this.cost += usd;
			if (cost.source === 'reported') this.reported += usd;
			else {
				// Estimated is a labelled part of computed, so reported + computed = cost always.
				this.computed += usd;
				if (cost.source === 'estimated') this.estimated += usd;
			}
		}
		this.inputTokens += tokens(call.inputTokens);
		this.outputTokens += tokens(call.outputTokens);
		this.cacheReadTokens += tokens(call.cacheReadTokens);
		this.cacheWriteTokens += tokens(call.cacheWriteTokens);
		this.reasoningTokens += tokens(call.reasoningTokens);
		this.addTo(this.byProvider, call.provider, usd);
		this.addTo(this.byModel, call.model, usd);
		if (usd === null && cost.status === 'unpriced') {
			const key = `${call.provider}\u0000${call.model}`;
			const existing = this.unpricedModels.get(key);
			if (existing) existing.calls++;
			else if (this.unpricedModels.size < MAX_BREAKDOWN_KEYS) {
				this.unpricedModels.set(key, {model: call.model, provider: call.provider, calls: 1});
			} else {
				this.folded++;
			}
		}
	}

	private addTo(map: Map<string, MutableBreakdown>, rawKey: string, usd: number | null): void {
		let entry = map.get(rawKey);
		if (!entry) {
			const key = map.size < MAX_BREAKDOWN_KEYS ? rawKey : OTHER_KEY;
			if (key === OTHER_KEY && rawKey !== OTHER_KEY) this.folded++;
			entry = map.get(key);
			if (!entry) {
				entry = {cost_usd: 0, calls: 0, unpriced_calls: 0};
				map.set(key, entry);
			}
		}
		entry.calls++;
		if (usd === null) entry.unpriced_calls++;
		else entry.cost_usd += usd;
	}
}

export function breakdownRecord(map: ReadonlyMap<string, MutableBreakdown>): Record<string, CostBreakdown> {
	// fromEntries defines own properties, so a model named '__proto__' cannot touch the prototype.
	// A row whose calls all lack a cost has an unknown cost, not a cost of $0.
	return Object.fromEntries([...map].map(([key, value]) => [key, {...value, cost_usd: value.calls > 0 && value.unpriced_calls >= value.calls ? null : value.cost_usd}]));
}

export function unpricedModelList(day: CostDay | undefined): Array<{model: string; provider: string; calls: number}> {
	if (!day) return [];
	return [...day.unpricedModels.values()]
		.map(entry => ({...entry}))
		.sort(
			(a, b) =>
				b.calls - a.calls ||
				(a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0) ||
				(a.model < b.model ? -1 : a.model > b.model ? 1 : 0),
		);
}
