import type {FeatureRow} from './snapshot-types.js';

export type FeatureSort = 'cost' | 'roi';

function byName(a: FeatureRow, b: FeatureRow): number {
	return a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0;
}

/**
 * cost: most expensive first. roi: least profitable first, features without an ROI (no known cost) last.
 * Ties break by feature name so rows do not jump between frames.
 */
export function sortFeatures(rows: readonly FeatureRow[], by: FeatureSort): FeatureRow[] {
	const sorted = [...rows];
	if (by === 'roi') {
		sorted.sort((a, b) => {
			if (a.roi === null || b.roi === null) {
				if (a.roi === b.roi) return byName(a, b);
				return a.roi === null ? 1 : -1;
			}
			return a.roi - b.roi || byName(a, b);
		});
	} else {
		// An unknown cost sorts below every known one.
		sorted.sort((a, b) => (b.cost_usd ?? -1) - (a.cost_usd ?? -1) || byName(a, b));
	}
	return sorted;
}
