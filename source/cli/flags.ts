// Every option llmmon accepts, which commands take it, and its meow type. One table drives the argv
// check, the meow parse and the help test, so they cannot disagree.

export const COMMANDS = ['watch', 'report', 'demo'] as const;
export type Command = (typeof COMMANDS)[number];

export type FlagName =
	| 'window'
	| 'tz'
	| 'dayStart'
	| 'budget'
	| 'monthlyBudget'
	| 'prices'
	| 'config'
	| 'rejectLog'
	| 'plain'
	| 'singleThread'
	| 'follow'
	| 'demo'
	| 'json'
	| 'at'
	| 'rate'
	| 'seed'
	| 'duration'
	| 'backfill';

export type FlagSpec = {
	readonly name: FlagName;
	/** As typed on the command line. */
	readonly cli: string;
	readonly type: 'string' | 'boolean';
	readonly shortFlag?: string;
	readonly commands: readonly Command[];
};

const WATCH_REPORT: readonly Command[] = ['watch', 'report'];

export const FLAGS: readonly FlagSpec[] = [
	{name: 'window', cli: 'window', type: 'string', commands: WATCH_REPORT},
	{name: 'tz', cli: 'tz', type: 'string', commands: ['watch', 'report', 'demo']},
	{name: 'dayStart', cli: 'day-start', type: 'string', commands: WATCH_REPORT},
	{name: 'budget', cli: 'budget', type: 'string', commands: WATCH_REPORT},
	{name: 'monthlyBudget', cli: 'monthly-budget', type: 'string', commands: WATCH_REPORT},
	{name: 'prices', cli: 'prices', type: 'string', commands: WATCH_REPORT},
	{name: 'config', cli: 'config', type: 'string', commands: WATCH_REPORT},
	{name: 'rejectLog', cli: 'reject-log', type: 'string', commands: WATCH_REPORT},
	{name: 'plain', cli: 'plain', type: 'boolean', commands: ['watch']},
	{name: 'singleThread', cli: 'single-thread', type: 'boolean', commands: WATCH_REPORT},
	{name: 'follow', cli: 'follow', type: 'boolean', shortFlag: 'f', commands: ['watch']},
	{name: 'demo', cli: 'demo', type: 'boolean', commands: ['watch']},
	{name: 'json', cli: 'json', type: 'boolean', commands: ['report']},
	{name: 'at', cli: 'at', type: 'string', commands: ['report']},
	{name: 'rate', cli: 'rate', type: 'string', commands: ['watch', 'demo']},
	{name: 'seed', cli: 'seed', type: 'string', commands: ['watch', 'demo']},
	{name: 'duration', cli: 'duration', type: 'string', commands: ['demo']},
	{name: 'backfill', cli: 'backfill', type: 'boolean', commands: ['demo']},
];

export type RawFlags = {readonly [K in FlagName]?: string | boolean};

/** The meow `flags` option for one command. */
export function meowFlagsFor(command: Command): Record<string, {type: 'string' | 'boolean'; shortFlag?: string}> {
	const flags: Record<string, {type: 'string' | 'boolean'; shortFlag?: string}> = {};
	for (const spec of FLAGS) {
		if (spec.commands.includes(command)) {
			flags[spec.name] = spec.shortFlag === undefined ? {type: spec.type} : {type: spec.type, shortFlag: spec.shortFlag};
		}
	}

	return flags;
}
