import {describe, it, expect} from 'vitest';
import {IdDeduper} from '../../source/domain/dedupe.js';

describe('IdDeduper', () => {
	it('reports a key seen before', () => {
		const dedupe = new IdDeduper();
		expect(dedupe.seen('a')).toBe(false);
		expect(dedupe.seen('b')).toBe(false);
		expect(dedupe.seen('a')).toBe(true);
		expect(dedupe.size).toBe(2);
	});

	it('forgets the oldest keys first beyond its capacity', () => {
		const dedupe = new IdDeduper(3);
		for (const key of ['a', 'b', 'c']) expect(dedupe.seen(key)).toBe(false);
		expect(dedupe.seen('a')).toBe(true); // still held; a repeat does not refresh it
		expect(dedupe.seen('d')).toBe(false); // evicts a → {b, c, d}
		expect(dedupe.seen('a')).toBe(false); // evicts b → {c, d, a}
		expect(dedupe.seen('c')).toBe(true);
		expect(dedupe.seen('b')).toBe(false); // evicts c → {d, a, b}
		expect(dedupe.seen('c')).toBe(false); // evicts d
		expect(dedupe.size).toBe(3);
		expect(dedupe.evicted).toBe(4);
	});

	it('stays bounded on an endless stream and tolerates a bad capacity', () => {
		const dedupe = new IdDeduper(1_000);
		for (let index = 0; index < 50_000; index++) dedupe.seen(`id-${index}`);
		expect(dedupe.size).toBe(1_000);
		expect(dedupe.seen('id-49999')).toBe(true);
		expect(dedupe.seen('id-48999')).toBe(false); // 1 001 keys back: forgotten
		expect(new IdDeduper(0).capacity).toBe(100_000);
		expect(new IdDeduper(Number.NaN).capacity).toBe(100_000);
	});

	it('keeps an id apart per kind, in one first-seen order across kinds', () => {
		const dedupe = new IdDeduper(3);
		expect(dedupe.seen('7', 'revenue')).toBe(false);
		expect(dedupe.seen('7', 'score')).toBe(false);
		expect(dedupe.seen('7', 'revenue')).toBe(true);
		expect(dedupe.seen('8', 'revenue')).toBe(false);
		expect(dedupe.seen('9', 'span')).toBe(false); // evicts revenue 7 → {score 7, revenue 8, span 9}
		expect(dedupe.seen('7', 'score')).toBe(true);
		expect(dedupe.seen('7', 'revenue')).toBe(false); // evicts score 7
		expect(dedupe.seen('7', 'score')).toBe(false);
		expect(dedupe.size).toBe(3);
		expect(dedupe.evicted).toBe(3);
	});
});
