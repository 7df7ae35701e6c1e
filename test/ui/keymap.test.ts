import {describe, expect, it} from 'vitest';
import {bindingKeys, commandForInput, commandsForInput, KEYMAP, keyLabel, keymapMarkdown} from '../../source/ui/keymap.js';

describe('keymap', () => {
	it('binds every command of the brief to its keys', () => {
		const table = Object.fromEntries(KEYMAP.map(binding => [binding.command, binding.keys]));
		expect(table).toEqual({
			quit: ['q', 'ctrl+c'],
			help: ['?'],
			pause: ['p'],
			cycleWindow: ['w'],
			focusNext: ['tab'],
			focusPrev: ['shift+tab'],
			sortFeatures: ['s'],
			rejects: ['r'],
			closeOverlay: ['escape'],
		});
	});

	it('never binds one key to two commands', () => {
		const keys = KEYMAP.flatMap(binding => binding.keys);
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('dispatches Ink input events to commands', () => {
		expect(commandForInput('q', {})).toBe('quit');
		expect(commandForInput('c', {ctrl: true})).toBe('quit');
		expect(commandForInput('?', {})).toBe('help');
		expect(commandForInput('', {tab: true})).toBe('focusNext');
		expect(commandForInput('', {tab: true, shift: true})).toBe('focusPrev');
		expect(commandForInput('', {escape: true})).toBe('closeOverlay');
		expect(commandForInput('w', {})).toBe('cycleWindow');
		expect(commandForInput('x', {})).toBeUndefined();
		expect(commandForInput('q', {ctrl: true})).toBeUndefined();
		// A paste arrives as one multi-character input: never a command.
		expect(commandForInput('qq', {})).toBeUndefined();
	});

	it('counts every key of a burst that arrives in one read (fast typing, auto-repeat, laggy SSH)', () => {
		expect(commandsForInput('ww', {})).toEqual(['cycleWindow', 'cycleWindow']);
		expect(commandsForInput('sxw', {})).toEqual(['sortFeatures', 'cycleWindow']);
		expect(commandsForInput('p', {})).toEqual(['pause']);
		expect(commandsForInput('', {tab: true})).toEqual(['focusNext']);
		expect(commandsForInput('xyz', {})).toEqual([]);
		expect(commandsForInput('ww', {ctrl: true})).toEqual([]);
	});

	it('names keys for people', () => {
		expect(keyLabel('ctrl+c')).toBe('Ctrl-C');
		expect(keyLabel('shift+tab')).toBe('Shift-Tab');
		expect(keyLabel('escape')).toBe('Esc');
		expect(bindingKeys(KEYMAP[0]!)).toBe('q / Ctrl-C');
	});

	it('renders a Markdown table with one row per binding', () => {
		const lines = keymapMarkdown().split('\n');
		expect(lines[0]).toBe('| Key | Action |');
		expect(lines).toHaveLength(2 + KEYMAP.length);
		expect(lines).toContain('| `q`, `Ctrl-C` | Quit llmmon. |');
		expect(lines).toContain('| `w` | Cycle the sliding window (1m, 5m, 15m, 1h). |');
	});
});
