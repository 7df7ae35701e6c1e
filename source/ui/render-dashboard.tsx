import {render} from 'ink';
import type {MonitorStore} from '../store/create-monitor-store.js';
import {App} from './app.js';

export type RenderDashboardOptions = {
	readonly store: MonitorStore;
	/** Where keys come from: a tty.ReadStream on /dev/tty when process.stdin carries the events. */
	readonly stdin?: NodeJS.ReadStream;
	readonly stdout?: NodeJS.WriteStream;
	/** Called once when the user ends the dashboard (q or Ctrl-C), not when the owner calls unmount(). */
	readonly onQuit: () => void;
	/**
	 * Ink's line-diff renderer. Off by default: in Ink 6.8.0 it moves the frame down one line on
	 * every render (its cursorUp is one short when the frame ends with a newline), which leaves
	 * stale lines and garbles a full-height dashboard. Seen in tmux; the standard renderer is fine.
	 */
	readonly incrementalRendering?: boolean;
};

export type Dashboard = {
	waitUntilExit(): Promise<void>;
	unmount(): void;
};

export function renderDashboard(options: RenderDashboardOptions): Dashboard {
	const instance = render(<App store={options.store} />, {
		// Ink spreads these over its defaults, so an explicit undefined would erase process.stdin/stdout.
		...(options.stdin === undefined ? {} : {stdin: options.stdin}),
		...(options.stdout === undefined ? {} : {stdout: options.stdout}),
		// Ink's own Ctrl-C handling keeps working even if a key handler is stuck.
		exitOnCtrlC: true,
		// Nothing may print through console while the frame is up (ink-notes P9).
		patchConsole: false,
		incrementalRendering: options.incrementalRendering ?? false,
	});
	let ownerUnmounted = false;
	let quitCalled = false;
	const exited = instance.waitUntilExit().then(() => undefined);
	const onExit = (): void => {
		if (ownerUnmounted || quitCalled) return;
		quitCalled = true;
		options.onQuit();
	};
	exited.then(onExit, onExit);
	return {
		waitUntilExit: () => exited,
		unmount() {
			ownerUnmounted = true;
			instance.unmount();
		},
	};
}
