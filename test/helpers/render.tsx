// Ink rendering for UI tests. Like ink-testing-library (debug mode: every frame written whole,
// unthrottled), but the fake stdout has the columns *and rows* a test asks for, so the layout
// sees a real terminal size.
import {EventEmitter} from 'node:events';
import {stripVTControlCharacters} from 'node:util';
import {render, type Instance} from 'ink';
import type {ReactElement} from 'react';
import {createMonitorStore, type MonitorStore} from '../../source/store/create-monitor-store.js';
import type {MonitorSnapshot} from '../../source/domain/snapshot-types.js';
import {App} from '../../source/ui/app.js';
import {MonitorStoreContext} from '../../source/ui/hooks/use-monitor.js';

export class FakeStdout extends EventEmitter {
	readonly frames: string[] = [];
	isTTY = true;
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}

	write = (frame: string): boolean => {
		this.frames.push(frame);
		return true;
	};
}

export class FakeStdin extends EventEmitter {
	isTTY: boolean;
	private data: string | null = null;
	constructor(isTTY: boolean) {
		super();
		this.isTTY = isTTY;
	}

	write = (data: string): void => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};

	read = (): string | null => {
		const {data} = this;
		this.data = null;
		return data;
	};

	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}

export type RenderOptions = {
	readonly columns?: number;
	readonly rows?: number;
	/** A stdin that is not a terminal (no raw mode), as when keys are unavailable. */
	readonly stdinIsTTY?: boolean;
	/** Ink's screen-reader output (plain text, no layout) instead of the drawn frame. */
	readonly screenReader?: boolean;
};

export type Rendered = {
	readonly stdin: FakeStdin;
	readonly stdout: FakeStdout;
	readonly instance: Instance;
	/** The last frame as written, escapes included. */
	rawFrame(): string;
	/** The last frame without ANSI styling. */
	frameText(): string;
	/** frameText() split into lines, trailing spaces removed. */
	frameLines(): string[];
	unmount(): void;
};

export function renderInk(node: ReactElement, options: RenderOptions = {}): Rendered {
	const stdout = new FakeStdout(options.columns ?? 100, options.rows ?? 40);
	const stdin = new FakeStdin(options.stdinIsTTY ?? true);
	const instance = render(node, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: new FakeStdout(100, 40) as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
		isScreenReaderEnabled: options.screenReader ?? false,
	});
	const rawFrame = (): string => stdout.frames.at(-1) ?? '';
	const frameText = (): string => stripVTControlCharacters(rawFrame());
	return {
		stdin,
		stdout,
		instance,
		rawFrame,
		frameText,
		frameLines: () => frameText().split('\n').map(line => line.trimEnd()),
		unmount() {
			instance.unmount();
			instance.cleanup();
		},
	};
}

/** The whole dashboard over `store` on a terminal of `columns` × `rows`, or at a forced `size`. */
export function renderApp(store: MonitorStore, options: RenderOptions & {readonly size?: {columns: number; rows: number}} = {}): Rendered {
	return renderInk(<App store={store} size={options.size} />, options);
}

/** `node` (a panel, an overlay) with `store` in context. */
export function renderWithStore(node: ReactElement, store: MonitorStore, options: RenderOptions = {}): Rendered {
	return renderInk(<MonitorStoreContext.Provider value={store}>{node}</MonitorStoreContext.Provider>, options);
}

/** A store that already shows `snapshot` (taken at `lines` lines). */
export function storeWith(snapshot: MonitorSnapshot | null, options: {keysAvailable?: boolean; lines?: number} = {}): MonitorStore {
	const store = createMonitorStore({windowS: 300, keys: options.keysAvailable === false ? {available: false, detail: 'no terminal'} : {available: true}});
	if (snapshot !== null) store.getState().actions.publish(snapshot, options.lines ?? snapshot.ingest.lines);
	return store;
}

/** The first frame line that contains `text`, with runs of spaces collapsed to one. */
export function lineWith(lines: readonly string[], text: string): string | undefined {
	return lines.find(line => line.includes(text))?.replaceAll(/\s+/g, ' ');
}

/** The first line whose content (inside any panel border) starts with `start`, spaces collapsed. */
export function rowStarting(lines: readonly string[], start: string): string | undefined {
	for (const line of lines) {
		for (const cell of line.split(/[│┃]/)) {
			const text = cell.replaceAll(/\s+/g, ' ').trim();
			if (text.startsWith(start)) return text;
		}
	}
	return undefined;
}

/** Lets React flush effects (useInput re-subscribes in a passive effect, ink-notes P8). */
export async function settle(): Promise<void> {
	await new Promise<void>(resolve => {
		setImmediate(() => {
			setTimeout(resolve, 0);
		});
	});
}

/** Types `input` the way a terminal would, with the yields Ink 6 needs before and after. */
export async function press(rendered: Rendered, input: string): Promise<void> {
	await settle();
	rendered.stdin.write(input);
	await settle();
}

export const KEYS = {
	tab: '\t',
	shiftTab: '\u001B[Z',
	escape: '\u001B',
	ctrlC: '\u0003',
} as const;
