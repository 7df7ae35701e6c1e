// Number formatting for alert messages. A value is printed with enough decimals to differ from its
// threshold, so a message never reads "5.0% > 5.0%".

/** Formats `value` and `threshold` with the fewest decimals (from `min`, up to 4) that tell them apart. */
export function formatPair(value: number, threshold: number, min: number, format: (n: number, decimals: number) => string): [string, string] {
	let decimals = min;
	let a = format(value, decimals);
	let b = format(threshold, decimals);
	while (a === b && value !== threshold && decimals < 4) {
		decimals++;
		a = format(value, decimals);
		b = format(threshold, decimals);
	}

	return [a, b];
}

export function percent(ratio: number, decimals: number): string {
	return `${(ratio * 100).toFixed(decimals)}%`;
}

/** Milliseconds under a second, seconds above. */
export function duration(ms: number, decimals: number): string {
	return ms < 1000 ? `${ms.toFixed(Math.max(0, decimals - 1))} ms` : `${(ms / 1000).toFixed(decimals)} s`;
}

export function usd(amount: number): string {
	return `$${amount.toFixed(2)}`;
}

export function plain(n: number, decimals: number): string {
	return n.toFixed(decimals);
}

/** 300 → "5m", 3600 → "1h", 90 → "90s". */
export function windowLabel(seconds: number): string {
	if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600}h`;
	if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60}m`;
	return `${seconds}s`;
}

export function plural(count: number, one: string, many: string): string {
	return `${count} ${count === 1 ? one : many}`;
}
