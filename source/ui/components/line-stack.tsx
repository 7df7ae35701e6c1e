import {Text} from 'ink';
import type {ReactElement} from 'react';
import {composeText, type ComposedLine, type Piece} from './composed-line.js';
import type {TextStyle} from './ink-styles.js';
import {TextBlock} from './text-block.js';

/** One line of a stack: composed when it can be, and the element Ink would lay out otherwise. */
export type Line = {
	readonly key: string;
	readonly composed: ComposedLine | null;
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

export type Properties = {readonly lines: readonly Line[]};

/** The lines one under the other: each run of composed lines as one TextBlock, the rest as Ink elements. */
export function LineStack({lines}: Properties) {
	const out: ReactElement[] = [];
	let run: ComposedLine[] = [];
	let runKey = '';
	const flush = (): void => {
		if (run.length > 0) out.push(<TextBlock key={`lines:${runKey}`} lines={run} />);
		run = [];
	};
	for (const line of lines) {
		if (line.composed === null) {
			flush();
			out.push(line.element());
			continue;
		}
		if (run.length === 0) runKey = line.key;
		run.push(line.composed);
	}
	flush();
	return <>{out}</>;
}
