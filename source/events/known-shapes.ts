// The `unknown_field:<name>` warnings of an event's top-level keys, remembered per key order.
// JSON.parse gives objects of one shape the same (internalised) key strings in the same order, so
// following a line's keys down a trie of the orders already met is a pointer compare or two per
// key instead of a Set lookup, however many optional-field combinations the senders use, and a
// sender that always adds the same extra field costs no string building either.
import type {FieldReader, WireObject} from './field-reader.js';
import {sanitizeText, truncateText} from './sanitize.js';

export const MAX_UNKNOWN_FIELD_WARNINGS = 8;
const MAX_UNKNOWN_NAME_CHARS = 64;

// Bound the memory a stream of ever-new key orders can take: the trie restarts when full, and
// longer key lists are never remembered.
const MAX_SHAPE_NODES = 4096;
const MAX_REMEMBERED_KEYS = 128;

type ShapeNode = {
	readonly key: string;
	/** First child (a key that may follow this one); the child's alternatives follow via `sibling`. */
	child: ShapeNode | undefined;
	readonly sibling: ShapeNode | undefined;
	/** Set where a met key order ends: the warnings it gives (usually none). */
	warnings: readonly string[] | undefined;
};

const NO_WARNINGS: readonly string[] = Object.freeze([]);

function newRoot(): ShapeNode {
	return {key: '', child: undefined, sibling: undefined, warnings: undefined};
}

/** The top-level fields one event type knows. */
export class KnownShapes {
	private root = newRoot();
	private nodes = 0;

	constructor(readonly known: ReadonlySet<string>) {}

	/** Warns `unknown_field:<name>` for top-level keys the type does not know (at most a few per event). */
	check(r: FieldReader, obj: WireObject): void {
		let node: ShapeNode | undefined = this.root;
		for (const key in obj) {
			let next: ShapeNode | undefined = node.child;
			while (next !== undefined && next.key !== key) next = next.sibling;
			node = next;
			if (node === undefined) break;
		}
		const warnings = node?.warnings ?? this.learn(obj);
		for (let i = 0; i < warnings.length; i++) r.warn(warnings[i]!);
	}

	private learn(obj: WireObject): readonly string[] {
		const keys: string[] = [];
		const found: string[] = [];
		for (const key in obj) {
			keys.push(key);
			if (this.known.has(key) || found.length === MAX_UNKNOWN_FIELD_WARNINGS) continue;
			found.push('unknown_field:' + sanitizeText(truncateText(key, MAX_UNKNOWN_NAME_CHARS)));
		}
		const warnings = found.length === 0 ? NO_WARNINGS : Object.freeze(found);
		if (keys.length <= MAX_REMEMBERED_KEYS) this.remember(keys, warnings);
		return warnings;
	}

	private remember(keys: readonly string[], warnings: readonly string[]): void {
		if (this.nodes + keys.length > MAX_SHAPE_NODES) {
			this.root = newRoot();
			this.nodes = 0;
		}
		let node = this.root;
		for (const key of keys) {
			let next = node.child;
			while (next !== undefined && next.key !== key) next = next.sibling;
			if (next === undefined) {
				next = {key, child: undefined, sibling: node.child, warnings: undefined};
				node.child = next;
				this.nodes++;
			}
			node = next;
		}
		node.warnings = warnings;
	}
}
