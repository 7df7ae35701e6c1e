import {describe, expect, it} from 'vitest';
import {DEFAULT_ALERT_THRESHOLDS} from '../../source/domain/monitor-config.js';
import type {RawFlags} from '../../source/cli/flags.js';
import {resolveConfig, type ResolveInput, type Settings} from '../../source/cli/resolve-config.js';

function input(overrides: Partial<ResolveInput> & {flags?: RawFlags} = {}): ResolveInput {
	return {command: 'watch', flags: {}, files: ['events.ndjson'], configFile: null, systemTz: 'UTC', stdinIsTty: true, ...overrides};
}

function settings(overrides: Partial<ResolveInput> = {}): Settings {
	const result = resolveConfig(input(overrides));
	if (!result.ok) {
		throw new Error(result.errors.join('\n'));
	}

	return result.settings;
}

function errors(overrides: Partial<ResolveInput> = {}): readonly string[] {
	const result = resolveConfig(input(overrides));
	return result.ok ? [] : result.errors;
}

describe('resolveConfig', () => {
	it('fills the documented defaults', () => {
		const s = settings({systemTz: 'America/New_York'});
		expect(s).toMatchObject({
			windowS: 300,
			tz: 'America/New_York',
			dayStartMinutes: 0,
			dailyBudgetUsd: null,
			monthlyBudgetUsd: null,
			alerts: DEFAULT_ALERT_THRESHOLDS,
			pricesFile: null,
			priceOverrides: null,
			rejectLog: null,
			plain: false,
			singleThread: false,
			follow: false,
			demo: false,
			rate: 20,
			seed: 42,
			durationS: null,
			backfill: true,
			readStdin: false,
		});
	});

	it('parses every flag', () => {
		const s = settings({
			flags: {window: '1h', tz: 'Asia/Kolkata', dayStart: '06:30', budget: '$12.5', monthlyBudget: '400', prices: 'p.json', rejectLog: 'r.log', plain: true, follow: true},
		});
		// 06:30 → 6 × 60 + 30 = 390 minutes.
		expect(s).toMatchObject({windowS: 3600, tz: 'Asia/Kolkata', dayStartMinutes: 390, dailyBudgetUsd: 12.5, monthlyBudgetUsd: 400, pricesFile: 'p.json', rejectLog: 'r.log', plain: true, follow: true});
	});

	it('parses report and demo values', () => {
		expect(settings({command: 'report', flags: {at: '2026-08-20T10:00:00+02:00', json: true}})).toMatchObject({atMs: Date.UTC(2026, 7, 20, 8), json: true});
		expect(settings({command: 'report', flags: {at: '1755684001250'}}).atMs).toBe(1_755_684_001_250);
		// 1.5m = 90 s.
		expect(settings({command: 'demo', files: [], flags: {rate: '250', seed: '7', duration: '1.5m', backfill: false}})).toMatchObject({rate: 250, seed: 7, durationS: 90, backfill: false});
	});

	it('gives --demo default budgets that flags and config override', () => {
		expect(settings({files: [], flags: {demo: true}})).toMatchObject({dailyBudgetUsd: 50, monthlyBudgetUsd: 1500, readStdin: false});
		expect(settings({files: [], flags: {demo: true, budget: '80'}})).toMatchObject({dailyBudgetUsd: 80, monthlyBudgetUsd: 1500});
		expect(settings({files: [], flags: {demo: true}, configFile: {path: '/c/cfg.json', data: {monthly_budget: 900}}})).toMatchObject({dailyBudgetUsd: 50, monthlyBudgetUsd: 900});
	});

	it('reads the config file and lets flags override it', () => {
		const configFile = {
			path: '/etc/llmmon/cfg.json',
			data: {
				window: '15m',
				tz: 'Europe/Berlin',
				day_start: '04:00',
				budget: 100,
				prices_file: 'prices.json',
				reject_log: '../log/rejects.ndjson',
				prices: {'my-model': {input_per_1m: 1, output_per_1m: 2}},
				model_aliases: {'prod-gpt': 'gpt-4o'},
				alerts: {error_rate: 0.1, min_calls: 5, p99_ms: 20_000},
			},
		};
		const s = settings({configFile, flags: {tz: 'UTC'}});
		expect(s).toMatchObject({
			windowS: 900,
			tz: 'UTC',
			dayStartMinutes: 240,
			dailyBudgetUsd: 100,
			pricesFile: '/etc/llmmon/prices.json',
			rejectLog: '/etc/log/rejects.ndjson',
			priceOverrides: {'my-model': {input_per_1m: 1, output_per_1m: 2}},
			modelAliases: {'prod-gpt': 'gpt-4o'},
		});
		expect(s.alerts).toEqual({...DEFAULT_ALERT_THRESHOLDS, errorRate: 0.1, minCalls: 5, p99Ms: 20_000});
		expect(settings({configFile, flags: {prices: 'mine.json'}}).pricesFile).toBe('mine.json');
	});

	it('decides when stdin is a source', () => {
		expect(settings({files: [], stdinIsTty: false}).readStdin).toBe(true);
		expect(settings({files: ['a', '-']}).readStdin).toBe(true);
		expect(settings({files: ['a'], stdinIsTty: false}).readStdin).toBe(false);
		expect(settings({files: [], stdinIsTty: false, flags: {demo: true}}).readStdin).toBe(false);
	});

	it.each([
		[{flags: {window: '2m'}}, '--window: must be one of 1m, 5m, 15m, 1h (got "2m")'],
		[{flags: {window: 'soon'}}, '--window: must be one of 1m, 5m, 15m, 1h (got "soon")'],
		[{flags: {tz: 'Mars/Olympus'}}, '--tz: unknown time zone "Mars/Olympus" (use an IANA name such as Europe/Berlin or UTC)'],
		[{flags: {budget: '-5'}}, '--budget: must be greater than 0 (got "-5")'],
		[{flags: {budget: 'lots'}}, '--budget: expected an amount in USD such as 50 or 12.5 (got "lots")'],
		[{flags: {budget: '0x10'}}, '--budget: expected an amount in USD such as 50 or 12.5 (got "0x10")'],
		[{flags: {monthlyBudget: '0'}}, '--monthly-budget: must be greater than 0 (got "0")'],
		[{flags: {dayStart: '24:00'}}, '--day-start: expected a local time HH:MM between 00:00 and 23:59 (got "24:00")'],
		[{command: 'report' as const, flags: {at: '2026-08-20T10:00:00'}}, '--at: expected an ISO 8601 time with an offset, such as 2026-08-20T10:00:00Z, or epoch milliseconds (got "2026-08-20T10:00:00")'],
		[{command: 'demo' as const, files: [], flags: {rate: '0'}}, '--rate: expected a number greater than 0 and at most 100000 (got "0")'],
		[{command: 'demo' as const, files: [], flags: {seed: '1.5'}}, '--seed: expected a whole number from 0 to 4294967295 (got "1.5")'],
		[{command: 'demo' as const, files: [], flags: {duration: '0s'}}, '--duration: must be longer than 0 (got "0s")'],
		[{files: []}, 'nothing to watch: pipe events into stdin, name a FILE, or use --demo'],
		[{command: 'report' as const, files: []}, 'nothing to report on: pipe events into stdin or name a FILE'],
		[{files: ['-'], flags: {follow: true}}, '--follow: needs a FILE to follow (stdin is read to its end anyway)'],
		[{files: ['-', '-']}, 'FILE: stdin (-) is named more than once'],
	])('%j is refused with a message naming the flag', (overrides, message) => {
		expect(errors(overrides)).toEqual([message]);
	});

	it('names the config file and key for bad config values', () => {
		const configFile = (data: unknown) => ({path: 'cfg.json', data});
		expect(errors({configFile: configFile([1, 2])})).toEqual(['--config cfg.json: must hold a JSON object']);
		expect(errors({configFile: configFile({budjet: 5})})[0]).toMatch(/^--config cfg\.json: unknown key "budjet" \(known: window, tz/);
		expect(errors({configFile: configFile({budget: -1})})).toEqual(['--config cfg.json: "budget" must be greater than 0 (got "-1")']);
		expect(errors({configFile: configFile({budget: true})})).toEqual(['--config cfg.json: "budget" must be a string or a number (got true)']);
		expect(errors({configFile: configFile({alerts: {error_rate: 2}})})).toEqual(['--config cfg.json: "alerts.error_rate" must be a number above 0 up to 1 (got 2)']);
		expect(errors({configFile: configFile({alerts: {min_calls: 2.5}})})).toEqual(['--config cfg.json: "alerts.min_calls" must be a whole number from 1 to 1000000000 (got 2.5)']);
		expect(errors({configFile: configFile({alerts: {p99: 1}})})[0]).toMatch(/^--config cfg\.json: unknown key "alerts\.p99"/);
		expect(errors({configFile: configFile({model_aliases: {x: 3}})})).toEqual(['--config cfg.json: "model_aliases.x" must name a model (got 3)']);
		expect(errors({configFile: configFile({prices: 'cheap'})})).toEqual(['--config cfg.json: "prices" must be an object of model prices']);
	});

	it('falls back to UTC when the system zone is not a valid IANA name', () => {
		expect(settings({systemTz: 'not/a-zone'}).tz).toBe('UTC');
	});
});
