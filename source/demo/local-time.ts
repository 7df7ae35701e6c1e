// Local hour and weekday in a zone, for shaping the demo's daily traffic curve.

export type LocalTimeReader = {
	at(ms: number): {readonly hour: number; readonly weekend: boolean};
};

export function createLocalTimeReader(tz: string): LocalTimeReader {
	let format: Intl.DateTimeFormat;
	try {
		format = new Intl.DateTimeFormat('en-US', {timeZone: tz, hour: 'numeric', hourCycle: 'h23', weekday: 'short'});
	} catch {
		// An unknown zone is the caller's error to report; the demo falls back to UTC rather than throwing.
		format = new Intl.DateTimeFormat('en-US', {timeZone: 'UTC', hour: 'numeric', hourCycle: 'h23', weekday: 'short'});
	}

	return {
		at(ms) {
			let hour = 0;
			let weekday = '';
			for (const part of format.formatToParts(new Date(ms))) {
				if (part.type === 'hour') {
					hour = Number(part.value) % 24;
				} else if (part.type === 'weekday') {
					weekday = part.value;
				}
			}

			return {hour, weekend: weekday === 'Sat' || weekday === 'Sun'};
		},
	};
}
