// Known spend per epoch minute over the last hour: a fixed ring, so the burn rate costs O(1) memory
// however fast calls arrive.
const MINUTE_MS = 60_000;
// 61 minutes can be touched by an hour window that does not start on a minute; one spare slot.
const SLOTS = 62;

export class MinuteSpendRing {
	private readonly minutes = new Float64Array(SLOTS).fill(Number.NEGATIVE_INFINITY);
	private readonly spend = new Float64Array(SLOTS);

	add(ts: number, usd: number): void {
		if (!Number.isFinite(ts) || !Number.isFinite(usd)) return;
		const minute = Math.floor(ts / MINUTE_MS);
		const slot = ((minute % SLOTS) + SLOTS) % SLOTS;
		const held = this.minutes[slot] ?? Number.NEGATIVE_INFINITY;
		if (held === minute) {
			this.spend[slot] = (this.spend[slot] ?? 0) + usd;
		} else if (minute > held) {
			this.minutes[slot] = minute;
			this.spend[slot] = usd;
		}
		// else: older than the ring reaches; it cannot be inside any future burn window.
	}

	/** Spend in the whole minutes from the one containing `from` to the one containing `to`. */
	sum(from: number, to: number): number {
		const first = Math.floor(from / MINUTE_MS);
		const last = Math.floor(to / MINUTE_MS);
		let total = 0;
		for (let slot = 0; slot < SLOTS; slot++) {
			const minute = this.minutes[slot] ?? Number.NEGATIVE_INFINITY;
			if (minute >= first && minute <= last) total += this.spend[slot] ?? 0;
		}
		return total;
	}
}
