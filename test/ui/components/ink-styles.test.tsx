import {Text, Transform} from 'ink';
import {describe, expect, it} from 'vitest';
import {canStyle, styleText, type TextStyle} from '../../../source/ui/components/ink-styles.js';
import {renderInk} from '../../helpers/render.js';

/** The string Ink's <Text {...style}> hands on for `text`, before its output pass: whatever its chalk writes. */
function inkText(text: string, style: TextStyle): string {
	let seen = '';
	const rendered = renderInk(
		<Transform
			transform={line => {
				seen = line;
				return line;
			}}
		>
			<Text {...style}>{text}</Text>
		</Transform>,
	);
	rendered.unmount();
	return seen;
}

const STYLES: readonly TextStyle[] = [
	{},
	{bold: true},
	{dimColor: true},
	{color: 'gray'},
	{bold: true, color: 'red'},
	{dimColor: true, color: 'cyan'},
	{bold: true, dimColor: true},
	{bold: true, inverse: true, color: 'yellow'},
	{inverse: true},
];

describe('styleText', () => {
	// This file runs at the test environment's colour level (none when stdout is not a terminal);
	// composed-lines.test.tsx runs with colour forced on.
	it('writes what Ink writes for the same text and style, at any colour level', () => {
		for (const style of STYLES) {
			expect(styleText('850ms', style), JSON.stringify(style)).toBe(inkText('850ms', style));
		}
	});

	it('re-opens a style after an inner text closes it, as chalk does', () => {
		const inner = styleText('x', {dimColor: true});
		expect(styleText(`a${inner}b`, {bold: true})).toBe(inkText(`a${inner}b`, {bold: true}));
	});

	it('composes only the colours it has codes for', () => {
		expect(canStyle({color: 'gray', bold: true})).toBe(true);
		expect(canStyle({color: '#ff8800'})).toBe(false);
		expect(canStyle({color: 'redBright'})).toBe(false);
	});
});
