// Runs the BUILT command line (dist/bin.js; `npm test` builds before vitest) as a child process.
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = path.join(REPO_ROOT, 'dist', 'bin.js');

export type CliResult = {
	readonly code: number | null;
	readonly signal: NodeJS.Signals | null;
	readonly stdout: string;
	readonly stderr: string;
};

export type RunOptions = {
	/** Written to stdin, which is then closed; without it stdin is /dev/null. */
	readonly input?: string | Buffer;
	readonly env?: Readonly<Record<string, string | undefined>>;
	readonly timeoutMs?: number;
};

/** The child's environment: no CI (Ink reads it), no colour, plus `extra`. */
export function childEnv(extra: Readonly<Record<string, string | undefined>> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'};
	delete env.CI;
	delete env.CONTINUOUS_INTEGRATION;
	for (const [key, value] of Object.entries(extra)) {
		if (value === undefined) {
			delete env[key];
		} else {
			env[key] = value;
		}
	}

	return env;
}

function collect(command: string, args: readonly string[], options: RunOptions): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: REPO_ROOT,
			env: childEnv(options.env),
			stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
		});
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
		child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`timed out: ${command} ${args.join(' ')}\nstderr: ${Buffer.concat(err).toString()}`));
		}, options.timeoutMs ?? 15_000);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8')});
		});
		if (options.input !== undefined && child.stdin) {
			child.stdin.on('error', () => {});
			child.stdin.end(options.input);
		}
	});
}

/** `node dist/bin.js ...args` */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
	return collect(process.execPath, [BIN, ...args], options);
}

/** A bash command line (for pipelines) with `pipefail`, run from the repository root; the shell function `llmmon` runs the built CLI. */
export function runShell(script: string, options: RunOptions = {}): Promise<CliResult> {
	const env = {...options.env, LLMMON_NODE: process.execPath, LLMMON_BIN: BIN};
	return collect('bash', ['-o', 'pipefail', '-c', `llmmon() { "$LLMMON_NODE" "$LLMMON_BIN" "$@"; }\n${script}`], {...options, env});
}

export type TempDir = {readonly dir: string; write(name: string, content: string | Buffer): string; remove(): void};

export function tempDir(prefix = 'llmmon-test-'): TempDir {
	const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
	return {
		dir,
		write(name, content) {
			const file = path.join(dir, name);
			writeFileSync(file, content);
			return file;
		},
		remove() {
			rmSync(dir, {recursive: true, force: true});
		},
	};
}
