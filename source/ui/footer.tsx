import {Box} from 'ink';
import {memo} from 'react';
import type {Piece} from './components/composed-line.js';
import {LineStack, textLine} from './components/line-stack.js';
import {bindingKeys, FOOTER_BINDINGS, keyLabel} from './keymap.js';
import {theme} from './theme.js';

export type Properties = {
	readonly width: number;
	readonly keysActive: boolean;
};

function keyPieces(): Piece[] {
	return FOOTER_BINDINGS.flatMap((binding, index) => [
		{text: index > 0 ? '  ' : ''},
		{text: binding.command === 'quit' ? keyLabel(binding.keys[0] ?? 'q') : bindingKeys(binding), style: {bold: true, color: theme.color('accent')}},
		{text: ` ${binding.label}`},
	]);
}

/** The key bar, generated from the keymap table. */
export const Footer = memo(function Footer({width, keysActive}: Properties) {
	const line = keysActive
		? textLine('keys', keyPieces(), {}, width)
		: textLine('keys', [{text: 'keys unavailable: press Ctrl-C to quit'}], {color: theme.color('muted')}, width);
	return (
		<Box width={width} height={1} flexShrink={0} overflow="hidden">
			<LineStack lines={[line]} />
		</Box>
	);
});
