// The bench input: seeded demo traffic (calls, scores, spans, revenue) as one NDJSON buffer, with
// timestamps ending now so every event lands inside the Monitor's windows.
import {createDemoGenerator} from '../demo/generator.js';

export type BenchInput = {
	readonly buffer: Buffer;
	readonly lines: number;
	readonly byType: Readonly<Record<string, number>>;
};

const RATE_PER_S = 1000;

export function generateBenchInput(lineCount: number, nowMs: number, seed = 42): BenchInput {
	const spanS = Math.ceil(lineCount / RATE_PER_S) + 1;
	const start = nowMs - spanS * 1000;
	const generator = createDemoGenerator({seed, ratePerS: RATE_PER_S, liveStartMs: start, tz: 'UTC'});
	const lines: string[] = [];
	// One second at a time: the generator skips anything more than 5 s behind.
	for (let t = start + 1000; lines.length < lineCount && t <= nowMs; t += 1000) {
		for (const line of generator.live(t)) {
			if (lines.length < lineCount) {
				lines.push(line);
			}
		}
	}

	const byType: Record<string, number> = {};
	for (const line of lines) {
		const type = /"type":"([a-z_]+)"/.exec(line)?.[1] ?? 'unknown';
		byType[type] = (byType[type] ?? 0) + 1;
	}

	return {buffer: Buffer.from(`${lines.join('\n')}\n`, 'utf8'), lines: lines.length, byType};
}
