// Every string that reaches the terminal passes through here first, so no escape sequence
// (CSI, OSC 52 clipboard writes, 8-bit C1 controls) or bidi trick ("Trojan Source") can act on it.

// C0, DEL, C1, Arabic letter mark, LRM/RLM, line/paragraph separators, bidi embeddings,
// overrides and isolates, and lone surrogates (the `u` flag makes valid pairs one code point).
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u;
const UNSAFE_ALL = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/gu;

/** Shown for C1 controls, bidi/format controls and lone surrogates (narrow, not East-Asian ambiguous). */
export const UNSAFE_MARKER = '\u2426';
const DEL_PICTURE = '\u2421';

function picture(ch: string): string {
	const code = ch.charCodeAt(0);
	if (code < 0x20) return String.fromCharCode(0x2400 + code);
	if (code === 0x7f) return DEL_PICTURE;
	return UNSAFE_MARKER;
}

/**
 * Replaces every control or bidi character with a visible one-column placeholder
 * (C0 → Unicode Control Pictures ␀..␟, DEL → ␡, everything else → ␦). Each replaced
 * UTF-16 unit becomes exactly one unit, so lengths are preserved.
 * Returns the same string when nothing needs replacing.
 */
export function sanitizeText(s: string): string {
	if (!UNSAFE.test(s)) return s;
	return s.replace(UNSAFE_ALL, picture);
}

/** True when `s` holds nothing `sanitizeText` would replace. */
export function isSafeText(s: string): boolean {
	return !UNSAFE.test(s);
}

/** Caps `s` at `maxChars` UTF-16 units including the trailing `…`; never splits a surrogate pair. */
export function truncateText(s: string, maxChars: number): string {
	if (s.length <= maxChars) return s;
	if (!(maxChars >= 1)) return '';
	let cut = maxChars - 1;
	const last = s.charCodeAt(cut - 1);
	if (cut > 0 && last >= 0xd800 && last <= 0xdbff) cut--;
	return s.slice(0, cut) + '…';
}
