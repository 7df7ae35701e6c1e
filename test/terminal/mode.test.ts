import {describe, expect, it} from 'vitest';
import {resolveMode} from '../../source/terminal/mode.js';

describe('resolveMode', () => {
	it.each([
		[true, false, 'tui'],
		[true, true, 'plain'],
		[false, false, 'plain'],
		[false, true, 'plain'],
	] as const)('stdout TTY %s, --plain %s → %s', (stdoutIsTty, plain, mode) => {
		expect(resolveMode({stdoutIsTty, plain})).toBe(mode);
	});
});
