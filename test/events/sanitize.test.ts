import {describe, expect, it} from 'vitest';
import {UNSAFE_MARKER, isSafeText, sanitizeText, truncateText} from '../../source/events/sanitize.js';

// Anything a terminal could interpret: C0, DEL, C1, bidi/format controls, lone surrogates.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

function expectInert(input: string): string {
	const out = sanitizeText(input);
	expect(out).not.toMatch(CONTROL);
	expect(out).not.toBe(input);
	// One placeholder per replaced UTF-16 unit.
	expect(out.length).toBe(input.length);
	return out;
}

describe('sanitizeText', () => {
	it('returns the very same string when nothing needs replacing', () => {
		const s = 'support-bot gpt-4o → 1.2 s ✓ 日本語 🙂';
		expect(sanitizeText(s)).toBe(s);
		expect(isSafeText(s)).toBe(true);
		expect(sanitizeText('')).toBe('');
	});

	it('turns ESC[2J (clear screen) into visible control pictures', () => {
		expect(expectInert('\u001b[2Jgpt')).toBe('\u241b[2Jgpt');
	});

	it('neutralises an OSC 52 clipboard write (ESC ] 52 ; … BEL)', () => {
		const out = expectInert('\u001b]52;c;ZWNobyBwd25lZA==\u0007');
		expect(out).toBe('\u241b]52;c;ZWNobyBwd25lZA==\u2407');
	});

	it('neutralises an 8-bit CSI (C1 0x9B) and other C1 controls', () => {
		expect(expectInert('\u009b31mred')).toBe(`${UNSAFE_MARKER}31mred`);
		expect(expectInert('a\u0080b\u009fc')).toBe(`a${UNSAFE_MARKER}b${UNSAFE_MARKER}c`);
	});

	it('neutralises bidi overrides and isolates (Trojan Source)', () => {
		const input = 'admin\u202E\u2066 //evil\u2069\u202C';
		expect(expectInert(input)).toBe(`admin${UNSAFE_MARKER.repeat(2)} //evil${UNSAFE_MARKER.repeat(2)}`);
		for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
			expect(sanitizeText(c)).toBe(UNSAFE_MARKER);
		}
	});

	it('maps NUL, TAB, CR, LF to control pictures and DEL to ␡', () => {
		expect(expectInert('a\u0000b')).toBe('a\u2400b');
		expect(expectInert('a\tb\r\nc')).toBe('a\u2409b\u240d\u240ac');
		expect(expectInert('x\u007f')).toBe('x\u2421');
		expect(expectInert('\u001f')).toBe('\u241f');
	});

	it('replaces lone surrogates but keeps valid pairs', () => {
		expect(expectInert('a\ud800b')).toBe(`a${UNSAFE_MARKER}b`);
		expect(expectInert('a\udc00')).toBe(`a${UNSAFE_MARKER}`);
		expect(sanitizeText('🙂\u001b')).toBe('🙂\u241b');
	});

	it('covers every C0 code point', () => {
		for (let code = 0; code < 0x20; code++) {
			expect(sanitizeText(String.fromCharCode(code))).toBe(String.fromCharCode(0x2400 + code));
		}
	});
});

describe('truncateText', () => {
	it('keeps short strings as they are', () => {
		const s = 'abc';
		expect(truncateText(s, 3)).toBe(s);
		expect(truncateText(s, 10)).toBe(s);
	});

	it('caps at maxChars including the ellipsis', () => {
		// 10 chars into 5: 4 kept + '…'.
		expect(truncateText('abcdefghij', 5)).toBe('abcd…');
		expect(truncateText('abcdefghij', 1)).toBe('…');
		expect(truncateText('abcdefghij', 0)).toBe('');
	});

	it('never splits a surrogate pair', () => {
		// 'ab' + '🙂' (2 units) + 'cd': cutting at 4 would keep 'ab' + a lone high surrogate.
		expect(truncateText('ab🙂cd', 4)).toBe('ab…');
		expect(truncateText('ab🙂cd', 5)).toBe('ab🙂…');
	});
});
