import {Box, Text} from 'ink';
import {Fragment, memo} from 'react';
import {bindingKeys, FOOTER_BINDINGS, keyLabel} from './keymap.js';
import {theme} from './theme.js';

export type Properties = {
	readonly width: number;
	readonly keysActive: boolean;
};

/** The key bar, generated from the keymap table. */
export const Footer = memo(function Footer({width, keysActive}: Properties) {
	return (
		<Box width={width} height={1} flexShrink={0} overflow="hidden">
			{keysActive ? (
				<Text wrap="truncate-end">
					{FOOTER_BINDINGS.map((binding, index) => (
						<Fragment key={binding.command}>
							{index > 0 ? '  ' : ''}
							<Text bold color={theme.color('accent')}>
								{binding.command === 'quit' ? keyLabel(binding.keys[0] ?? 'q') : bindingKeys(binding)}
							</Text>{' '}
							{binding.label}
						</Fragment>
					))}
				</Text>
			) : (
				<Text wrap="truncate-end" color={theme.color('muted')}>
					keys unavailable: press Ctrl-C to quit
				</Text>
			)}
		</Box>
	);
});
