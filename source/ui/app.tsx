import {Box} from 'ink';
import {useMemo} from 'react';
import type {MonitorStore} from '../store/create-monitor-store.js';
import {selectKeys, selectUi} from '../store/selectors.js';
import {Body} from './body.js';
import {Footer} from './footer.js';
import {Header} from './header.js';
import {useKeymap} from './hooks/use-keymap.js';
import {MonitorStoreContext, useMonitor} from './hooks/use-monitor.js';
import {useTerminalSize, type TerminalSize} from './hooks/use-terminal-size.js';
import {computeLayout} from './layout.js';
import {HelpOverlay} from './panels/help-overlay.js';
import {RejectsOverlay} from './panels/rejects-overlay.js';

export type Properties = {
	readonly store: MonitorStore;
	/** Forces the terminal size (tests); otherwise it follows stdout and its 'resize' events. */
	readonly size?: TerminalSize;
};

function Dashboard({size}: {readonly size?: TerminalSize}) {
	const {columns, rows} = useTerminalSize(size);
	const ui = useMonitor(selectUi);
	const keys = useMonitor(selectKeys);
	const keysActive = useKeymap(keys.available);
	const layout = useMemo(() => computeLayout({columns, rows}), [columns, rows]);
	let body = <Body rows={layout.body} focus={ui.focus} width={layout.columns} height={layout.bodyHeight} />;
	if (ui.helpOpen) body = <HelpOverlay width={layout.columns} height={layout.bodyHeight} />;
	else if (ui.rejectsOpen) body = <RejectsOverlay width={layout.columns} height={layout.bodyHeight} />;
	return (
		<Box flexDirection="column" width={layout.columns} height={layout.frameHeight} overflow="hidden">
			<Header width={layout.columns} height={layout.headerHeight} keysActive={keysActive} />
			{layout.bodyHeight > 0 ? body : null}
			{layout.footerHeight > 0 ? <Footer width={layout.columns} keysActive={keysActive} /> : null}
		</Box>
	);
}

/** The dashboard root: the store goes into context, the layout follows the terminal size. */
export function App({store, size}: Properties) {
	return (
		<MonitorStoreContext.Provider value={store}>
			<Dashboard size={size} />
		</MonitorStoreContext.Provider>
	);
}
