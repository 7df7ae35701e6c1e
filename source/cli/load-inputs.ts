// The file reads behind the flags (config, prices, inputs, reject log), each turned into one
// `llmmon:`-ready message when it fails, so bad paths exit 2 before anything starts.
import fs from 'node:fs';
import path from 'node:path';

export type Loaded<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly error: string};

function describeError(error: unknown): string {
	const code = (error as {code?: unknown} | null)?.code;
	if (code === 'ENOENT') {
		return 'no such file';
	}

	if (code === 'EACCES' || code === 'EPERM') {
		return 'permission denied';
	}

	if (code === 'EISDIR') {
		return 'is a directory';
	}

	return error instanceof Error ? error.message : String(error);
}

/** Reads and parses a JSON file; `label` names the flag in messages (`--config cfg.json`). */
export function readJsonFile(file: string, label: string): Loaded<unknown> {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (error) {
		return {ok: false, error: `${label}: cannot read (${describeError(error)})`};
	}

	try {
		return {ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown};
	} catch (error) {
		// One line on stderr, whatever the parser's message looks like.
		const detail = (error instanceof Error ? error.message : String(error)).replaceAll(/\s+/g, ' ').trim();
		return {ok: false, error: `${label}: not valid JSON (${detail})`};
	}
}

/** Every named input file must be a readable regular file (or a FIFO) unless it is '-'. */
export function checkInputFiles(files: readonly string[]): Loaded<true> {
	for (const file of files) {
		if (file === '-') {
			continue;
		}

		try {
			const stat = fs.statSync(file);
			if (stat.isDirectory()) {
				return {ok: false, error: `FILE ${file}: is a directory`};
			}

			fs.accessSync(file, fs.constants.R_OK);
		} catch (error) {
			return {ok: false, error: `FILE ${file}: cannot read (${describeError(error)})`};
		}
	}

	return {ok: true, value: true};
}

/** The reject log is appended to; its folder must exist and be writable, and it must not be a folder itself. */
export function checkWritableFile(file: string, label: string): Loaded<true> {
	try {
		if (fs.existsSync(file)) {
			if (fs.statSync(file).isDirectory()) {
				return {ok: false, error: `${label}: is a directory`};
			}

			fs.accessSync(file, fs.constants.W_OK);
		} else {
			fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK);
		}
	} catch (error) {
		return {ok: false, error: `${label}: cannot write (${describeError(error)})`};
	}

	return {ok: true, value: true};
}

/** The zone this machine is set to, as Intl sees it. */
export function systemTimeZone(): string {
	try {
		return Intl.DateTimeFormat().resolvedOptions().timeZone;
	} catch {
		return 'UTC';
	}
}
