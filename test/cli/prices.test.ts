// Issue 3 through the real command line: --prices with LiteLLM's real table, config overrides and
// aliases, and the split between reported, computed and estimated cost in `report --json`.
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {MonitorSnapshot} from '../../source/domain/snapshot-types.js';
import {REPO_ROOT, runCli, tempDir, type TempDir} from '../helpers/cli.js';

const LITELLM = path.join(REPO_ROOT, '..', 'shared', 'data', 'litellm-model-prices.json');
let temp: TempDir;

beforeAll(() => {
	temp = tempDir('llmmon-prices-');
});

afterAll(() => {
	temp.remove();
});

function call(fields: Record<string, unknown>, second: number): string {
	return JSON.stringify({type: 'llm_call', ts: `2026-08-20T10:00:0${second}Z`, latency_ms: 100, ...fields});
}

describe('pricing from the command line', () => {
	it('--prices reads LiteLLM\'s real table, flags its implausible entries, and prices a model the bundled table lacks', async () => {
		const events = temp.write(
			'litellm.ndjson',
			[
				// together_ai's Llama 3.3 70B is only in LiteLLM's file: $0.88 per 1M in and out.
				// 1 000 000 in + 500 000 out → 0.88 + 0.44 = $1.32.
				call({model: 'together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo', input_tokens: 1_000_000, output_tokens: 500_000}, 1),
				// Reported cost wins over any table.
				call({model: 'gpt-4o', input_tokens: 1_000_000, output_tokens: 0, cost_usd: 0.5}, 2),
			].join('\n'),
		);
		const without = await runCli(['report', '--json', '--tz', 'UTC', events]);
		const withoutToday = (JSON.parse(without.stdout) as MonitorSnapshot).cost.today;
		expect(withoutToday).toMatchObject({unpriced_calls: 1, lower_bound: true, reported_usd: 0.5});

		const result = await runCli(['report', '--json', '--tz', 'UTC', '--prices', LITELLM, events]);
		expect(result.code).toBe(0);
		expect(result.stderr).toMatch(/litellm format, 2502 models priced, 481 skipped/);
		expect(result.stderr).toMatch(/implausible/);
		const today = (JSON.parse(result.stdout) as MonitorSnapshot).cost.today;
		expect(today.unpriced_calls).toBe(0);
		expect(today.lower_bound).toBe(false);
		expect(today.reported_usd).toBeCloseTo(0.5, 10);
		expect(today.computed_usd).toBeCloseTo(1.32, 10);
		expect(today.cost_usd).toBeCloseTo(1.82, 10);
	});

	it('config prices and model aliases price a private deployment; a dated name is an estimate', async () => {
		const config = temp.write(
			'config.json',
			JSON.stringify({
				prices: {'my-finetune': {input_per_mtok: 3, output_per_mtok: 12, cache_read_per_mtok: 0.3}},
				model_aliases: {'prod-gpt4o-deployment': 'gpt-4o'},
			}),
		);
		const events = temp.write(
			'config.ndjson',
			[
				// 1M in of which 500k cached, 1M out: 500k × $3 + 500k × $0.30 + 1M × $12 (per 1M) = 1.5 + 0.15 + 12 = $13.65.
				call({model: 'my-finetune', input_tokens: 1_000_000, cache_read_tokens: 500_000, output_tokens: 1_000_000}, 1),
				// The alias prices it as gpt-4o: 1M in × $2.50 = $2.50.
				call({model: 'prod-gpt4o-deployment', provider: 'azure', input_tokens: 1_000_000, output_tokens: 0}, 2),
				// Not in any table under this name: priced as gpt-4o, marked estimated: $2.50.
				call({model: 'gpt-4o-2099-01-01', input_tokens: 1_000_000, output_tokens: 0}, 3),
				// No tokens, no cost: unmetered, never $0.
				call({model: 'gpt-4o', stream: true}, 4),
			].join('\n'),
		);
		const result = await runCli(['report', '--json', '--tz', 'UTC', '--config', config, events]);
		expect(result.code).toBe(0);
		const cost = (JSON.parse(result.stdout) as MonitorSnapshot).cost;
		expect(cost.today.cost_usd).toBeCloseTo(13.65 + 2.5 + 2.5, 10);
		expect(cost.today.computed_usd).toBeCloseTo(18.65, 10);
		expect(cost.today.estimated_usd).toBeCloseTo(2.5, 10);
		expect(cost.today.by_model['my-finetune']?.cost_usd).toBeCloseTo(13.65, 10);
		expect(cost.today).toMatchObject({calls: 4, unmetered_calls: 1, unpriced_calls: 0, lower_bound: true});
		expect(cost.unpriced_models).toEqual([]);
	});
});
