import type {PanelMode} from '../layout.js';

/** What the layout gives every panel; panels read their data from the store themselves. */
export type PanelProperties = {
	readonly width: number;
	readonly height: number;
	readonly focused: boolean;
	readonly mode: PanelMode;
};

/** Rows inside a full panel and columns inside its border. */
export function innerSize(width: number, height: number): {readonly width: number; readonly height: number} {
	return {width: Math.max(0, width - 2), height: Math.max(0, height - 3)};
}

export const WAITING = 'waiting for data…';
