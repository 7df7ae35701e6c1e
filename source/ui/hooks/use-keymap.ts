import {useApp, useInput, useStdin, type Key} from 'ink';
import {useCallback} from 'react';
import type {MonitorActions} from '../../store/create-monitor-store.js';
import {commandsForInput, type Command} from '../keymap.js';
import {useMonitorStore} from './use-monitor.js';

/** Runs one command against the store; `exit` ends the Ink app. */
export function runCommand(command: Command, actions: MonitorActions, exit: () => void): void {
	switch (command) {
		case 'quit': {
			actions.requestQuit();
			exit();
			break;
		}
		case 'help': {
			actions.toggleHelp();
			break;
		}
		case 'rejects': {
			actions.toggleRejects();
			break;
		}
		case 'closeOverlay': {
			actions.closeOverlays();
			break;
		}
		case 'pause': {
			actions.togglePause();
			break;
		}
		case 'cycleWindow': {
			actions.cycleWindow();
			break;
		}
		case 'focusNext': {
			actions.focusNext();
			break;
		}
		case 'focusPrev': {
			actions.focusPrev();
			break;
		}
		case 'sortFeatures': {
			actions.toggleFeatureSort();
			break;
		}
	}
}

/**
 * The app's only useInput (a second one that mounts and unmounts can hang Ink 6.8, ink#943).
 * Returns whether keys are live: they need a terminal the caller says is there and raw mode.
 */
export function useKeymap(available: boolean): boolean {
	const store = useMonitorStore();
	const {exit} = useApp();
	const {isRawModeSupported} = useStdin();
	const active = available && isRawModeSupported;
	const onInput = useCallback(
		(input: string, key: Key) => {
			for (const command of commandsForInput(input, key)) {
				runCommand(command, store.getState().actions, () => exit());
				if (command === 'quit') break;
			}
		},
		[store, exit],
	);
	useInput(onInput, {isActive: active});
	return active;
}
