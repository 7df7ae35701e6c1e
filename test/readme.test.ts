import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {keymapMarkdown} from '../source/ui/keymap.js';
import {runCli} from './helpers/cli.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The body of the first fenced block after a heading. */
function fencedBlockAfter(heading: string): string {
	const start = readme.indexOf(`\n${heading}\n`);
	expect(start, `README has a "${heading}" heading`).toBeGreaterThan(-1);
	const open = readme.indexOf('```text\n', start);
	const close = readme.indexOf('\n```', open + 8);
	return readme.slice(open + 8, close);
}

/** Trailing spaces and leading/trailing blank lines do not count; indentation does. */
function trimLines(text: string): string {
	return text
		.split('\n')
		.map(line => line.trimEnd())
		.join('\n')
		.replace(/^\n+/, '')
		.replace(/\n+$/, '');
}

describe('README', () => {
	it('quick start is the two commands: the demo dashboard and every test', () => {
		expect(readme).toContain('npm install && npm start');
		expect(readme).toContain('npm install && npm test');
	});

	it('carries `llmmon --help` verbatim', async () => {
		const help = await runCli(['--help']);
		expect(help.code).toBe(0);
		expect(trimLines(fencedBlockAfter('## CLI'))).toBe(trimLines(help.stdout));
	});

	it('lists the keys from the keymap table that drives dispatch and the help overlay', () => {
		expect(readme).toContain(keymapMarkdown());
	});

	it('documents every key of `report --json`', async () => {
		const result = await runCli(['report', '--json', '--tz', 'UTC', 'test/fixtures/events-sample.ndjson']);
		expect(result.code).toBe(0);
		const report = JSON.parse(result.stdout) as Record<string, unknown>;
		const section = readme.slice(readme.indexOf('## `report --json`'), readme.indexOf('\n## ', readme.indexOf('## `report --json`') + 5));
		for (const key of documentedPaths(report)) expect(section, `README documents ${key}`).toContain(`\`${key}\``);
	});
});

/** Dotted key paths of the report down to leaves, with map keys (models, providers, features) as `<name>`. */
function documentedPaths(value: unknown, prefix = ''): string[] {
	if (value === null || typeof value !== 'object') return prefix === '' ? [] : [prefix];
	if (Array.isArray(value)) return [prefix];
	const mapLike = /(by_model|by_provider|by_feature|by_type|by_reason|rejected_by_reason|warnings_by_reason|errors_by_type|samples_by_name)$/.test(prefix);
	const paths: string[] = prefix === '' ? [] : [prefix];
	for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
		if (mapLike) {
			paths.push(`${prefix}.<name>`);
			break;
		}

		paths.push(...documentedPaths(child, prefix === '' ? key : `${prefix}.${key}`));
	}

	return [...new Set(paths)];
}
