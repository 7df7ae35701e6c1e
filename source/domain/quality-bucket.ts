import type {ScoreEvent} from '../events/types.js';

/** Distinct other score names kept per bucket and per result; the rest count under `(other)`. */
export const MAX_OTHER_NAMES = 16;
const OTHER_NAME = '(other)';

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
		const value = score.value;
		switch (score.name) {
			case 'grounding': {
				if (typeof value !== 'number' || !Number.isFinite(value)) return false;
				this.groundingSum += value;
				this.groundingCount++;
				return true;
			}

			case 'relevance': {
				if (typeof value !== 'number' || !Number.isFinite(value)) return false;
				this.relevanceSum += value;
				this.relevanceCount++;
				return true;
			}

			case 'user_satisfaction': {
				if (typeof value !== 'number' || !Number.isFinite(value)) return false;
				this.satisfactionSum += value;
				this.satisfactionCount++;
				return true;
			}

			case 'hallucination': {
				// The schema allows 0/1 for hallucination; anything non-zero means "hallucinated".
				if (typeof value === 'number' && !Number.isFinite(value)) return false;
				if (value === true || (typeof value === 'number' && value !== 0)) this.hallucinationTrue++;
				this.hallucinationCount++;
				return true;
			}

			default: {
				this.countOther(score.name, 1);
				return true;
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
