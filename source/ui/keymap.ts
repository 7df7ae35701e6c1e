// The one table of keys: dispatch, the help overlay, the footer key bar and the README's
// "Keys" section all come from here, so they cannot disagree.
import {DEFAULT_WINDOWS_S} from '../store/create-monitor-store.js';
import {formatWindow} from './format.js';

export type Command =
	| 'quit'
	| 'help'
	| 'pause'
	| 'cycleWindow'
	| 'focusNext'
	| 'focusPrev'
	| 'sortFeatures'
	| 'rejects'
	| 'closeOverlay';

export type KeyBinding = {
	readonly command: Command;
	/** Key ids: a printable character, or `tab`, `shift+tab`, `escape`, `ctrl+<letter>`. */
	readonly keys: readonly string[];
	/** One word for the footer key bar. */
	readonly label: string;
	/** One sentence for the help overlay and the README. */
	readonly description: string;
};

export const KEYMAP: readonly KeyBinding[] = [
	{command: 'quit', keys: ['q', 'ctrl+c'], label: 'quit', description: 'Quit llmmon.'},
	{command: 'help', keys: ['?'], label: 'help', description: 'Show or hide this help.'},
	{
		command: 'pause',
		keys: ['p'],
		label: 'pause',
		description: 'Freeze the screen; new lines are counted as "+N new".',
	},
	{
		command: 'cycleWindow',
		keys: ['w'],
		label: 'window',
		description: `Cycle the sliding window (${DEFAULT_WINDOWS_S.map(w => formatWindow(w)).join(', ')}).`,
	},
	{command: 'focusNext', keys: ['tab'], label: 'next', description: 'Move focus to the next panel.'},
	{command: 'focusPrev', keys: ['shift+tab'], label: 'prev', description: 'Move focus to the previous panel.'},
	{command: 'sortFeatures', keys: ['s'], label: 'sort', description: 'Sort top features by cost or by ROI.'},
	{command: 'rejects', keys: ['r'], label: 'rejects', description: 'Show or hide recently rejected lines.'},
	{command: 'closeOverlay', keys: ['escape'], label: 'close', description: 'Close the help or rejects overlay.'},
];

const KEY_NAMES: Readonly<Record<string, string>> = {
	tab: 'Tab',
	'shift+tab': 'Shift-Tab',
	escape: 'Esc',
};

/** How a key id is written for people: `ctrl+c` → "Ctrl-C", `shift+tab` → "Shift-Tab". */
export function keyLabel(key: string): string {
	const named = KEY_NAMES[key];
	if (named !== undefined) return named;
	if (key.startsWith('ctrl+')) return `Ctrl-${key.slice(5).toUpperCase()}`;
	return key;
}

/** All keys of a binding for display: "q / Ctrl-C". */
export function bindingKeys(binding: KeyBinding): string {
	return binding.keys.map(keyLabel).join(' / ');
}

/** The subset of Ink's Key that dispatch looks at. */
export type KeyState = {
	readonly tab?: boolean;
	readonly shift?: boolean;
	readonly escape?: boolean;
	readonly ctrl?: boolean;
};

/** The key id for one Ink input event, or undefined for keys the table never names. */
export function keyId(input: string, key: KeyState): string | undefined {
	if (key.tab) return key.shift ? 'shift+tab' : 'tab';
	if (key.escape) return 'escape';
	if (key.ctrl) return input.length === 1 ? `ctrl+${input.toLowerCase()}` : undefined;
	return input.length === 1 ? input : undefined;
}

const BY_KEY: ReadonlyMap<string, Command> = new Map(
	KEYMAP.flatMap(binding => binding.keys.map(key => [key, binding.command] as const)),
);

/** Maps an Ink `useInput` event to a command. */
export function commandForInput(input: string, key: KeyState): Command | undefined {
	const id = keyId(input, key);
	return id === undefined ? undefined : BY_KEY.get(id);
}

/**
 * Every command in one input event. Keys typed quickly, auto-repeat and a laggy SSH link deliver
 * several characters in one read ("ww"): each character counts, as in any terminal program.
 */
export function commandsForInput(input: string, key: KeyState): Command[] {
	const single = commandForInput(input, key);
	if (single !== undefined) return [single];
	if (key.ctrl || key.tab || key.escape || input.length < 2) return [];
	return [...input].flatMap(character => {
		const command = BY_KEY.get(character);
		return command === undefined ? [] : [command];
	});
}

/** The "Keys" table for the README; a test checks the README against it. */
export function keymapMarkdown(): string {
	const rows = KEYMAP.map(binding => {
		const keys = binding.keys.map(key => `\`${keyLabel(key)}\``).join(', ');
		return `| ${keys} | ${binding.description} |`;
	});
	return ['| Key | Action |', '| --- | --- |', ...rows].join('\n');
}

/** Bindings shown in the footer (closing an overlay is only hinted inside the overlay). */
export const FOOTER_BINDINGS: readonly KeyBinding[] = KEYMAP.filter(binding => binding.command !== 'closeOverlay');
