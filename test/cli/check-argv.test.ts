import {describe, expect, it} from 'vitest';
import {checkArgv} from '../../source/cli/check-argv.js';

describe('checkArgv', () => {
	it('normalises flags to --name=value and moves files after --', () => {
		expect(checkArgv(['watch', 'a.ndjson', '--tz', 'UTC', '--budget=5', '-f', 'b.ndjson'])).toEqual({
			kind: 'run',
			command: 'watch',
			argv: ['--tz=UTC', '--budget=5', '--follow', '--', 'a.ndjson', 'b.ndjson'],
		});
	});

	it('accepts camelCase spellings and --no- for booleans', () => {
		expect(checkArgv(['demo', '--no-backfill', '--rate', '5'])).toEqual({kind: 'run', command: 'demo', argv: ['--no-backfill', '--rate=5']});
		expect(checkArgv(['watch', '--dayStart', '06:00', '--demo'])).toEqual({kind: 'run', command: 'watch', argv: ['--day-start=06:00', '--demo']});
	});

	it('keeps - as stdin and everything after -- as files', () => {
		expect(checkArgv(['report', '-', '--', '--json'])).toEqual({kind: 'run', command: 'report', argv: ['--', '-', '--json']});
	});

	it('lets a negative number through as a value so the range check can name it', () => {
		expect(checkArgv(['watch', '--budget', '-5'])).toEqual({kind: 'run', command: 'watch', argv: ['--budget=-5']});
	});

	it('answers --help and --version anywhere before --', () => {
		expect(checkArgv(['--help'])).toEqual({kind: 'help'});
		expect(checkArgv(['watch', '--tz', 'UTC', '--help'])).toEqual({kind: 'help'});
		expect(checkArgv(['--version'])).toEqual({kind: 'version'});
		expect(checkArgv(['report', '--', '--help'])).toMatchObject({kind: 'run'});
	});

	it.each([
		[[], 'missing command: watch, report or demo (see llmmon --help)'],
		[['--tz', 'UTC'], 'missing command before --tz: watch, report or demo (see llmmon --help)'],
		[['wach'], 'unknown command "wach": use watch, report or demo (see llmmon --help)'],
		[['watch', '--frobnicate'], 'unknown option --frobnicate (see llmmon --help)'],
		[['watch', '-x'], 'unknown option -x (see llmmon --help)'],
		[['watch', '--json'], '--json is not an option of watch (it is for report)'],
		[['report', '--demo'], '--demo is not an option of report (it is for watch)'],
		[['watch', '--tz'], '--tz needs a value'],
		[['watch', '--tz', '--plain'], '--tz needs a value'],
		[['watch', '--plain=yes'], '--plain takes no value (got "yes")'],
		[['watch', '--tz', 'UTC', '--tz', 'Europe/Paris'], '--tz is given more than once'],
		[['watch', '--no-tz'], 'unknown option --no-tz (see llmmon --help)'],
	])('%j → one-line error', (argv, message) => {
		expect(checkArgv(argv)).toEqual({kind: 'error', message});
	});
});
