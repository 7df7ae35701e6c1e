// Flags + the parsed --config file → typed settings, or every problem found. Pure (no I/O): the
// caller reads files and prints the first error as `llmmon: <error>` with exit status 2.
import path from 'node:path';
import {isValidTimeZone} from '../domain/calendar.js';
import {DEFAULT_ALERT_THRESHOLDS, WINDOWS_S, type AlertThresholds} from '../domain/monitor-config.js';
import type {Command, RawFlags} from './flags.js';
import {formatWindow, parseDayStart, parseDurationS, parseInstant, parsePositive, parseSeed, parseUsd, type Parsed} from './parse-values.js';

export type Settings = {
	readonly command: Command;
	/** Input files in order; '-' is stdin. */
	readonly files: readonly string[];
	/** Whether stdin is one of the sources (piped, or named as '-'). */
	readonly readStdin: boolean;
	readonly windowS: number;
	readonly tz: string;
	readonly dayStartMinutes: number;
	readonly dailyBudgetUsd: number | null;
	readonly monthlyBudgetUsd: number | null;
	readonly alerts: AlertThresholds;
	/** --prices, else the config's prices_file (resolved against the config file's folder). */
	readonly pricesFile: string | null;
	/** The config's `prices` object (llmmon price format), validated by the price loader. */
	readonly priceOverrides: unknown;
	readonly modelAliases: Readonly<Record<string, string>>;
	readonly rejectLog: string | null;
	readonly plain: boolean;
	/** Parse lines in the main thread instead of the parse worker. */
	readonly singleThread: boolean;
	readonly follow: boolean;
	readonly demo: boolean;
	readonly json: boolean;
	/** report --at, epoch ms. */
	readonly atMs: number | null;
	/** Demo lines per second. */
	readonly rate: number;
	readonly seed: number;
	/** demo --duration, seconds; null runs until interrupted. */
	readonly durationS: number | null;
	readonly backfill: boolean;
};

export type ResolveInput = {
	readonly command: Command;
	readonly flags: RawFlags;
	readonly files: readonly string[];
	readonly configFile: {readonly path: string; readonly data: unknown} | null;
	/** The zone used when neither --tz nor the config names one. */
	readonly systemTz: string;
	readonly stdinIsTty: boolean;
};

export type Resolved = {readonly ok: true; readonly settings: Settings} | {readonly ok: false; readonly errors: readonly string[]};

export const DEFAULT_WINDOW_S = 300;
export const DEFAULT_RATE = 20;
export const DEFAULT_SEED = 42;
export const MAX_RATE = 100_000;
/** `watch --demo` shows the budget gauges even without --budget. */
export const DEMO_DAILY_BUDGET_USD = 50;
export const DEMO_MONTHLY_BUDGET_USD = 1500;

const CONFIG_KEYS = ['window', 'tz', 'day_start', 'budget', 'monthly_budget', 'prices', 'prices_file', 'alerts', 'model_aliases', 'reject_log'] as const;

type AlertKey = keyof AlertThresholds;
type AlertField = {readonly key: AlertKey; readonly min: number; readonly max: number; readonly integer: boolean; readonly minExclusive: boolean};

const ALERT_FIELDS: Record<string, AlertField> = {
	error_rate: {key: 'errorRate', min: 0, max: 1, integer: false, minExclusive: true},
	p99_ms: {key: 'p99Ms', min: 0, max: 86_400_000, integer: false, minExclusive: true},
	budget_ratio: {key: 'budgetRatio', min: 0, max: 1000, integer: false, minExclusive: true},
	grounding: {key: 'grounding', min: 0, max: 1, integer: false, minExclusive: false},
	min_calls: {key: 'minCalls', min: 1, max: 1e9, integer: true, minExclusive: false},
	min_scores: {key: 'minScores', min: 1, max: 1e9, integer: true, minExclusive: false},
	for_s: {key: 'forS', min: 0, max: 86_400, integer: false, minExclusive: false},
	window_s: {key: 'windowS', min: 0, max: 86_400, integer: false, minExclusive: true},
	resolved_keep_s: {key: 'resolvedKeepS', min: 0, max: 86_400 * 7, integer: false, minExclusive: false},
};

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringFlag(flags: RawFlags, name: keyof RawFlags): string | undefined {
	const value = flags[name];
	return typeof value === 'string' ? value : undefined;
}

function describe(value: unknown): string {
	return typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
}

export function resolveConfig(input: ResolveInput): Resolved {
	const errors: string[] = [];
	const {flags, command} = input;
	const configName = input.configFile ? `--config ${input.configFile.path}` : '';
	const config: Record<string, unknown> = {};

	if (input.configFile) {
		if (isRecord(input.configFile.data)) {
			for (const [key, value] of Object.entries(input.configFile.data)) {
				if ((CONFIG_KEYS as readonly string[]).includes(key)) {
					config[key] = value;
				} else {
					errors.push(`${configName}: unknown key "${key}" (known: ${CONFIG_KEYS.join(', ')})`);
				}
			}
		} else {
			errors.push(`${configName}: must hold a JSON object`);
		}
	}

	/** A flag's text, else the config's value as text; null when neither is set. */
	const pick = <T>(flag: keyof RawFlags, key: string, parse: (text: string) => Parsed<T>, fallback: T): T => {
		const fromFlag = stringFlag(flags, flag);
		if (fromFlag !== undefined) {
			const parsed = parse(fromFlag);
			if (parsed.ok) {
				return parsed.value;
			}

			errors.push(`--${flagCli(flag)}: ${parsed.error}`);
			return fallback;
		}

		const fromConfig = config[key];
		if (fromConfig === undefined || fromConfig === null) {
			return fallback;
		}

		if (typeof fromConfig !== 'string' && typeof fromConfig !== 'number') {
			errors.push(`${configName}: "${key}" must be a string or a number (got ${describe(fromConfig)})`);
			return fallback;
		}

		const parsed = parse(String(fromConfig));
		if (parsed.ok) {
			return parsed.value;
		}

		errors.push(`${configName}: "${key}" ${parsed.error}`);
		return fallback;
	};

	const windowS = pick('window', 'window', parseWindow, DEFAULT_WINDOW_S);
	const systemTz = isValidTimeZone(input.systemTz) ? input.systemTz : 'UTC';
	const tz = pick('tz', 'tz', parseZone, systemTz);
	const dayStartMinutes = pick('dayStart', 'day_start', parseDayStart, 0);
	const demo = flags.demo === true;
	const dailyBudgetUsd = pick<number | null>('budget', 'budget', parseUsd, demo ? DEMO_DAILY_BUDGET_USD : null);
	const monthlyBudgetUsd = pick<number | null>('monthlyBudget', 'monthly_budget', parseUsd, demo ? DEMO_MONTHLY_BUDGET_USD : null);
	const alerts = resolveAlerts(config.alerts, configName, errors);
	const modelAliases = resolveAliases(config.model_aliases, configName, errors);

	let pricesFile = stringFlag(flags, 'prices') ?? null;
	if (pricesFile === '') {
		errors.push('--prices: needs a file name');
	}

	if (pricesFile === null && config.prices_file !== undefined) {
		if (typeof config.prices_file === 'string' && config.prices_file !== '' && input.configFile) {
			pricesFile = path.resolve(path.dirname(input.configFile.path), config.prices_file);
		} else {
			errors.push(`${configName}: "prices_file" must be a file name`);
		}
	}

	const priceOverrides = config.prices ?? null;
	if (priceOverrides !== null && !isRecord(priceOverrides)) {
		errors.push(`${configName}: "prices" must be an object of model prices`);
	}

	let rejectLog = stringFlag(flags, 'rejectLog') ?? null;
	if (rejectLog === null && config.reject_log !== undefined) {
		if (typeof config.reject_log === 'string' && config.reject_log !== '' && input.configFile) {
			rejectLog = path.resolve(path.dirname(input.configFile.path), config.reject_log);
		} else {
			errors.push(`${configName}: "reject_log" must be a file name`);
		}
	}

	if (rejectLog === '') {
		errors.push('--reject-log: needs a file name');
	}

	const rate = pick('rate', '', text => parsePositive(text, MAX_RATE), DEFAULT_RATE);
	const seed = pick('seed', '', parseSeed, DEFAULT_SEED);
	const durationS = pick<number | null>('duration', '', parseDurationS, null);
	const atMs = pick<number | null>('at', '', parseInstant, null);

	const files = input.files;
	if (files.some(file => file === '')) {
		errors.push('FILE: an empty file name was given');
	}

	const follow = flags.follow === true;
	const namesStdin = files.includes('-');
	let readStdin = namesStdin;
	if (command === 'watch' || command === 'report') {
		if (files.length === 0 && !demo) {
			if (input.stdinIsTty) {
				errors.push(
					command === 'watch'
						? 'nothing to watch: pipe events into stdin, name a FILE, or use --demo'
						: 'nothing to report on: pipe events into stdin or name a FILE',
				);
			}

			readStdin = !input.stdinIsTty;
		}
	}

	if (follow && files.every(file => file === '-')) {
		errors.push('--follow: needs a FILE to follow (stdin is read to its end anyway)');
	}

	if (files.filter(file => file === '-').length > 1) {
		errors.push('FILE: stdin (-) is named more than once');
	}

	if (errors.length > 0) {
		return {ok: false, errors};
	}

	return {
		ok: true,
		settings: {
			command,
			files,
			readStdin,
			windowS,
			tz,
			dayStartMinutes,
			dailyBudgetUsd,
			monthlyBudgetUsd,
			alerts,
			pricesFile,
			priceOverrides,
			modelAliases,
			rejectLog,
			plain: flags.plain === true,
			singleThread: flags.singleThread === true,
			follow,
			demo,
			json: flags.json === true,
			atMs,
			rate,
			seed,
			durationS,
			backfill: flags.backfill !== false,
		},
	};
}

function flagCli(name: keyof RawFlags): string {
	return name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);
}

function parseWindow(text: string): Parsed<number> {
	const parsed = parseDurationS(text);
	const allowed = WINDOWS_S.map(seconds => formatWindow(seconds)).join(', ');
	if (!parsed.ok || !(WINDOWS_S as readonly number[]).includes(parsed.value)) {
		return {ok: false, error: `must be one of ${allowed} (got "${text}")`};
	}

	return parsed;
}

function parseZone(text: string): Parsed<string> {
	if (!isValidTimeZone(text)) {
		return {ok: false, error: `unknown time zone "${text}" (use an IANA name such as Europe/Berlin or UTC)`};
	}

	return {ok: true, value: text};
}

function resolveAlerts(value: unknown, configName: string, errors: string[]): AlertThresholds {
	if (value === undefined || value === null) {
		return DEFAULT_ALERT_THRESHOLDS;
	}

	if (!isRecord(value)) {
		errors.push(`${configName}: "alerts" must be an object`);
		return DEFAULT_ALERT_THRESHOLDS;
	}

	const result: Record<AlertKey, number> = {...DEFAULT_ALERT_THRESHOLDS};
	for (const [name, raw] of Object.entries(value)) {
		const field = ALERT_FIELDS[name];
		if (field === undefined) {
			errors.push(`${configName}: unknown key "alerts.${name}" (known: ${Object.keys(ALERT_FIELDS).join(', ')})`);
			continue;
		}

		const tooLow = typeof raw === 'number' && (field.minExclusive ? raw <= field.min : raw < field.min);
		if (typeof raw !== 'number' || !Number.isFinite(raw) || tooLow || raw > field.max || (field.integer && !Number.isInteger(raw))) {
			const kind = field.integer ? 'a whole number' : 'a number';
			const range = `${field.minExclusive ? 'above' : 'from'} ${field.min} ${field.minExclusive ? 'up to' : 'to'} ${field.max}`;
			errors.push(`${configName}: "alerts.${name}" must be ${kind} ${range} (got ${describe(raw)})`);
			continue;
		}

		result[field.key] = raw;
	}

	return result;
}

function resolveAliases(value: unknown, configName: string, errors: string[]): Readonly<Record<string, string>> {
	if (value === undefined || value === null) {
		return {};
	}

	if (!isRecord(value)) {
		errors.push(`${configName}: "model_aliases" must be an object such as {"my-deployment": "gpt-4o"}`);
		return {};
	}

	const aliases: Record<string, string> = {};
	for (const [from, to] of Object.entries(value)) {
		if (typeof to !== 'string' || to.trim() === '' || from.trim() === '') {
			errors.push(`${configName}: "model_aliases.${from}" must name a model (got ${describe(to)})`);
			continue;
		}

		aliases[from] = to;
	}

	return aliases;
}
