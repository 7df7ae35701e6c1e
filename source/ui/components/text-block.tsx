// Composed lines (composed-line.ts) drawn as one Ink text node. Ink measures and lays out a text node
// by its children, so the children are a fixed placeholder, one blank per line: Yoga sees the same
// text every frame and never measures it again, and Ink's measure cache, which keeps every text it has
// measured (vadimdemedes/ink#986), gains nothing from lines whose numbers change on every frame. The
// lines themselves come in through the transform, which Ink applies to each line as it draws it, by
// index: counted from the first line drawn, which is the block's first as long as the block does not
// start above the box that clips it (every block here starts inside its parent box).
import {Transform, useIsScreenReaderEnabled} from 'ink';
import type {ComposedLine} from './composed-line.js';

export type Properties = {readonly lines: readonly ComposedLine[]};

/** What a screen reader hears: Ink speaks the label instead of the children, and skips empty lines. */
function spokenLines(lines: readonly ComposedLine[]): string {
	return lines
		.map(line => line.spoken)
		.filter(spoken => spoken !== '')
		.join('\n');
}

export function TextBlock({lines}: Properties) {
	const screenReader = useIsScreenReaderEnabled();
	const label = screenReader ? spokenLines(lines) : undefined;
	if (lines.length === 0 || label === '') return null;
	const transform = (_placeholder: string, index: number): string => lines[index]?.text ?? '';
	return (
		<Transform transform={transform} accessibilityLabel={label}>
			{`${' \n'.repeat(lines.length - 1)} `}
		</Transform>
	);
}
