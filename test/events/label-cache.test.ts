import {describe, expect, it} from 'vitest';
import {internLabel, sanitizeRepeated} from '../../source/events/label-cache.js';
import {sanitizeText} from '../../source/events/sanitize.js';

// Enough distinct texts that many share a cache slot, some of them unsafe.
function texts(): string[] {
	const out = ['', 'a', 'openai', 'gpt-4o-mini', 'x'.repeat(128), 'x'.repeat(129), `${'y'.repeat(300)}\u001b`];
	for (let i = 0; i < 600; i++) {
		const unsafe = i % 7 === 0 ? '\u001b[2J' : i % 11 === 0 ? '\u202e' : '';
		out.push(`label-${i}${unsafe}`, `${i}${'m'.repeat(i % 40)}${unsafe}`);
	}
	return out;
}

describe('label and repeated-text caches', () => {
	it('give sanitizeText’s answer for every text, in any order and on every pass', () => {
		const all = texts();
		const orders = [all, [...all].reverse(), all.filter((_, i) => i % 3 === 0), all];
		for (const order of orders) {
			for (const text of order) {
				// A fresh copy, as JSON.parse hands over: equal text, another string object.
				const fresh = JSON.parse(JSON.stringify(text)) as string;
				expect(internLabel(fresh)).toBe(sanitizeText(text));
				expect(sanitizeRepeated(fresh)).toBe(sanitizeText(text));
			}
		}
	});

	it('an unsafe text never comes back raw after its safe-looking neighbour', () => {
		for (let pass = 0; pass < 3; pass++) {
			expect(internLabel('svc')).toBe('svc');
			expect(internLabel('svc\u0007')).toBe('svc\u2407');
			expect(sanitizeRepeated('/api/a')).toBe('/api/a');
			expect(sanitizeRepeated('/api/a\u0085')).toBe('/api/a\u2426');
		}
	});
});
