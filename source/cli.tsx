// The composition root: argv → settings → one of the three commands. Every usage problem is ONE
// line `llmmon: <what is wrong>` on stderr with exit status 2.
import process from 'node:process';
import meow from 'meow';
import {buildMonitorConfig, type PriceInput} from './cli/build-monitor-config.js';
import {checkArgv} from './cli/check-argv.js';
import {COMMANDS, meowFlagsFor, type Command, type RawFlags} from './cli/flags.js';
import {HELP_TEXT} from './cli/help.js';
import {checkInputFiles, checkWritableFile, readJsonFile, systemTimeZone} from './cli/load-inputs.js';
import {resolveConfig, type Settings} from './cli/resolve-config.js';

export type MainIo = {
	readonly argv: readonly string[];
	readonly stdin: NodeJS.ReadStream;
	readonly stdout: NodeJS.WriteStream;
	readonly stderr: NodeJS.WriteStream;
	readonly now: () => number;
};

const USAGE_ERROR = 2;

function usageError(io: MainIo, message: string): number {
	io.stderr.write(`llmmon: ${message}\n`);
	return USAGE_ERROR;
}

type Parsed = {readonly command: Command; readonly flags: RawFlags; readonly files: readonly string[]};

/** meow does the parsing; the argv has been checked and normalised first, so it cannot fail here. */
function parseWithMeow(command: Command, argv: readonly string[]): Parsed {
	const top = meow(HELP_TEXT, {importMeta: import.meta, argv: [command, ...argv], commands: [...COMMANDS], allowUnknownFlags: false, description: false, flags: {}});
	const sub = meow(HELP_TEXT, {
		importMeta: import.meta,
		argv: top.input,
		flags: meowFlagsFor(command),
		allowUnknownFlags: false,
		description: false,
		autoHelp: false,
		autoVersion: false,
		// Booleans not given stay undefined, so "--no-backfill" and "not given" differ.
		booleanDefault: undefined,
	});
	const flags: Record<string, string | boolean> = {};
	for (const [key, value] of Object.entries(sub.flags)) {
		if (typeof value === 'string' || typeof value === 'boolean') {
			flags[key] = value;
		}
	}

	return {command, flags: flags as RawFlags, files: sub.input.map(String)};
}

type Prepared = {readonly ok: true; readonly settings: Settings; readonly prices: PriceInput} | {readonly ok: false; readonly error: string};

function prepare(parsed: Parsed, io: MainIo): Prepared {
	const configPath = typeof parsed.flags.config === 'string' ? parsed.flags.config : undefined;
	let configFile: {path: string; data: unknown} | null = null;
	if (configPath !== undefined) {
		const loaded = readJsonFile(configPath, `--config ${configPath}`);
		if (!loaded.ok) {
			return loaded;
		}

		configFile = {path: configPath, data: loaded.value};
	}

	const resolved = resolveConfig({
		command: parsed.command,
		flags: parsed.flags,
		files: parsed.files,
		configFile,
		systemTz: systemTimeZone(),
		stdinIsTty: io.stdin.isTTY === true,
	});
	if (!resolved.ok) {
		return {ok: false, error: resolved.errors[0] ?? 'invalid settings'};
	}

	const {settings} = resolved;
	if (!settings.follow) {
		const files = checkInputFiles(settings.files);
		if (!files.ok) {
			return files;
		}
	}

	if (settings.rejectLog !== null) {
		const writable = checkWritableFile(settings.rejectLog, `--reject-log ${settings.rejectLog}`);
		if (!writable.ok) {
			return writable;
		}
	}

	let file: PriceInput['file'] = null;
	if (settings.pricesFile !== null) {
		const loaded = readJsonFile(settings.pricesFile, `--prices ${settings.pricesFile}`);
		if (!loaded.ok) {
			return loaded;
		}

		file = {name: settings.pricesFile, data: loaded.value};
	}

	return {ok: true, settings, prices: {file, configName: configPath === undefined ? null : `--config ${configPath}`}};
}

export async function main(io: MainIo): Promise<number> {
	const check = checkArgv(io.argv);
	if (check.kind === 'error') {
		return usageError(io, check.message);
	}

	if (check.kind === 'help' || check.kind === 'version') {
		const cli = meow(HELP_TEXT, {importMeta: import.meta, argv: [], description: false, flags: {}});
		io.stdout.write(check.kind === 'help' ? `${cli.help}\n` : `${cli.pkg.version ?? '0.0.0'}\n`);
		return 0;
	}

	const parsed = parseWithMeow(check.command, check.argv);
	const prepared = prepare(parsed, io);
	if (!prepared.ok) {
		return usageError(io, prepared.error);
	}

	const {settings} = prepared;
	if (settings.command === 'demo') {
		const {runDemo} = await import('./cli/run-demo.js');
		return runDemo(settings, {stdout: io.stdout, now: io.now});
	}

	const built = buildMonitorConfig(settings, prepared.prices);
	if (!built.ok) {
		return usageError(io, built.error);
	}

	for (const warning of built.warnings) {
		io.stderr.write(`llmmon: ${warning}\n`);
	}

	if (settings.command === 'report') {
		const {runReport} = await import('./cli/run-report.js');
		return runReport(settings, built.config, io);
	}

	const {runWatch} = await import('./cli/run-watch.js');
	return runWatch(settings, built.config, io);
}

/** Entry used by bin.ts. */
export async function run(): Promise<void> {
	try {
		process.exitCode = await main({argv: process.argv.slice(2), stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, now: Date.now});
	} catch (error) {
		process.stderr.write(`llmmon: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exitCode = 1;
		// Whatever was already started (a timer, /dev/tty) must not keep a failed run alive.
		setTimeout(() => process.exit(1), 1000).unref();
	}
}
