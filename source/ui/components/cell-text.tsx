// One table cell drawn as a single text node without a box of its own, its padding as empty boxes.
// A box and a text per cell made Ink lay out and draw twice the nodes; one text per whole row would
// be cheaper still, but Ink 6.8 keeps every distinct text it ever measured (measure-text.js has an
// unbounded cache, vadimdemedes/ink#986): a row's text is new on nearly every frame, while a cell's
// value comes from a far smaller set ("850ms", "—"), so the cache grows much more slowly.
import {Box, Text} from 'ink';
import {memo, type ReactNode} from 'react';

export type Piece = {
	readonly text: string;
	readonly bold?: boolean;
	readonly dimColor?: boolean;
	readonly color?: string;
};

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

function isStyled(piece: Piece): boolean {
	return piece.bold === true || piece.dimColor === true || piece.color !== undefined;
}

export type CellProperties = {
	/** Blank columns before the text (the gap to the previous cell and, right-aligned, the padding). */
	readonly before: number;
	/** The cell's text in pieces, narrow characters only (see isNarrow), fitted to the column. */
	readonly pieces: readonly Piece[];
	/** Blank columns after the text (left-aligned padding). */
	readonly after: number;
};

function samePieces(a: readonly Piece[], b: readonly Piece[]): boolean {
	if (a.length !== b.length) return false;
	for (let index = 0; index < a.length; index++) {
		const x = a[index]!;
		const y = b[index]!;
		if (x.text !== y.text || x.bold !== y.bold || x.dimColor !== y.dimColor || x.color !== y.color) return false;
	}

	return true;
}

/**
 * One cell: blank columns as empty boxes (nothing to draw: Ink tokenises every character it
 * writes, spaces included, at about 1.5 µs each) and the text as one text node, styled pieces as
 * nested Text. The characters and styles on screen are those of a box-and-text cell. Unchanged
 * cells (most of them from one frame to the next) are not rendered again.
 */
export const CellText = memo(
	function CellText({before, pieces, after}: CellProperties) {
		const children: ReactNode[] = [];
		let plain = '';
		for (let index = 0; index < pieces.length; index++) {
			const piece = pieces[index]!;
			if (!isStyled(piece)) {
				plain += piece.text;
				continue;
			}

			if (plain !== '') children.push(plain);
			plain = '';
			children.push(
				<Text key={index} bold={piece.bold === true} dimColor={piece.dimColor === true} color={piece.color}>
					{piece.text}
				</Text>,
			);
		}

		if (plain !== '') children.push(plain);
		return (
			<>
				{before > 0 ? <Box width={before} flexShrink={0} /> : null}
				{children.length > 0 ? <Text>{children}</Text> : null}
				{after > 0 ? <Box width={after} flexShrink={0} /> : null}
			</>
		);
	},
	(previous, next) => previous.before === next.before && previous.after === next.after && samePieces(previous.pieces, next.pieces),
);
