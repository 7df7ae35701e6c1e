// The demo's made-up application: who calls which model for what. Prices match the LiteLLM table
// (USD per token) so that reported and computed costs agree; the self-hosted model is deliberately
// absent from every price table so the "unpriced" path shows.

export type DemoModel = {
	readonly model: string;
	readonly responseModel?: string;
	readonly provider: string;
	readonly weight: number;
	readonly operation: 'chat' | 'embeddings';
	/** Median latency of a healthy call, ms. */
	readonly latencyMedianMs: number;
	/** USD per token, or null when nobody prices this model. */
	readonly price: {readonly input: number; readonly output: number; readonly cacheRead: number} | null;
	/** Whether the app logs cost_usd itself for this model (otherwise llmmon must price it). */
	readonly reportsCost: boolean;
	readonly reasoning: boolean;
	/** Share of this provider's calls that fail during an error burst. */
	readonly burstErrorShare: number;
	/** Quality slides from good to poor over the demo (see generator: drift). */
	readonly drifts: boolean;
	/** Typical grounding / relevance when healthy. */
	readonly quality: number;
};

export type DemoFeature = {
	readonly feature: string;
	readonly weight: number;
	/** Retrieval-augmented: adds a retrieval span, bigger prompts and grounding scores. */
	readonly rag: boolean;
	readonly inputMedian: number;
	readonly outputMedian: number;
	/** Which models this feature uses (names from DEMO_MODELS). */
	readonly models: readonly string[];
	/** Chance that a call leads to a revenue event, and its typical amount. */
	readonly revenueChance: number;
	readonly revenueUsd: number;
};

export const DEMO_MODELS: readonly DemoModel[] = [
	{model: 'gpt-4o', responseModel: 'gpt-4o-2024-08-06', provider: 'openai', weight: 12, operation: 'chat', latencyMedianMs: 1400, price: {input: 2.5e-6, output: 1e-5, cacheRead: 1.25e-6}, reportsCost: true, reasoning: false, burstErrorShare: 0.55, drifts: false, quality: 0.88},
	{model: 'gpt-4o-mini', responseModel: 'gpt-4o-mini-2024-07-18', provider: 'openai', weight: 28, operation: 'chat', latencyMedianMs: 700, price: {input: 1.5e-7, output: 6e-7, cacheRead: 7.5e-8}, reportsCost: true, reasoning: false, burstErrorShare: 0.55, drifts: false, quality: 0.82},
	{model: 'o4-mini', provider: 'openai', weight: 8, operation: 'chat', latencyMedianMs: 4200, price: {input: 1.1e-6, output: 4.4e-6, cacheRead: 2.75e-7}, reportsCost: false, reasoning: true, burstErrorShare: 0.55, drifts: false, quality: 0.9},
	{model: 'text-embedding-3-small', provider: 'openai', weight: 8, operation: 'embeddings', latencyMedianMs: 120, price: {input: 2e-8, output: 0, cacheRead: 2e-8}, reportsCost: true, reasoning: false, burstErrorShare: 0.3, drifts: false, quality: 0.85},
	{model: 'claude-sonnet-4-5', provider: 'anthropic', weight: 12, operation: 'chat', latencyMedianMs: 2100, price: {input: 3e-6, output: 1.5e-5, cacheRead: 3e-7}, reportsCost: false, reasoning: false, burstErrorShare: 0, drifts: false, quality: 0.9},
	{model: 'claude-haiku-4-5', provider: 'anthropic', weight: 10, operation: 'chat', latencyMedianMs: 900, price: {input: 1e-6, output: 5e-6, cacheRead: 1e-7}, reportsCost: false, reasoning: false, burstErrorShare: 0, drifts: false, quality: 0.84},
	{model: 'gemini-2.5-flash', provider: 'gcp.gemini', weight: 16, operation: 'chat', latencyMedianMs: 800, price: {input: 3e-7, output: 2.5e-6, cacheRead: 3e-8}, reportsCost: true, reasoning: false, burstErrorShare: 0, drifts: true, quality: 0.86},
	{model: 'acme-llama-70b-ft', provider: 'vllm', weight: 6, operation: 'chat', latencyMedianMs: 1100, price: null, reportsCost: false, reasoning: false, burstErrorShare: 0, drifts: false, quality: 0.8},
];

export const DEMO_FEATURES: readonly DemoFeature[] = [
	{feature: 'support-bot', weight: 30, rag: true, inputMedian: 2600, outputMedian: 260, models: ['gpt-4o-mini', 'gemini-2.5-flash', 'claude-haiku-4-5', 'gpt-4o'], revenueChance: 0.03, revenueUsd: 4},
	{feature: 'search', weight: 20, rag: true, inputMedian: 1800, outputMedian: 180, models: ['text-embedding-3-small', 'gemini-2.5-flash', 'gpt-4o-mini'], revenueChance: 0.02, revenueUsd: 1.5},
	{feature: 'summarize', weight: 15, rag: false, inputMedian: 4200, outputMedian: 320, models: ['gpt-4o-mini', 'claude-haiku-4-5', 'acme-llama-70b-ft'], revenueChance: 0.002, revenueUsd: 0.5},
	{feature: 'code-review', weight: 12, rag: false, inputMedian: 6000, outputMedian: 700, models: ['claude-sonnet-4-5', 'o4-mini', 'gpt-4o'], revenueChance: 0.05, revenueUsd: 2.5},
	{feature: 'email-draft', weight: 13, rag: false, inputMedian: 900, outputMedian: 350, models: ['gpt-4o-mini', 'claude-haiku-4-5', 'acme-llama-70b-ft'], revenueChance: 0.04, revenueUsd: 0.6},
	{feature: 'classify', weight: 10, rag: false, inputMedian: 500, outputMedian: 12, models: ['gpt-4o-mini', 'gemini-2.5-flash', 'acme-llama-70b-ft'], revenueChance: 0.01, revenueUsd: 0.2},
];

export const DEMO_SERVICES = {gateway: 'api-gateway', rag: 'rag-service', worker: 'llm-worker'} as const;
