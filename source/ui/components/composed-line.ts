// Lines composed as strings, so that a run of them is one Ink node (TextBlock) rather than boxes and
// nested texts: React, Yoga and Ink's output pass all pay per node, and a 160×50 frame had several
// hundred. Only text whose characters are all known to be one column wide is composed; anything else
// is left for Ink to lay out, so widths are never guessed.
import {canStyle, styleText, type TextStyle} from './ink-styles.js';

export type ComposedLine = {
	/** The line as Ink would draw it: the styled texts, spaces between them, none after the last. */
	readonly text: string;
	/** What Ink's screen-reader output says for the line ('' for nothing). */
	readonly spoken: string;
};

/** A run of text with its style: a nested <Text {...style}> in Ink terms, or a bare string. */
export type Piece = {readonly text: string; readonly style?: TextStyle};

// Characters known to take exactly one column in one UTF-16 unit: printable ASCII plus the
// symbols the formatters and panels use. Anything else (wide or combining characters, emoji)
// must go through Ink's own measuring.
const NARROW_SYMBOLS = new Set([...'—≥×…✗▼▲·│█░▁▂▃▄▅▆▇⚠✓▶○●■']);

/** True when every character of `text` is one column wide and one UTF-16 unit long. */
export function isNarrow(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0x20 && code < 0x7f) continue;
		if (!NARROW_SYMBOLS.has(text.charAt(i))) return false;
	}

	return true;
}

/** What Ink's `truncate-end` makes of a narrow text in `width` columns. */
export function truncateNarrow(text: string, width: number): string {
	if (text.length <= width) return text;
	if (width < 1) return '';
	return width === 1 ? '…' : `${text.slice(0, width - 1)}…`;
}

/**
 * Pieces cut to `width` as `truncate-end` cuts them (cli-truncate): the characters up to width − 1,
 * then "…" in the style of the last character kept; at width 1 a bare "…".
 */
function cutPieces(pieces: readonly Piece[], length: number, width: number): readonly Piece[] {
	if (length <= width) return pieces;
	if (width === 1) return [{text: '…'}];
	const cut: Piece[] = [];
	let room = width - 1;
	for (const piece of pieces) {
		if (room === 0) break;
		if (piece.text === '') continue;
		const text = piece.text.length <= room ? piece.text : piece.text.slice(0, room);
		room -= text.length;
		cut.push({text, ...(piece.style === undefined ? {} : {style: piece.style})});
	}

	const last = cut.pop();
	if (last !== undefined) cut.push({...last, text: `${last.text}…`});
	return cut;
}

function styled(pieces: readonly Piece[]): string {
	let out = '';
	for (const piece of pieces) out += piece.style === undefined ? piece.text : styleText(piece.text, piece.style);
	return out;
}

/**
 * The line <Text wrap="truncate-end" {...style}>{pieces}</Text> draws in `width` columns. Null when a
 * piece is not narrow or a style cannot be composed, when the text is empty (Ink gives it no line at
 * all) and when there is no column to draw in.
 */
export function composeText(pieces: readonly Piece[], style: TextStyle, width: number): ComposedLine | null {
	if (width < 1 || !canStyle(style)) return null;
	let length = 0;
	for (const piece of pieces) {
		if (!isNarrow(piece.text) || (piece.style !== undefined && !canStyle(piece.style))) return null;
		length += piece.text.length;
	}

	if (length === 0) return null;
	// A screen reader hears the nested texts' styles but neither the text's own style nor the cut.
	return {text: styleText(styled(cutPieces(pieces, length, width)), style), spoken: styled(pieces)};
}
