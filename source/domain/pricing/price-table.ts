import type {ModelPrice, PriceEntry, PriceIssue, PriceLoadResult, PriceSource, PriceTable} from './price-types.js';

export function priceKey(model: string): string {
	return model.trim().toLowerCase();
}

export function createPriceTable(source: PriceSource, prices: Iterable<readonly [string, ModelPrice]>): PriceTable {
	const entries = new Map<string, PriceEntry>();
	for (const [name, price] of prices) {
		const key = priceKey(name);
		if (key !== '') entries.set(key, {name, price, source});
	}

	return {entries};
}

/** Later tables override earlier ones per model: bundled ← --prices file ← config overrides. */
export function mergePriceTables(...tables: readonly PriceTable[]): PriceTable {
	const entries = new Map<string, PriceEntry>();
	for (const table of tables) {
		for (const [key, entry] of table.entries) entries.set(key, entry);
	}

	return {entries};
}

/** One line for the CLI's load report. */
export function describePriceIssue(issue: PriceIssue): string {
	const value = issue.value === null ? 'absent' : String(issue.value);
	const where = issue.field === '' ? issue.model : `${issue.model} ${issue.field}`;
	switch (issue.reason) {
		case 'implausible_rate': {
			return `${where} = ${value}: implausible for its unit (a per-1K or per-1M figure?), model not priced`;
		}

		case 'invalid_rate': {
			return `${where} = ${value}: not a non-negative number, model not priced`;
		}

		case 'missing_rate': {
			return `${where}: required rate missing, model not priced`;
		}

		case 'invalid_entry': {
			return `${where}: entry is not an object, ignored`;
		}

		case 'unknown_field': {
			return `${where}: unknown field, ignored`;
		}

		case 'invalid_table': {
			return `${where === '' ? 'price table' : where}: ${value}`;
		}
	}
}

/** The load result for a price file that is not a JSON object of model → prices. */
export function notATable(source: PriceSource): PriceLoadResult {
	return {
		table: createPriceTable(source, []),
		issues: [{model: '', field: '', value: 'expected a JSON object of model → prices', reason: 'invalid_table'}],
		loaded: 0,
		skipped: 0,
	};
}
