// String hashes for the hand-made hash tables of the trace store and the call index.

const FNV_PRIME = 0x01_00_01_93;

/** Murmur3's finaliser: every input bit reaches every output bit, so `hash & mask` is a fair position. */
export function finishHash(hash: number): number {
	let h = hash ^ (hash >>> 16);
	h = Math.imul(h, 0x85_eb_ca_6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2_b2_ae_35);
	return h ^ (h >>> 16);
}

/**
 * A 32-bit hash of the UTF-16 units: FNV-1a in two lanes (even and odd units), which halves the
 * multiply chain that bounds a one-lane FNV, then finished.
 */
export function hashText(text: string): number {
	let even = 0x81_1c_9d_c5;
	let odd = 0x5b_d1_e9_95;
	const last = text.length - 1;
	let index = 0;
	for (; index < last; index += 2) {
		even = Math.imul(even ^ text.charCodeAt(index), FNV_PRIME);
		odd = Math.imul(odd ^ text.charCodeAt(index + 1), FNV_PRIME);
	}

	if (index === last) even = Math.imul(even ^ text.charCodeAt(index), FNV_PRIME);
	return finishHash(even ^ Math.imul(odd ^ text.length, 0x9e_37_79_b1));
}
