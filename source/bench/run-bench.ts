// `npm run bench`: llmmon's ingest against the bare JSON.parse ceiling, in one process, on the same
// seeded input (performance.md §7–§8). Prints events/s for both, their ratio (goal ≥ 0.45), the frame
// rate the real dashboard delivered meanwhile (goal ≥ 9.5 fps) and memory after 5 M events.
import os from 'node:os';
import process from 'node:process';

// React must be in production mode before it loads (dev builds leak, performance.md §5).
process.env.NODE_ENV ??= 'production';

const {runBench} = await import('./bench-core.js');
// Sizes can be changed for a quick look: LLMMON_BENCH_LINES, LLMMON_BENCH_EVENTS, LLMMON_BENCH_MAX_S.
await runBench({
	// 120 000 lines (39 MB) hold 26 000 calls: more call ids than the call index keeps, so passes
	// after the first do not find their ids still remembered (that would not happen live).
	lines: Number(process.env.LLMMON_BENCH_LINES ?? 120_000),
	totalEvents: Number(process.env.LLMMON_BENCH_EVENTS ?? 5_000_000),
	maxSeconds: Number(process.env.LLMMON_BENCH_MAX_S ?? 90),
	cpus: os.cpus().length,
});
