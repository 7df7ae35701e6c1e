import {describe, expect, it} from 'vitest';
import {viewClock} from '../../source/cli/run-watch.js';

const wall = () => 1_000_000;
const recorded = {latestEventTs: 500_000};
const base = {files: ['events.ndjson'], follow: false, readStdin: false, demo: false};

describe('watch view clock', () => {
	it('shows a recording (files read once) at its latest event, like report', () => {
		expect(viewClock(base, recorded, wall)()).toBe(500_000);
	});

	it('falls back to the wall clock before the recording has any event', () => {
		expect(viewClock(base, {latestEventTs: null}, wall)()).toBe(1_000_000);
	});

	it('uses the wall clock for live inputs: --follow, stdin, - and the demo', () => {
		expect(viewClock({...base, follow: true}, recorded, wall)()).toBe(1_000_000);
		expect(viewClock({...base, readStdin: true}, recorded, wall)()).toBe(1_000_000);
		expect(viewClock({...base, files: ['-']}, recorded, wall)()).toBe(1_000_000);
		expect(viewClock({...base, files: [], demo: true}, recorded, wall)()).toBe(1_000_000);
	});
});
