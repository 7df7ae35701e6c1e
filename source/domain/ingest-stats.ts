// What came in: lines, accepted events by type, rejections and warnings by reason, recent reject
// samples, source states and the arrival rate. Reason keys can carry input text (unknown_field:<f>),
// so every keyed count is capped and folds the excess into `(other)`.
import {sanitizeText} from '../events/sanitize.js';
import type {IngestSnapshot, RejectSample, SourceStatus} from './snapshot-types.js';

export type IngestStatsOptions = {
	/** Distinct keys per counter before folding into `(other)` (default 200). */
	readonly maxKeys?: number;
	/** Reject samples kept (default 50). */
	readonly recentRejects?: number;
	/** Sources listed (default 100). */
	readonly maxSources?: number;
};

export const OTHER_REASON = '(other)';
const MAX_KEY_CHARS = 128;
const SAMPLE_CHARS = 200;
const RATE_WINDOW_S = 10;

/** Cuts at `max` UTF-16 units without leaving half a surrogate pair behind. */
function prefix(text: string, max: number): string {
	if (text.length <= max) return text;
	const code = text.charCodeAt(max - 1);
	return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** A count held in its own cell, so an increment is one map lookup rather than a lookup and a set. */
type Count = {value: number};

class CappedCounter {
	private readonly counts = new Map<string, Count>();
	/** A key counted under its own name, and its count (never a folded key: those also count `folded`). */
	private lastKey: string | null = null;
	private lastCount: Count = {value: 0};
	folded = 0;

	constructor(private readonly maxKeys: number) {}

	add(rawKey: string): void {
		// Event types repeat in runs (a request's spans): the last key's count, without a lookup.
		if (rawKey === this.lastKey) {
			this.lastCount.value++;
			return;
		}

		const key = prefix(String(rawKey), MAX_KEY_CHARS);
		const current = this.counts.get(key);
		if (current !== undefined) {
			current.value++;
			if (key === rawKey) {
				this.lastKey = rawKey;
				this.lastCount = current;
			}
		} else if (this.counts.size < this.maxKeys) {
			this.counts.set(key, {value: 1});
		} else {
			this.folded++;
			const other = this.counts.get(OTHER_REASON);
			if (other === undefined) this.counts.set(OTHER_REASON, {value: 1});
			else other.value++;
		}
	}

	record(): Record<string, number> {
		const out = new Map<string, number>();
		for (const [key, count] of this.counts) {
			const safe = sanitizeText(key);
			out.set(safe, (out.get(safe) ?? 0) + count.value);
		}
		return Object.fromEntries(out);
	}
}

/**
 * A rejection as it came, cut to size; sanitised when first shown (`clean`), not when it arrives:
 * a flood of bad lines keeps only the last fifty, so most are never shown.
 */
type RejectRecord = {
	readonly at: number;
	readonly source: string;
	readonly reason: string;
	readonly sample: string;
	readonly hint: string | undefined;
	clean: RejectSample | null;
};

function cleanSample(record: RejectRecord): RejectSample {
	if (record.clean !== null) return record.clean;
	const sample: RejectSample = {
		at: record.at,
		source: sanitizeText(record.source),
		reason: sanitizeText(record.reason),
		sample: sanitizeText(record.sample),
	};
	record.clean = record.hint === undefined ? sample : {...sample, hint: sanitizeText(record.hint)};
	return record.clean;
}

function positiveInt(value: number | undefined, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

export class IngestStats {
	private acceptedCount = 0;
	private rejectedCount = 0;
	private readonly byReason: CappedCounter;
	private readonly byWarning: CappedCounter;
	private readonly byType: CappedCounter;
	/** The last rejections, oldest first (see RejectRecord). */
	private readonly rejects: RejectRecord[] = [];
	private readonly rejectCapacity: number;
	private readonly sources = new Map<string, SourceStatus>();
	private readonly maxSources: number;
	/** Accepted events per arrival second, in a ring of RATE_WINDOW_S slots. */
	private readonly rateSeconds = new Float64Array(RATE_WINDOW_S).fill(Number.NEGATIVE_INFINITY);
	private readonly rateCounts = new Float64Array(RATE_WINDOW_S);
	private firstSecond: number | null = null;
	/** The second whose slot counted the last arrival, and that slot. */
	private lastSecond = Number.NaN;
	private lastSlot = 0;

	constructor(options: IngestStatsOptions = {}) {
		const maxKeys = positiveInt(options.maxKeys, 200);
		this.byReason = new CappedCounter(maxKeys);
		this.byWarning = new CappedCounter(maxKeys);
		this.byType = new CappedCounter(maxKeys);
		this.rejectCapacity = positiveInt(options.recentRejects, 50);
		this.maxSources = positiveInt(options.maxSources, 100);
	}

	accepted(type: string, warnings: readonly string[], arrivalMs: number): void {
		this.acceptedCount++;
		this.byType.add(type);
		// Indexed: a for-of iterator here was an allocation on every accepted event.
		for (let index = 0; index < warnings.length; index++) this.byWarning.add(warnings[index]!);
		this.countArrival(arrivalMs);
	}

	rejected(reason: string, source: string, raw: string, arrivalMs: number, hint?: string): void {
		this.rejectedCount++;
		this.byReason.add(reason);
		this.rejects.push({
			at: arrivalMs,
			source: prefix(String(source), MAX_KEY_CHARS),
			reason: prefix(String(reason), MAX_KEY_CHARS),
			sample: prefix(typeof raw === 'string' ? raw : '', SAMPLE_CHARS),
			hint: hint === undefined ? undefined : prefix(String(hint), SAMPLE_CHARS),
			clean: null,
		});
		if (this.rejects.length > this.rejectCapacity) this.rejects.shift();
	}

	setSource(status: SourceStatus): void {
		const name = sanitizeText(prefix(String(status.name), MAX_KEY_CHARS));
		const entry: SourceStatus =
			status.detail === undefined
				? {name, state: status.state}
				: {name, state: status.state, detail: sanitizeText(prefix(String(status.detail), SAMPLE_CHARS))};
		if (!this.sources.has(name) && this.sources.size >= this.maxSources) {
			const oldest = this.sources.keys().next();
			if (!oldest.done) this.sources.delete(oldest.value);
		}
		this.sources.set(name, entry);
	}

	/** Warnings and rejection reasons folded into `(other)`, and types beyond the cap. */
	get foldedKeys(): number {
		return this.byReason.folded + this.byWarning.folded + this.byType.folded;
	}

	snapshot(now: number): IngestSnapshot {
		return {
			lines: this.acceptedCount + this.rejectedCount,
			accepted: this.acceptedCount,
			rejected: this.rejectedCount,
			rejected_by_reason: this.byReason.record(),
			warnings_by_reason: this.byWarning.record(),
			by_type: this.byType.record(),
			events_per_s: this.rate(now),
			recent_rejects: this.rejects.map(record => ({...cleanSample(record)})),
			sources: [...this.sources.values()].map(status => ({name: status.name, state: status.state, detail: status.detail ?? null})),
		};
	}

	private countArrival(arrivalMs: number): void {
		const second = Math.floor(arrivalMs / 1000);
		// Most events arrive within the second of the one before.
		if (second === this.lastSecond) {
			this.rateCounts[this.lastSlot]!++;
			return;
		}

		if (!Number.isFinite(arrivalMs)) return;
		if (this.firstSecond === null || second < this.firstSecond) this.firstSecond = second;
		const slot = ((second % RATE_WINDOW_S) + RATE_WINDOW_S) % RATE_WINDOW_S;
		const held = this.rateSeconds[slot] ?? Number.NEGATIVE_INFINITY;
		if (held === second) {
			this.rateCounts[slot] = (this.rateCounts[slot] ?? 0) + 1;
		} else if (second > held) {
			this.rateSeconds[slot] = second;
			this.rateCounts[slot] = 1;
		} else {
			return;
		}

		// The slot now holds this second: later events of the same second count there directly.
		this.lastSecond = second;
		this.lastSlot = slot;
	}

	/**
	 * Accepted events per second over the last 10 s of arrival time (the current, partial second
	 * included), or since the first event when that is more recent; the span is at least 1 s.
	 */
	private rate(now: number): number | null {
		if (this.firstSecond === null || !Number.isFinite(now)) return null;
		const nowSecond = Math.floor(now / 1000);
		const fromSecond = Math.max(nowSecond - (RATE_WINDOW_S - 1), this.firstSecond);
		let count = 0;
		for (let slot = 0; slot < RATE_WINDOW_S; slot++) {
			const second = this.rateSeconds[slot] ?? Number.NEGATIVE_INFINITY;
			if (second >= fromSecond && second <= nowSecond) count += this.rateCounts[slot] ?? 0;
		}
		return count / Math.max(1, (now - fromSecond * 1000) / 1000);
	}
}
