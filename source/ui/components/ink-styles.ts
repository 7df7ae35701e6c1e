// Text that is composed as a string (see TextBlock) must carry the escape codes Ink's <Text> would
// have written for it. Ink styles through its own chalk, whose level comes from the terminal, TERM and
// FORCE_COLOR, and may be 0 (no codes at all, not even bold). That level is not guessed: Ink is asked,
// once, whether a bold text comes out with an escape code. This runs when the module loads, because
// Ink cannot render a second tree from inside a render.
import {renderToString, Text} from 'ink';
import {createElement} from 'react';

export type TextStyle = {
	readonly bold?: boolean;
	readonly dimColor?: boolean;
	/** An Ink colour name, as theme.color() gives it. */
	readonly color?: string;
	readonly inverse?: boolean;
};

const INK_WRITES_STYLES = renderToString(createElement(Text, {bold: true}, 'x')) !== 'x';

// ansi-styles' codes for chalk's named colours. Chalk writes these 16-colour codes at every level
// above 0; a colour missing here (a hex value, a bright variant) is left for Ink to draw.
const COLOR_CODES: Readonly<Record<string, string>> = {
	red: '\u001B[31m',
	green: '\u001B[32m',
	yellow: '\u001B[33m',
	blue: '\u001B[34m',
	magenta: '\u001B[35m',
	cyan: '\u001B[36m',
	gray: '\u001B[90m',
};

const BOLD = '\u001B[1m';
const DIM = '\u001B[2m';
// Ends bold and dim alike.
const NORMAL_INTENSITY = '\u001B[22m';
const DEFAULT_COLOR = '\u001B[39m';
const INVERSE = '\u001B[7m';
const NOT_INVERSE = '\u001B[27m';

/** Whether styleText can write this style exactly as Ink would. */
export function canStyle(style: TextStyle): boolean {
	return style.color === undefined || COLOR_CODES[style.color] !== undefined;
}

/** One chalk style around `text`: a close code already inside is followed by a re-open, as chalk does. */
function wrap(text: string, open: string, close: string): string {
	const inner = text.includes('\u001B') ? text.split(close).join(close + open) : text;
	return `${open}${inner}${close}`;
}

/**
 * `text` exactly as <Text bold dimColor color inverse> writes it: the styles applied in the order of
 * Ink's Text transform (dim, then colour, then bold, then inverse around all), each the way chalk
 * applies it.
 */
export function styleText(text: string, style: TextStyle): string {
	if (!INK_WRITES_STYLES || text === '') return text;
	let out = text;
	if (style.dimColor === true) out = wrap(out, DIM, NORMAL_INTENSITY);
	const color = style.color === undefined ? undefined : COLOR_CODES[style.color];
	if (color !== undefined) out = wrap(out, color, DEFAULT_COLOR);
	if (style.bold === true) out = wrap(out, BOLD, NORMAL_INTENSITY);
	if (style.inverse === true) out = wrap(out, INVERSE, NOT_INVERSE);
	return out;
}
