import type {ScoreEvent} from '../events/types.js';

/** Distinct other score names kept per bucket and per result; the rest count under `(other)`. */
export const MAX_OTHER_NAMES = 16;
const OTHER_NAME = '(other)';

export const GROUNDING = 0;
export const RELEVANCE = 1;
export const SATISFACTION = 2;
export const HALLUCINATION = 3;
export const OTHER_SCORE = 4;
export type ScoreKind = typeof GROUNDING | typeof RELEVANCE | typeof SATISFACTION | typeof HALLUCINATION | typeof OTHER_SCORE;

/** Which sum a score name feeds. */
export function scoreKind(name: string): ScoreKind {
	switch (name) {
		case 'grounding': {
			return GROUNDING;
		}

		case 'relevance': {
			return RELEVANCE;
		}

		case 'user_satisfaction': {
			return SATISFACTION;
		}

		case 'hallucination': {
			return HALLUCINATION;
		}

		default: {
			return OTHER_SCORE;
		}
	}
}

/** Sums and counts of the scores of one bucket (or a merge of buckets): means are exact. */
export class QualityBucket {
	groundingSum = 0;
	groundingCount = 0;
	relevanceSum = 0;
	relevanceCount = 0;
	satisfactionSum = 0;
	satisfactionCount = 0;
	hallucinationTrue = 0;
	hallucinationCount = 0;
	/** Scores with names other than the four well-known ones, by name. */
	readonly otherNames = new Map<string, number>();

	/** Well-known scores only. */
	get samples(): number {
		return this.groundingCount + this.relevanceCount + this.satisfactionCount + this.hallucinationCount;
	}

	/** Counts a score; well-known names with a value of the wrong kind are ignored (returns false). */
	add(score: ScoreEvent): boolean {
		const kind = scoreKind(score.name);
		const value = score.value;
		if (kind === HALLUCINATION) {
			// The schema allows 0/1 for hallucination; anything non-zero means "hallucinated".
			if (typeof value === 'number' && !Number.isFinite(value)) return false;
			this.addKind(kind, value === true || (typeof value === 'number' && value !== 0) ? 1 : 0, score.name);
			return true;
		}

		if (kind !== OTHER_SCORE && (typeof value !== 'number' || !Number.isFinite(value))) return false;
		this.addKind(kind, typeof value === 'number' ? value : 0, score.name);
		return true;
	}

	/**
	 * Counts a score already classified by `scoreKind` and checked: `value` is the finite score, or
	 * for hallucination 1 (hallucinated) or 0; `name` is only read for other names. One score lands
	 * in fifteen buckets, so its name is compared once rather than in each.
	 */
	addKind(kind: ScoreKind, value: number, name: string): void {
		switch (kind) {
			case GROUNDING: {
				this.groundingSum += value;
				this.groundingCount++;
				return;
			}

			case RELEVANCE: {
				this.relevanceSum += value;
				this.relevanceCount++;
				return;
			}

			case SATISFACTION: {
				this.satisfactionSum += value;
				this.satisfactionCount++;
				return;
			}

			case HALLUCINATION: {
				this.hallucinationTrue += value;
				this.hallucinationCount++;
				return;
			}

			default: {
				this.countOther(name, 1);
			}
		}
	}

	reset(): void {
		this.groundingSum = 0;
		this.groundingCount = 0;
		this.relevanceSum = 0;
		this.relevanceCount = 0;
		this.satisfactionSum = 0;
		this.satisfactionCount = 0;
		this.hallucinationTrue = 0;
		this.hallucinationCount = 0;
		if (this.otherNames.size > 0) this.otherNames.clear();
	}

	merge(other: QualityBucket): void {
		this.groundingSum += other.groundingSum;
		this.groundingCount += other.groundingCount;
		this.relevanceSum += other.relevanceSum;
		this.relevanceCount += other.relevanceCount;
		this.satisfactionSum += other.satisfactionSum;
		this.satisfactionCount += other.satisfactionCount;
		this.hallucinationTrue += other.hallucinationTrue;
		this.hallucinationCount += other.hallucinationCount;
		if (other.otherNames.size > 0) {
			other.otherNames.forEach((count, name) => {
				this.countOther(name, count);
			});
		}
	}

	private countOther(name: string, count: number): void {
		const known = this.otherNames.get(name);
		if (known !== undefined) {
			this.otherNames.set(name, known + count);
		} else if (this.otherNames.size < MAX_OTHER_NAMES || name === OTHER_NAME) {
			this.otherNames.set(name, count);
		} else {
			this.otherNames.set(OTHER_NAME, (this.otherNames.get(OTHER_NAME) ?? 0) + count);
		}
	}
}
