// Dashboard or plain lines. Ink needs a terminal to draw on; anything else (a pipe, a file, --plain)
// gets the plain reporter, never Ink's erase codes (ink-notes P7).

export type OutputMode = 'tui' | 'plain';

export function resolveMode(options: {readonly stdoutIsTty: boolean; readonly plain: boolean}): OutputMode {
	return options.stdoutIsTty && !options.plain ? 'tui' : 'plain';
}
