// Sanitised strings for values that repeat: labels (model, provider, feature, service, span
// names…) and short span attribute keys and values take few distinct values but arrive as a fresh
// string on every line.
import {sanitizeText} from './sanitize.js';

/**
 * A direct-mapped cache of recently cleaned strings, slotted by the length and two characters.
 * A hit costs one string compare, where a Map lookup must first hash the fresh string and
 * sanitising runs a RegExp; a miss costs that compare and the slot's overwrite.
 */
class RecentTexts {
	private readonly raw: string[];
	private readonly clean: string[];

	constructor(private readonly slots: number) {
		this.raw = Array.from({length: slots}, () => '');
		this.clean = Array.from({length: slots}, () => '');
	}

	slot(value: string): number {
		const n = value.length;
		return (n * 31 + value.charCodeAt(n >> 1) * 7 + value.charCodeAt(n - 1)) & (this.slots - 1);
	}

	/** The cleaned string for `value` if it sits in `slot`. */
	get(value: string, slot: number): string | undefined {
		return this.raw[slot] === value ? this.clean[slot] : undefined;
	}

	set(value: string, slot: number, clean: string): void {
		this.raw[slot] = value;
		this.clean[slot] = clean;
	}
}

// Mapping each label to one canonical, already sanitised string object lets the trackers' Maps
// find a key whose hash V8 has cached and that is pointer-equal to theirs, and stored events share
// the memory. Bounded: cleared when full (a high-cardinality label then costs a Map insert per
// event, nothing more).
const LABEL_CACHE_MAX = 4096;
const LABEL_MAX_CHARS = 128;
const labels = new Map<string, string>();
const recentLabels = new RecentTexts(128);

/** `sanitizeText(value)`, as one canonical string object per distinct label. */
export function internLabel(value: string): string {
	if (value.length > LABEL_MAX_CHARS) return sanitizeText(value);
	const slot = recentLabels.slot(value);
	const recent = recentLabels.get(value, slot);
	if (recent !== undefined) return recent;
	let clean = labels.get(value);
	if (clean === undefined) {
		if (labels.size >= LABEL_CACHE_MAX) labels.clear();
		clean = sanitizeText(value);
		labels.set(value, clean);
	}
	recentLabels.set(value, slot, clean);
	return clean;
}

// Values of unbounded variety (attribute values) get the slots only: no Map to fill and clear.
const REPEATED_MAX_CHARS = 128;
const recentValues = new RecentTexts(256);

/** `sanitizeText(value)`, skipping the RegExp when the same text was cleaned recently. */
export function sanitizeRepeated(value: string): string {
	if (value.length > REPEATED_MAX_CHARS) return sanitizeText(value);
	const slot = recentValues.slot(value);
	const recent = recentValues.get(value, slot);
	if (recent !== undefined) return recent;
	const clean = sanitizeText(value);
	recentValues.set(value, slot, clean);
	return clean;
}
