import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

// The one-direction layer rule (README "Architecture"), checked on every import in source/.
const sourceRoot = fileURLToPath(new URL('../source/', import.meta.url));

type Rule = {
	/** Layers this layer may import from (relative imports). */
	readonly layers: readonly string[];
	/** Layers it may import from only with `import type`. */
	readonly typeOnlyLayers?: readonly string[];
	/** Package specifiers allowed (prefix match); node: builtins need 'node:'. */
	readonly packages: readonly string[];
	/** Reading the wall clock is forbidden in pure layers: time is injected. */
	readonly pure?: boolean;
};

const rules: Record<string, Rule> = {
	events: {layers: ['events'], packages: [], pure: true},
	domain: {layers: ['domain', 'events'], packages: [], pure: true},
	ingest: {layers: ['ingest', 'events'], packages: ['node:', 'ws']},
	store: {layers: ['store', 'domain', 'events'], packages: ['zustand/vanilla']},
	ui: {
		layers: ['ui', 'store', 'events'],
		typeOnlyLayers: ['domain'],
		packages: ['react', 'ink', 'zustand'],
	},
};

function listFiles(dir: string): string[] {
	return readdirSync(dir).flatMap(name => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return listFiles(full);
		return /\.(ts|tsx)$/.test(name) ? [full] : [];
	});
}

type ImportUse = {readonly specifier: string; readonly typeOnly: boolean};

function importsOf(text: string): ImportUse[] {
	const found: ImportUse[] = [];
	const statement = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm;
	for (const match of text.matchAll(statement)) {
		found.push({specifier: match[3]!, typeOnly: match[2] !== undefined});
	}

	for (const match of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push({specifier: match[1]!, typeOnly: false});
	for (const match of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({specifier: match[1]!, typeOnly: false});
	return found;
}

function layerOf(file: string): string {
	return path.relative(sourceRoot, file).split(path.sep)[0]!;
}

function checkFile(file: string, text: string): string[] {
	const problems: string[] = [];
	const layer = layerOf(file);
	const rule = rules[layer];
	if (rule === undefined) return problems;
	const where = path.relative(sourceRoot, file);
	for (const {specifier, typeOnly} of importsOf(text)) {
		if (specifier.startsWith('.')) {
			const target = layerOf(path.resolve(path.dirname(file), specifier));
			const allowed = rule.layers.includes(target) || (typeOnly && (rule.typeOnlyLayers ?? []).includes(target));
			if (!allowed) problems.push(`${where}: ${layer} must not import ${typeOnly ? 'type from ' : ''}${target} (${specifier})`);
		} else if (!rule.packages.some(allowedPackage => specifier === allowedPackage || specifier.startsWith(allowedPackage.endsWith(':') ? allowedPackage : `${allowedPackage}/`))) {
			problems.push(`${where}: ${layer} must not import package ${specifier}`);
		}
	}

	if (rule.pure === true) {
		const code = text.replaceAll(/\/\/.*$/gm, '');
		if (/Date\.now\(|new Date\(\)|performance\.now\(|process\.|setTimeout\(|setInterval\(/.test(code)) {
			problems.push(`${where}: ${layer} is pure: no clock reads, timers or process access (inject them)`);
		}
	}

	return problems;
}

function violations(): string[] {
	return listFiles(sourceRoot).flatMap(file => checkFile(file, readFileSync(file, 'utf8')));
}

describe('layering', () => {
	it('every import in source/ follows the one-direction layer rule', () => {
		expect(violations()).toEqual([]);
	});

	it('the checker itself catches forbidden imports and clock reads', () => {
		const domainFile = path.join(sourceRoot, 'domain', 'example.ts');
		expect(checkFile(domainFile, `import {render} from 'ink';\nimport {x} from '../ingest/x.js';\nconst t = Date.now();`)).toEqual([
			'domain/example.ts: domain must not import package ink',
			'domain/example.ts: domain must not import ingest (../ingest/x.js)',
			'domain/example.ts: domain is pure: no clock reads, timers or process access (inject them)',
		]);
		const uiFile = path.join(sourceRoot, 'ui', 'example.tsx');
		expect(checkFile(uiFile, `import type {A} from '../domain/a.js';\nimport {B} from '../domain/b.js';`)).toEqual([
			'ui/example.tsx: ui must not import domain (../domain/b.js)',
		]);
	});
});
