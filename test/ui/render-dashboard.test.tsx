import {describe, expect, it} from 'vitest';
import {renderDashboard} from '../../source/ui/render-dashboard.js';
import {fullSnapshot} from '../helpers/snapshot-fixture.js';
import {FakeStdin, FakeStdout, KEYS, settle, storeWith} from '../helpers/render.js';

function mount() {
	const store = storeWith(fullSnapshot());
	const stdin = new FakeStdin(true);
	const stdout = new FakeStdout(100, 30);
	let quits = 0;
	const dashboard = renderDashboard({
		store,
		stdin: stdin as unknown as NodeJS.ReadStream,
		stdout: stdout as unknown as NodeJS.WriteStream,
		onQuit: () => quits++,
	});
	return {store, stdin, stdout, dashboard, quits: () => quits};
}

describe('renderDashboard', () => {
	it('q exits the app and calls onQuit once', async () => {
		const {stdin, dashboard, store, quits} = mount();
		await settle();
		stdin.write('q');
		await dashboard.waitUntilExit();
		await settle();
		expect(store.getState().ui.quitRequested).toBe(true);
		expect(quits()).toBe(1);
		dashboard.unmount();
		expect(quits()).toBe(1);
	});

	it('Ctrl-C exits through Ink and calls onQuit', async () => {
		const {stdin, dashboard, quits} = mount();
		await settle();
		stdin.write(KEYS.ctrlC);
		await dashboard.waitUntilExit();
		await settle();
		expect(quits()).toBe(1);
	});

	it('an unmount by the owner ends the app without calling onQuit', async () => {
		const {dashboard, quits} = mount();
		await settle();
		dashboard.unmount();
		await dashboard.waitUntilExit();
		await settle();
		expect(quits()).toBe(0);
	});

	it('draws the dashboard on the given stdout', async () => {
		const {dashboard, stdout} = mount();
		await settle();
		dashboard.unmount();
		await dashboard.waitUntilExit();
		expect(stdout.frames.join('')).toContain('Performance');
	});
});
