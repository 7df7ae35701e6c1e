// --prices FILE accepts either llmmon's per-1M format or LiteLLM's per-token JSON; the CLI reads
// and parses the file, this decides which loader reads it.
import {loadLiteLlmPrices} from './litellm-loader.js';
import {loadLlmmonPrices} from './llmmon-price-format.js';
import {createPriceTable} from './price-table.js';
import type {PriceLoadResult, PriceSource} from './price-types.js';
import {isPlainObject} from './rate-check.js';

export type PriceFileFormat = 'litellm' | 'llmmon';

const LITELLM_MARKERS = ['input_cost_per_token', 'output_cost_per_token', 'litellm_provider'];
const LLMMON_MARKERS = ['input_per_mtok', 'output_per_mtok'];

/** The format of a parsed price file, from the field names of its entries; null when neither. */
export function detectPriceFormat(json: unknown): PriceFileFormat | null {
	if (!isPlainObject(json)) return null;
	let litellm = 0;
	let llmmon = 0;
	for (const entry of Object.values(json)) {
		if (!isPlainObject(entry)) continue;
		if (LITELLM_MARKERS.some(field => field in entry)) litellm++;
		if (LLMMON_MARKERS.some(field => field in entry)) llmmon++;
	}

	if (litellm === 0 && llmmon === 0) return null;
	return litellm > llmmon ? 'litellm' : 'llmmon';
}

export function loadPriceFile(json: unknown, source: PriceSource): PriceLoadResult & {readonly format: PriceFileFormat | null} {
	const format = detectPriceFormat(json);
	if (format === 'litellm') return {...loadLiteLlmPrices(json, source), format};
	if (format === 'llmmon') return {...loadLlmmonPrices(json, source), format};
	return {
		table: createPriceTable(source, []),
		issues: [{model: '', field: '', value: 'not a LiteLLM or llmmon price table', reason: 'invalid_table'}],
		loaded: 0,
		skipped: 0,
		format,
	};
}
