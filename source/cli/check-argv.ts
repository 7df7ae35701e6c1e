// Checks the command line before meow sees it, so every mistake becomes ONE line naming the flag
// (meow's own messages span several lines and exit by themselves). The result is a normalised argv
// (`--name=value`) that meow then parses without ambiguity, e.g. for `--budget -5`.
import {COMMANDS, FLAGS, type Command, type FlagSpec} from './flags.js';

export type ArgvCheck =
	| {readonly kind: 'help'}
	| {readonly kind: 'version'}
	| {readonly kind: 'error'; readonly message: string}
	| {readonly kind: 'run'; readonly command: Command; readonly argv: readonly string[]};

function isCommand(value: string): value is Command {
	return (COMMANDS as readonly string[]).includes(value);
}

function kebab(name: string): string {
	return name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);
}

function findSpec(name: string): FlagSpec | undefined {
	const wanted = kebab(name);
	return FLAGS.find(spec => spec.cli === wanted);
}

function findShort(letter: string): FlagSpec | undefined {
	return FLAGS.find(spec => spec.shortFlag === letter);
}

function owners(spec: FlagSpec): string {
	return spec.commands.join(' and ');
}

const SEE_HELP = 'see llmmon --help';

export function checkArgv(argv: readonly string[]): ArgvCheck {
	const separator = argv.indexOf('--');
	const options = separator === -1 ? argv : argv.slice(0, separator);
	if (options.includes('--help') || options.includes('-h')) {
		return {kind: 'help'};
	}

	if (options.includes('--version')) {
		return {kind: 'version'};
	}

	const first = argv[0];
	if (first === undefined) {
		return {kind: 'error', message: `missing command: watch, report or demo (${SEE_HELP})`};
	}

	if (first === '--' || (first.startsWith('-') && first !== '-')) {
		return {kind: 'error', message: `missing command before ${first}: watch, report or demo (${SEE_HELP})`};
	}

	if (!isCommand(first)) {
		return {kind: 'error', message: `unknown command "${first}": use watch, report or demo (${SEE_HELP})`};
	}

	const command = first;
	const normalised: string[] = [];
	const files: string[] = [];
	const seen = new Set<string>();
	for (let i = 1; i < argv.length; i++) {
		const token = argv[i] ?? '';
		if (token === '--') {
			files.push(...argv.slice(i + 1));
			break;
		}

		if (token === '-' || !token.startsWith('-')) {
			files.push(token);
			continue;
		}

		let spec: FlagSpec | undefined;
		let shown: string;
		let inlineValue: string | undefined;
		let negated = false;
		if (token.startsWith('--')) {
			const eq = token.indexOf('=');
			const name = eq === -1 ? token.slice(2) : token.slice(2, eq);
			inlineValue = eq === -1 ? undefined : token.slice(eq + 1);
			shown = `--${name}`;
			spec = findSpec(name);
			if (spec === undefined && name.startsWith('no-')) {
				const positive = findSpec(name.slice(3));
				if (positive?.type === 'boolean') {
					spec = positive;
					negated = true;
				}
			}
		} else {
			shown = token;
			spec = token.length === 2 ? findShort(token.slice(1)) : undefined;
		}

		if (spec === undefined) {
			return {kind: 'error', message: `unknown option ${shown} (${SEE_HELP})`};
		}

		if (!spec.commands.includes(command)) {
			return {kind: 'error', message: `${shown} is not an option of ${command} (it is for ${owners(spec)})`};
		}

		if (seen.has(spec.name)) {
			return {kind: 'error', message: `--${spec.cli} is given more than once`};
		}

		seen.add(spec.name);
		if (spec.type === 'boolean') {
			if (inlineValue !== undefined) {
				return {kind: 'error', message: `${shown} takes no value (got "${inlineValue}")`};
			}

			normalised.push(negated ? `--no-${spec.cli}` : `--${spec.cli}`);
			continue;
		}

		let value = inlineValue;
		if (value === undefined) {
			const next = argv[i + 1];
			// A value may start with '-' only when it is a number, so `--budget -5` reaches the range check.
			if (next === undefined || next === '--' || (next.startsWith('-') && !/^-\d/.test(next))) {
				return {kind: 'error', message: `${shown} needs a value`};
			}

			value = next;
			i++;
		}

		normalised.push(`--${spec.cli}=${value}`);
	}

	// Files go after `--` so a file named like a flag is still a file.
	return {kind: 'run', command, argv: files.length > 0 ? [...normalised, '--', ...files] : normalised};
}
