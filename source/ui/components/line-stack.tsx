import {Box, Text} from 'ink';
import type {ReactElement} from 'react';
import {composeText, type ComposedLine, type Piece} from './composed-line.js';
import type {TextStyle} from './ink-styles.js';
import {TextBlock} from './text-block.js';

/** One line of a stack: composed when it can be, and the element Ink would lay out otherwise. */
export type Line = {
	readonly key: string;
	readonly composed: ComposedLine | null;
	/** A line in two parts: `composed` is drawn from the left edge, this from the stack's `splitAt`. */
	readonly right?: ComposedLine;
	/** The line as Ink lays it out: drawn when it is not composed. */
	readonly element: () => ReactElement;
};

/** <Text wrap="truncate-end" {...style}> with the pieces as nested texts, as a Line `width` columns wide. */
export function textLine(key: string, pieces: readonly Piece[], style: TextStyle, width: number): Line {
	return {
		key,
		composed: composeText(pieces, style, width),
		element: () => (
			<Text key={key} wrap="truncate-end" {...style}>
				{pieces.map((piece, index) =>
					piece.style === undefined ? (
						piece.text
					) : (
						<Text key={index} {...piece.style}>
							{piece.text}
						</Text>
					),
				)}
			</Text>
		),
	};
}

export type Properties = {
	readonly lines: readonly Line[];
	/** Where the right parts of split lines start, in columns from the left edge. */
	readonly splitAt?: number;
};

type ComposedEntry = Line & {readonly composed: ComposedLine};

function isComposed(line: Line): line is ComposedEntry {
	return line.composed !== null;
}

/** A run of composed lines as one TextBlock; a run of split lines as two, side by side. */
function drawRun(run: readonly ComposedEntry[], splitAt: number): ReactElement {
	const key = `lines:${run[0]?.key ?? ''}`;
	const left = run.map(line => line.composed);
	const right = run.flatMap(line => (line.right === undefined ? [] : [line.right]));
	if (right.length === 0) return <TextBlock key={key} lines={left} />;
	return (
		<Box key={key} height={run.length} flexShrink={0}>
			<Box width={splitAt} flexShrink={0}>
				<TextBlock lines={left} />
			</Box>
			<TextBlock lines={right} />
		</Box>
	);
}

/**
 * The lines one under the other: runs of composed lines as TextBlocks, the others as Ink elements.
 * Split lines leave the blank columns between their two parts undrawn (Ink's output pass tokenises
 * every character it is given, blanks too).
 */
export function LineStack({lines, splitAt = 0}: Properties) {
	const out: ReactElement[] = [];
	let run: ComposedEntry[] = [];
	const flush = (): void => {
		if (run.length > 0) out.push(drawRun(run, splitAt));
		run = [];
	};
	for (const line of lines) {
		if (!isComposed(line)) {
			flush();
			out.push(line.element());
			continue;
		}
		// A run is all split or all whole: both kinds in one would need a right part for every line.
		if (run.length > 0 && (run[0]?.right === undefined) !== (line.right === undefined)) flush();
		run.push(line);
	}
	flush();
	return <>{out}</>;
}
