import {describe, expect, it} from 'vitest';
import {mulberry32} from '../../source/demo/prng.js';
import {hashText} from '../../source/domain/text-hash.js';
import {TraceTable} from '../../source/domain/trace-table.js';

type Entry = {traceId: string; hash: number};

describe('TraceTable', () => {
	it('finds, adds and deletes entries like a Map, through growth and deletions', () => {
		const random = mulberry32(3);
		const table = new TraceTable<Entry>();
		const reference = new Map<string, Entry>();
		for (let step = 0; step < 20_000; step++) {
			const traceId = `t${Math.floor(random() * 3000)}`;
			// A few hashes collide on purpose (long probe runs, shifts across them).
			const hash = random() < 0.1 ? 7 : hashText(traceId);
			const known = reference.get(traceId);
			if (known === undefined) {
				const entry = {traceId, hash};
				table.add(entry);
				reference.set(traceId, entry);
			} else if (random() < 0.5) {
				table.delete(known);
				reference.delete(traceId);
			}

			if (step % 97 === 0) {
				expect(table.size).toBe(reference.size);
				for (const [id, entry] of reference) expect(table.get(id, entry.hash)).toBe(entry);
				expect(table.get('absent', hashText('absent'))).toBeUndefined();
			}
		}
	});

	it('tells entries with the same hash apart by id', () => {
		const table = new TraceTable<Entry>();
		const a = {traceId: 'a', hash: 42};
		const b = {traceId: 'b', hash: 42};
		table.add(a);
		table.add(b);
		expect(table.get('a', 42)).toBe(a);
		expect(table.get('b', 42)).toBe(b);
		table.delete(a);
		expect(table.get('a', 42)).toBeUndefined();
		expect(table.get('b', 42)).toBe(b);
		expect(table.size).toBe(1);
	});
});
