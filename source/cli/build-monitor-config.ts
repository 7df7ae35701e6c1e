// Settings + loaded price data → the Monitor's config. Price tables merge bundled ← --prices ←
// config overrides; a malformed config override is an error, while odd entries in a big third-party
// table (LiteLLM ships a few per-1K prices) only produce a warning.
import type {MonitorConfig} from '../domain/monitor-config.js';
import {bundledPriceTable} from '../domain/pricing/bundled-prices.js';
import {createCostResolver} from '../domain/pricing/compute-cost.js';
import {loadLlmmonPrices} from '../domain/pricing/llmmon-price-format.js';
import {loadPriceFile} from '../domain/pricing/load-price-file.js';
import {describePriceIssue, mergePriceTables} from '../domain/pricing/price-table.js';
import {CONFIG_SOURCE, type PriceTable} from '../domain/pricing/price-types.js';
import type {Settings} from './resolve-config.js';

export const MAX_TRACES = 1000;
export const MAX_SPANS = 50_000;

export type PriceInput = {
	/** The parsed --prices file (or the config's prices_file), with its name for messages. */
	readonly file: {readonly name: string; readonly data: unknown} | null;
	/** Label of the config file for messages about its `prices` object. */
	readonly configName: string | null;
};

export type BuiltConfig =
	| {readonly ok: true; readonly config: MonitorConfig; readonly warnings: readonly string[]}
	| {readonly ok: false; readonly error: string};

export function buildMonitorConfig(settings: Settings, prices: PriceInput): BuiltConfig {
	const warnings: string[] = [];
	const tables: PriceTable[] = [bundledPriceTable()];

	if (prices.file) {
		const label = `--prices ${prices.file.name}`;
		const loaded = loadPriceFile(prices.file.data, prices.file.name);
		if (loaded.format === null) {
			return {ok: false, error: `${label}: not a LiteLLM or llmmon price table (no entry has input/output prices)`};
		}

		if (loaded.issues.length > 0) {
			const first = loaded.issues[0];
			const more = loaded.issues.length > 1 ? ` (and ${loaded.issues.length - 1} more)` : '';
			warnings.push(`${label}: ${loaded.format} format, ${loaded.loaded} models priced, ${loaded.skipped} skipped; ${first ? describePriceIssue(first) : ''}${more}`);
		}

		tables.push(loaded.table);
	}

	if (settings.priceOverrides !== null) {
		const loaded = loadLlmmonPrices(settings.priceOverrides, CONFIG_SOURCE);
		const first = loaded.issues[0];
		if (first) {
			return {ok: false, error: `${prices.configName ?? '--config'}: prices: ${describePriceIssue(first)}`};
		}

		tables.push(loaded.table);
	}

	const table = mergePriceTables(...tables);
	return {
		ok: true,
		warnings,
		config: {
			tz: settings.tz,
			dayStartMinutes: settings.dayStartMinutes,
			windowS: settings.windowS,
			dailyBudgetUsd: settings.dailyBudgetUsd,
			monthlyBudgetUsd: settings.monthlyBudgetUsd,
			alerts: settings.alerts,
			costResolver: createCostResolver({table, aliases: settings.modelAliases}),
			maxTraces: MAX_TRACES,
			maxSpans: MAX_SPANS,
		},
	};
}
