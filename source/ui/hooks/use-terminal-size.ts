import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export type TerminalSize = {readonly columns: number; readonly rows: number};

export const DEFAULT_TERMINAL_SIZE: TerminalSize = {columns: 80, rows: 24};

function dimension(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

/** Pipes and test streams have no rows (and sometimes no columns): fall back to 80×24. */
export function readTerminalSize(stream: {readonly columns?: number; readonly rows?: number}): TerminalSize {
	return {
		columns: dimension(stream.columns, DEFAULT_TERMINAL_SIZE.columns),
		rows: dimension(stream.rows, DEFAULT_TERMINAL_SIZE.rows),
	};
}

/**
 * Ink 6.8 has no useWindowSize and ignores 'resize' under CI, so the size is read here.
 * `override` forces a size (tests, fixed-size renders).
 */
export function useTerminalSize(override?: TerminalSize): TerminalSize {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => readTerminalSize(stdout));

	useEffect(() => {
		const onResize = (): void => {
			const next = readTerminalSize(stdout);
			setSize(previous => (previous.columns === next.columns && previous.rows === next.rows ? previous : next));
		};
		onResize();
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);

	return override ?? size;
}
