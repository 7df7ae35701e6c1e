import {describe, expect, it} from 'vitest';
import {bundledPriceTable} from '../../../source/domain/pricing/bundled-prices.js';
import {computeCost, selectTier} from '../../../source/domain/pricing/compute-cost.js';
import type {ModelPrice} from '../../../source/domain/pricing/price-types.js';

function bundled(model: string): ModelPrice {
	const entry = bundledPriceTable().entries.get(model);
	if (entry === undefined) throw new Error(`${model} missing from the bundled table`);
	return entry.price;
}

// Dollar amounts are sums of a few products; 12 decimals is far below a billionth of a cent.
const DIGITS = 12;

describe('computeCost', () => {
	it('bills cached tokens at the cache rate and only the uncached rest at the input rate', () => {
		// gpt-4o: $2.50 input, $1.25 cached, $10 output per 1M.
		// 1200 input incl. 1024 cached → 176 uncached.
		// 176×2.5e-6 = 0.00044; 1024×1.25e-6 = 0.00128; 220×1e-5 = 0.0022; total 0.00392.
		const cost = computeCost({inputTokens: 1200, cacheReadTokens: 1024, outputTokens: 220}, bundled('gpt-4o'));
		expect(cost.usd).toBeCloseTo(0.00392, DIGITS);
		expect(cost.breakdown.input).toBeCloseTo(0.00044, DIGITS);
		expect(cost.breakdown.cacheRead).toBeCloseTo(0.00128, DIGITS);
		expect(cost.breakdown.output).toBeCloseTo(0.0022, DIGITS);
		expect(cost.estimated).toBe(false);
		expect(cost.tier).toBeNull();
	});

	it('does not bill reasoning tokens twice: they are a subset of output', () => {
		// o4-mini: $1.10 input, $4.40 output and reasoning per 1M.
		// 1500 output incl. 1200 reasoning → 300 visible.
		// 2000×1.1e-6 = 0.0022; 300×4.4e-6 = 0.00132; 1200×4.4e-6 = 0.00528; total 0.0088
		// (billing reasoning on top of all 1500 output would give 0.01408).
		const cost = computeCost({inputTokens: 2000, outputTokens: 1500, reasoningTokens: 1200}, bundled('o4-mini'));
		expect(cost.usd).toBeCloseTo(0.0088, DIGITS);
		expect(cost.breakdown.output).toBeCloseTo(0.00132, DIGITS);
		expect(cost.breakdown.reasoning).toBeCloseTo(0.00528, DIGITS);
		expect(cost.estimated).toBe(false);
	});

	it('uses a reasoning rate of its own when the table has one', () => {
		const price: ModelPrice = {input: 1e-6, output: 4e-6, reasoning: 8e-6};
		// 500×1e-6 = 0.0005; (1000−600)×4e-6 = 0.0016; 600×8e-6 = 0.0048; total 0.0069.
		const cost = computeCost({inputTokens: 500, outputTokens: 1000, reasoningTokens: 600}, price);
		expect(cost.usd).toBeCloseTo(0.0069, DIGITS);
		expect(cost.estimated).toBe(false);
	});

	it('prices reasoning at the output rate, marked estimated, when the table has no reasoning rate', () => {
		const price: ModelPrice = {input: 1e-6, output: 4e-6};
		// 500×1e-6 = 0.0005; 400×4e-6 = 0.0016; 600×4e-6 = 0.0024; total 0.0045.
		const cost = computeCost({inputTokens: 500, outputTokens: 1000, reasoningTokens: 600}, price);
		expect(cost.usd).toBeCloseTo(0.0045, DIGITS);
		expect(cost.estimated).toBe(true);
	});

	it('bills cache writes at their own rate', () => {
		// claude-sonnet-4-5: $3 input, $0.30 cache read, $3.75 cache write, $15 output per 1M.
		// 10 000 input incl. 6000 read + 3000 written → 1000 uncached.
		// 1000×3e-6 = 0.003; 6000×3e-7 = 0.0018; 3000×3.75e-6 = 0.01125; 500×1.5e-5 = 0.0075; total 0.02355.
		const cost = computeCost(
			{inputTokens: 10_000, cacheReadTokens: 6000, cacheWriteTokens: 3000, outputTokens: 500},
			bundled('claude-sonnet-4-5'),
		);
		expect(cost.usd).toBeCloseTo(0.02355, DIGITS);
		expect(cost.breakdown.cacheWrite).toBeCloseTo(0.01125, DIGITS);
		expect(cost.estimated).toBe(false);
	});

	it('bills cache writes at the input rate, marked estimated, when the table has no write rate', () => {
		// gpt-4o has no cache-write rate: 2000 uncached ×2.5e-6 = 0.005; 1000 written ×2.5e-6 = 0.0025; total 0.0075.
		const cost = computeCost({inputTokens: 3000, cacheWriteTokens: 1000, outputTokens: 0}, bundled('gpt-4o'));
		expect(cost.usd).toBeCloseTo(0.0075, DIGITS);
		expect(cost.breakdown.cacheWrite).toBeCloseTo(0.0025, DIGITS);
		expect(cost.estimated).toBe(true);
	});

	it('does not mark a cost estimated for a missing rate no token used', () => {
		// gpt-4o has no cache-write rate, but this call wrote nothing: 100×2.5e-6 + 10×1e-5 = 0.00035.
		const cost = computeCost({inputTokens: 100, cacheWriteTokens: 0, outputTokens: 10}, bundled('gpt-4o'));
		expect(cost.usd).toBeCloseTo(0.00035, DIGITS);
		expect(cost.estimated).toBe(false);
	});

	it('reprices the whole request above 200k input tokens, not just the excess', () => {
		// claude-sonnet-4-5 above 200k: $6 input, $0.60 cache read, $22.50 output per 1M.
		// 250 000 input incl. 50 000 cached → 200 000 uncached.
		// 200 000×6e-6 = 1.2; 50 000×6e-7 = 0.03; 2000×2.25e-5 = 0.045; total 1.275
		// (base rates would give 0.6 + 0.015 + 0.03 = 0.645).
		const cost = computeCost({inputTokens: 250_000, cacheReadTokens: 50_000, outputTokens: 2000}, bundled('claude-sonnet-4-5'));
		expect(cost.usd).toBeCloseTo(1.275, DIGITS);
		expect(cost.tier).toBe(200_000);
		expect(cost.estimated).toBe(false);
	});

	it('counts cached tokens toward the tier threshold (input is inclusive)', () => {
		// 150 000 uncached + 60 000 cached = 210 000 > 200 000 → tier.
		// 150 000×6e-6 = 0.9; 60 000×6e-7 = 0.036; total 0.936.
		const cost = computeCost({inputTokens: 210_000, cacheReadTokens: 60_000, outputTokens: 0}, bundled('claude-sonnet-4-5'));
		expect(cost.tier).toBe(200_000);
		expect(cost.usd).toBeCloseTo(0.936, DIGITS);
	});

	it('keeps base rates at exactly the threshold and switches one token above it', () => {
		const price = bundled('claude-sonnet-4-5');
		// 200 000×3e-6 = 0.6.
		const at = computeCost({inputTokens: 200_000, outputTokens: 0}, price);
		expect(at.tier).toBeNull();
		expect(at.usd).toBeCloseTo(0.6, DIGITS);
		// 200 001×6e-6 = 1.200006.
		const above = computeCost({inputTokens: 200_001, outputTokens: 0}, price);
		expect(above.tier).toBe(200_000);
		expect(above.usd).toBeCloseTo(1.200006, DIGITS);
	});

	it('applies an inclusive tier at exactly its threshold', () => {
		const price: ModelPrice = {input: 1e-6, output: 2e-6, tiers: [{aboveInputTokens: 200_000, inclusive: true, input: 2e-6, output: 4e-6}]};
		// 200 000×2e-6 = 0.4; 10×4e-6 = 0.00004; total 0.40004.
		const cost = computeCost({inputTokens: 200_000, outputTokens: 10}, price);
		expect(cost.tier).toBe(200_000);
		expect(cost.usd).toBeCloseTo(0.40004, DIGITS);
		expect(computeCost({inputTokens: 199_999, outputTokens: 0}, price).tier).toBeNull();
	});

	it('picks the highest tier passed when there are several', () => {
		const price: ModelPrice = {
			input: 1e-6,
			output: 1e-6,
			tiers: [
				{aboveInputTokens: 128_000, input: 2e-6, output: 2e-6},
				{aboveInputTokens: 256_000, input: 3e-6, output: 3e-6},
			],
		};
		expect(selectTier(price, 128_000)).toBeNull();
		expect(selectTier(price, 150_000)?.aboveInputTokens).toBe(128_000);
		expect(selectTier(price, 300_000)?.aboveInputTokens).toBe(256_000);
		// 300 000×3e-6 = 0.9.
		expect(computeCost({inputTokens: 300_000, outputTokens: 0}, price).usd).toBeCloseTo(0.9, DIGITS);
	});

	it('uses the base cache rate, marked estimated, when a tier has no cache rate of its own', () => {
		// grok-4-1-fast-reasoning above 128k: $0.40 input, $1 output, no cache rate (base: $0.05).
		// 150 000 input incl. 100 000 cached → 50 000 uncached.
		// 50 000×4e-7 = 0.02; 100 000×5e-8 = 0.005; 1000×1e-6 = 0.001; total 0.026.
		const cost = computeCost({inputTokens: 150_000, cacheReadTokens: 100_000, outputTokens: 1000}, bundled('grok-4-1-fast-reasoning'));
		expect(cost.tier).toBe(128_000);
		expect(cost.usd).toBeCloseTo(0.026, DIGITS);
		expect(cost.estimated).toBe(true);
	});

	it('prices an embedding call from input tokens alone', () => {
		// text-embedding-3-small: 8000×2e-8 = 0.00016.
		const cost = computeCost({inputTokens: 8000}, bundled('text-embedding-3-small'));
		expect(cost.usd).toBeCloseTo(0.00016, DIGITS);
	});

	it('costs 0 for zero tokens and treats negative or non-finite counts as 0', () => {
		expect(computeCost({inputTokens: 0, outputTokens: 0}, bundled('gpt-4o')).usd).toBe(0);
		// Only the 100 output tokens count: 100×1e-5 = 0.001.
		const cost = computeCost({inputTokens: -5, cacheReadTokens: Number.NaN, outputTokens: 100, reasoningTokens: Infinity}, bundled('gpt-4o'));
		expect(cost.usd).toBeCloseTo(0.001, DIGITS);
		expect(Number.isFinite(cost.usd)).toBe(true);
	});

	it('clamps inconsistent counts instead of billing negative tokens', () => {
		// 100 input but 150 reported cached: uncached clamps to 0; the 150 cached are billed as reported.
		// 150×1.25e-6 = 0.0001875.
		const cost = computeCost({inputTokens: 100, cacheReadTokens: 150, outputTokens: 0}, bundled('gpt-4o'));
		expect(cost.breakdown.input).toBe(0);
		expect(cost.usd).toBeCloseTo(0.0001875, DIGITS);
	});

	it('matches the README example', () => {
		// claude-sonnet-4-5, 12 000 input incl. 8000 cache read + 2000 cache write, 900 output incl. 300 reasoning:
		// 2000×3e-6 = 0.006; 8000×3e-7 = 0.0024; 2000×3.75e-6 = 0.0075; 600×1.5e-5 = 0.009; 300×1.5e-5 = 0.0045.
		// total 0.0294.
		const cost = computeCost(
			{inputTokens: 12_000, cacheReadTokens: 8000, cacheWriteTokens: 2000, outputTokens: 900, reasoningTokens: 300},
			bundled('claude-sonnet-4-5'),
		);
		expect(cost.usd).toBeCloseTo(0.0294, DIGITS);
		expect(cost.breakdown).toEqual({
			input: expect.closeTo(0.006, DIGITS) as number,
			cacheRead: expect.closeTo(0.0024, DIGITS) as number,
			cacheWrite: expect.closeTo(0.0075, DIGITS) as number,
			output: expect.closeTo(0.009, DIGITS) as number,
			reasoning: expect.closeTo(0.0045, DIGITS) as number,
		});
	});
});
