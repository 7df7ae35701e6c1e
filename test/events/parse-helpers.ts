import {expect} from 'vitest';
import {parseLine} from '../../source/events/parse.js';
import type {MonitorEvent, ParseOutcome} from '../../source/events/types.js';

/** 2026-08-20T10:00:00Z */
export const T0 = 1_787_220_000_000;
/** Arrival time used by the tests: one minute after T0. */
export const NOW = T0 + 60_000;

export function line(fields: Record<string, unknown>): string {
	return JSON.stringify(fields);
}

export function accept(input: string, arrivalMs = NOW): {event: MonitorEvent; warnings: readonly string[]} {
	const outcome: ParseOutcome = parseLine(input, arrivalMs);
	if (!outcome.ok) throw new Error(`expected the line to be accepted, got ${outcome.reason}: ${input}`);
	return {event: outcome.event, warnings: outcome.warnings};
}

export function reject(input: string, arrivalMs = NOW): {reason: string; hint?: string} {
	const outcome = parseLine(input, arrivalMs);
	if (outcome.ok) throw new Error(`expected a rejection: ${input}`);
	return outcome;
}

export function expectReason(input: string, reason: string): void {
	expect(reject(input).reason).toBe(reason);
}

/** A minimal valid llm_call with overrides (undefined removes a field). */
export function call(overrides: Record<string, unknown> = {}): string {
	return line({type: 'llm_call', ts: T0, model: 'gpt-4o', latency_ms: 100, ...overrides});
}

/** Every string reachable from `value`. */
export function allStrings(value: unknown, out: string[] = []): string[] {
	if (typeof value === 'string') out.push(value);
	else if (Array.isArray(value)) for (const v of value) allStrings(v, out);
	else if (typeof value === 'object' && value !== null) {
		for (const [k, v] of Object.entries(value)) {
			out.push(k);
			allStrings(v, out);
		}
	}
	return out;
}
