// The built CLI in a real terminal (tmux), with events piped into stdin: the dashboard must draw
// the right numbers inside the screen, and keys must come from the terminal, not from the pipe.
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {BIN, REPO_ROOT, tempDir, type TempDir} from '../helpers/cli.js';

const SOCKET = `llmmon-e2e-${process.pid}-${Date.now()}`;
let temp: TempDir;

function tmux(...args: string[]): string {
	return execFileSync('tmux', ['-f', '/dev/null', '-L', SOCKET, ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
}

function hasSession(name: string): boolean {
	try {
		tmux('has-session', '-t', name);
		return true;
	} catch {
		return false;
	}
}

async function waitFor(what: string, probe: () => boolean, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (probe()) {
			return;
		}

		await new Promise(resolve => setTimeout(resolve, 150));
	}

	throw new Error(`timed out waiting for ${what}`);
}

/** Polls the screen until `ready` holds; the error shows the last screen seen. */
async function waitForScreen(session: string, what: string, ready: (screen: string) => boolean): Promise<string> {
	let screen = '';
	try {
		await waitFor(what, () => {
			screen = tmux('capture-pane', '-p', '-t', session);
			return ready(screen);
		});
	} catch {
		throw new Error(`timed out waiting for ${what}; last screen:\n${screen}`);
	}

	return screen;
}

/**
 * Five calls in the seconds before now (so they sit inside the 5-minute window):
 * latencies 100, 200, 300, 400, 500 ms → p50 = 3rd of 5 = 300 ms, p95 = p99 = 5th = 500 ms;
 * reported costs 0.10 + 0.20 + 0.30 + 0.40 + 0.23 = $1.23 today; no errors → 0.0 %.
 */
function writeFixture(name: string): string {
	const now = Date.now();
	const latencies = [100, 200, 300, 400, 500];
	const costs = [0.1, 0.2, 0.3, 0.4, 0.23];
	const lines = latencies.map((latency, i) =>
		JSON.stringify({v: 1, type: 'llm_call', ts: now - 6000 + i * 1000, provider: 'openai', model: 'gpt-4o', feature: 'chat', latency_ms: latency, input_tokens: 1000, output_tokens: 100, cost_usd: costs[i]}),
	);
	return temp.write(name, `${lines.join('\n')}\n`);
}

function quote(text: string): string {
	return `'${text.replaceAll("'", `'\\''`)}'`;
}

beforeAll(() => {
	temp = tempDir('llmmon-e2e-');
});

afterAll(() => {
	try {
		tmux('kill-server');
	} catch {
		// Already gone: every session ended.
	}

	temp.remove();
});

/** Starts `cat fixture | llmmon watch` in a new tmux session; returns the file its exit status goes to. */
function startWatch(session: string, columns: number, rows: number, environment: string): string {
	const fixture = writeFixture(`${session}.ndjson`);
	const exitFile = path.join(temp.dir, `${session}.exit`);
	// The budget day starts 12 h away from now, so "today" cannot roll over during the test.
	const dayStart = `${String((new Date().getUTCHours() + 12) % 24).padStart(2, '0')}:00`;
	const watch = `cat ${quote(fixture)} | env ${environment} ${quote(process.execPath)} ${quote(BIN)} watch --tz UTC --day-start ${dayStart}`;
	const script = `cd ${quote(REPO_ROOT)} && ${watch}; echo $? > ${quote(exitFile)}`;
	tmux('new-session', '-d', '-s', session, '-x', String(columns), '-y', String(rows), script);
	return exitFile;
}

describe('llmmon watch in a real terminal, events on a pipe', () => {
	it.each([
		[80, 24],
		[160, 48],
	])('draws the numbers at %i×%i without scrolling, pauses on p and quits on q', async (columns, rows) => {
		const session = `watch-${columns}x${rows}`;
		const exitFile = startWatch(session, columns, rows, '-u CI -u CONTINUOUS_INTEGRATION');

		const screen = await waitForScreen(session, 'the panels', text => text.includes('300ms') && text.includes('$1.23') && text.includes('ended'));
		const lines = screen.split('\n');
		// The header is still the first line: the frame never scrolled the screen.
		expect(lines[0]).toMatch(/^llmmon /);
		expect(lines.filter(line => line.trim() !== '').length).toBeLessThanOrEqual(rows - 1);
		expect(lines.every(line => [...line].length <= columns)).toBe(true);
		expect(screen).toMatch(/all\s+5\s+0\.0%\s+300ms\s+500ms\s+500ms/);
		expect(screen).toContain('today $1.23 · 5 calls');
		// End of input does not end the dashboard.
		expect(screen).toMatch(/stdin \S+ ended/);
		expect(hasSession(session)).toBe(true);

		tmux('send-keys', '-t', session, 'p');
		const paused = await waitForScreen(session, 'PAUSED in the header', text => text.split('\n')[0]?.includes('PAUSED') === true);
		expect(paused.split('\n')[0]).toMatch(/^llmmon .*PAUSED/);

		tmux('send-keys', '-t', session, 'q');
		await waitFor('the process to exit', () => existsSync(exitFile) && !hasSession(session));
		expect(readFileSync(exitFile, 'utf8').trim()).toBe('0');
	});

	it('draws live even when CI is set: the bin clears it for a terminal (Ink would print only the last frame)', async () => {
		const session = 'watch-ci';
		const exitFile = startWatch(session, 100, 30, 'CI=true CONTINUOUS_INTEGRATION=1');
		await waitForScreen(session, 'the panels', text => text.includes('300ms') && text.includes('$1.23'));
		expect(hasSession(session)).toBe(true);
		tmux('send-keys', '-t', session, 'q');
		await waitFor('the process to exit', () => existsSync(exitFile) && !hasSession(session));
		expect(readFileSync(exitFile, 'utf8').trim()).toBe('0');
	});
});
