// A deterministic synthetic event stream (schema v1 NDJSON) for `llmmon demo` and `watch --demo`.
// Pure: time comes in as arguments, randomness from a seeded PRNG, so the same seed and the same
// times give byte-identical lines.
import {DEMO_FEATURES, DEMO_MODELS, DEMO_SERVICES, type DemoFeature, type DemoModel} from './catalog.js';
import {createRandom} from './prng.js';
import {createLocalTimeReader, type LocalTimeReader} from './local-time.js';

export type DemoOptions = {
	readonly seed: number;
	/** Live lines per second. */
	readonly ratePerS: number;
	/** When the live stream starts; error bursts, latency spikes and the quality drift are timed from here. */
	readonly liveStartMs: number;
	/** IANA zone: shapes the daily traffic curve of the backfill. */
	readonly tz: string;
	/** Average backfill LLM calls per minute at a typical hour (default 6). */
	readonly backfillCallsPerMin?: number;
	/** `iso` (default) writes RFC 3339 strings, `ms` epoch milliseconds. */
	readonly tsFormat?: 'iso' | 'ms';
};

export type DemoGenerator = {
	/** Past calls, scores and revenue between the two times (no spans: traces only matter live). */
	backfill(fromMs: number, toMs: number): string[];
	/** Every live line due up to `toMs` since the previous call, at `ratePerS`. */
	live(toMs: number): string[];
	/** Live lines skipped because the caller fell too far behind (the process was suspended, for example). */
	readonly skippedLines: number;
};

/** Error burst: every 6 minutes of live time, 30 s during which OpenAI rate-limits. */
export const BURST_PERIOD_MS = 360_000;
export const BURST_LENGTH_MS = 30_000;
/** Latency spike: every 5 minutes, starting 2 minutes in, 30 s of 3× latency and some timeouts. */
export const SPIKE_PERIOD_MS = 300_000;
export const SPIKE_OFFSET_MS = 120_000;
export const SPIKE_LENGTH_MS = 30_000;
/** The drifting model degrades over this span around the live start and stays degraded. */
export const DRIFT_START_BEFORE_LIVE_MS = 15 * 60_000;
export const DRIFT_FULL_AFTER_LIVE_MS = 60_000;

/** Share of its quality the drifting model loses at full drift. */
const DRIFT_DEPTH = 0.55;
/** Grounding runs below the model's general quality: answers drift from their sources more than off-topic. */
const GROUNDING_OFFSET = 0.08;

/** At most this many seconds of live backlog are generated at once; the rest is skipped and counted. */
const MAX_BACKLOG_S = 5;
const BASE_ERROR_RATE = 0.012;

/** Relative traffic per local hour: quiet nights, a midday peak. */
const HOURLY_SHAPE = [0.25, 0.2, 0.18, 0.18, 0.2, 0.3, 0.5, 0.8, 1.1, 1.35, 1.5, 1.55, 1.5, 1.55, 1.6, 1.5, 1.4, 1.2, 1, 0.85, 0.7, 0.55, 0.4, 0.3];

type Phase = {readonly burst: boolean; readonly spike: boolean; readonly drift: number};

type Call = {
	readonly feature: DemoFeature;
	readonly model: DemoModel;
	readonly ok: boolean;
	readonly callId: string;
	readonly quality: number;
	readonly drift: number;
};

function mod(a: number, b: number): number {
	return ((a % b) + b) % b;
}

function clamp01(x: number): number {
	return Math.min(1, Math.max(0, x));
}

function round(x: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(x * f) / f;
}

/** One schema-v1 span line of a demo trace: the fields every span shares, plus its own. */
function spanLine(traceId: string, service: string, fields: Record<string, unknown>): string {
	return JSON.stringify({v: 1, type: 'span', trace_id: traceId, ...fields, resource: {'service.name': service}});
}

export function createDemoGenerator(options: DemoOptions): DemoGenerator {
	const random = createRandom(options.seed);
	const rate = Math.max(0.001, options.ratePerS);
	const format = options.tsFormat ?? 'iso';
	const local: LocalTimeReader = createLocalTimeReader(options.tz);
	const callsPerMin = options.backfillCallsPerMin ?? 6;
	const modelsByName = new Map(DEMO_MODELS.map(m => [m.model, m]));
	let liveLines = 0;
	let skippedLines = 0;

	const ts = (ms: number): string | number => (format === 'iso' ? new Date(ms).toISOString() : ms);

	function phaseAt(t: number): Phase {
		const sinceLive = t - options.liveStartMs;
		const burst = sinceLive >= 0 && mod(sinceLive, BURST_PERIOD_MS) < BURST_LENGTH_MS;
		const spikeAt = mod(sinceLive - SPIKE_OFFSET_MS, SPIKE_PERIOD_MS);
		const spike = sinceLive >= SPIKE_OFFSET_MS && spikeAt < SPIKE_LENGTH_MS;
		const driftStart = options.liveStartMs - DRIFT_START_BEFORE_LIVE_MS;
		const driftEnd = options.liveStartMs + DRIFT_FULL_AFTER_LIVE_MS;
		const drift = clamp01((t - driftStart) / (driftEnd - driftStart));
		return {burst, spike, drift};
	}

	function pickModel(feature: DemoFeature): DemoModel {
		const candidates: DemoModel[] = [];
		for (const name of feature.models) {
			const model = modelsByName.get(name);
			if (model) {
				candidates.push(model);
			}
		}

		return random.pickWeighted(candidates);
	}

	/** One LLM call with its scores and revenue (and, when `traced`, the spans of its trace). */
	function interaction(t: number, traced: boolean, out: string[]): void {
		const phase = phaseAt(t);
		const feature = random.pickWeighted(DEMO_FEATURES);
		const model = pickModel(feature);
		const chat = model.operation === 'chat';

		let errorType: string | undefined;
		if (phase.burst && random.chance(model.burstErrorShare)) {
			errorType = 'rate_limit';
		} else if (phase.spike && random.chance(0.05)) {
			errorType = 'timeout';
		} else if (random.chance(BASE_ERROR_RATE)) {
			errorType = random.pickWeighted([
				{weight: 2, type: 'rate_limit'},
				{weight: 1, type: 'timeout'},
				{weight: 1, type: 'server_error'},
			]).type;
		}

		const ok = errorType === undefined;
		const stream = chat && random.chance(0.7);
		let inputTokens = chat ? Math.max(20, Math.round(random.logNormal(feature.inputMedian, 0.5))) : Math.max(8, Math.round(random.logNormal(400, 0.4)));
		let outputTokens = chat ? Math.max(1, Math.round(random.logNormal(feature.outputMedian, 0.6))) : 0;
		const reasoningTokens = model.reasoning ? Math.round(random.logNormal(900, 0.5)) : 0;
		outputTokens += reasoningTokens;
		const cacheReadTokens = chat && random.chance(0.4) ? Math.round(inputTokens * random.between(0.3, 0.8)) : 0;
		const cacheWriteTokens = model.provider === 'anthropic' && cacheReadTokens === 0 && random.chance(0.15) ? Math.round(inputTokens * random.between(0.2, 0.5)) : 0;

		let latencyMs = random.logNormal(model.latencyMedianMs * (1 + outputTokens / 1500), 0.45) * (phase.spike ? 3 : 1);
		if (errorType === 'timeout') {
			latencyMs = random.between(30_000, 60_000);
		} else if (errorType === 'rate_limit') {
			latencyMs = random.between(40, 400);
		} else if (errorType === 'server_error') {
			latencyMs = random.between(200, 3000);
		}

		latencyMs = round(latencyMs, 1);
		if (!ok) {
			inputTokens = 0;
			outputTokens = 0;
		}

		const traceId = random.hex(32);
		const rootSpanId = random.hex(16);
		const llmSpanId = random.hex(16);
		const callId = `call_${random.hex(12)}`;

		// Live, the call ends a few ms before the request it serves (children end before parents);
		// the backfill has no request around it, so its events stay in time order.
		const callEnd = traced ? t - random.int(2, 30) : t;
		const callStart = callEnd - latencyMs;

		if (traced) {
			const retrievalMs = feature.rag ? round(random.logNormal(60, 0.5), 1) : 0;
			const rootStart = callStart - retrievalMs - random.int(5, 40);
			if (feature.rag) {
				const retrievalStart = rootStart + random.int(1, 4);
				out.push(
					spanLine(traceId, DEMO_SERVICES.rag, {
						span_id: random.hex(16),
						parent_span_id: rootSpanId,
						name: 'retrieve documents',
						kind: 'internal',
						start_ts: ts(retrievalStart),
						duration_ms: retrievalMs,
						status: {code: 'ok'},
						attributes: {'db.system': 'pgvector', 'retrieval.documents': random.int(3, 12)},
					}),
				);
			}

			out.push(
				spanLine(traceId, DEMO_SERVICES.worker, {
					span_id: llmSpanId,
					parent_span_id: rootSpanId,
					name: `${model.operation} ${model.model}`,
					kind: 'client',
					start_ts: ts(callStart),
					duration_ms: latencyMs,
					status: ok ? {code: 'ok'} : {code: 'error', message: errorType},
					attributes: {'peer.service': model.provider},
				}),
			);
			if (feature.feature === 'support-bot' && random.chance(0.3)) {
				const toolStart = callEnd + 1;
				out.push(
					spanLine(traceId, DEMO_SERVICES.gateway, {
						span_id: random.hex(16),
						parent_span_id: rootSpanId,
						name: 'tool lookup_order',
						kind: 'internal',
						start_ts: ts(toolStart),
						duration_ms: Math.max(0, t - 1 - toolStart),
						status: {code: 'ok'},
					}),
				);
			}

			out.push(
				spanLine(traceId, DEMO_SERVICES.gateway, {
					span_id: rootSpanId,
					name: `POST /api/${feature.feature}`,
					kind: 'server',
					start_ts: ts(rootStart),
					duration_ms: round(t - rootStart, 1),
					status: ok ? {code: 'ok'} : {code: 'error', message: `upstream ${errorType ?? ''}`.trim()},
					attributes: {'http.route': `/api/${feature.feature}`, 'http.response.status_code': ok ? 200 : 502},
				}),
			);
		}

		const event: Record<string, unknown> = {
			v: 1,
			type: 'llm_call',
			ts: ts(callEnd),
			service: DEMO_SERVICES.worker,
			feature: feature.feature,
			provider: model.provider,
			model: model.model,
		};
		if (model.responseModel && ok) {
			event.response_model = model.responseModel;
		}

		event.operation = model.operation;
		event.latency_ms = latencyMs;
		if (stream && ok) {
			event.stream = true;
			event.ttft_ms = round(latencyMs * random.between(0.08, 0.3), 1);
		}

		if (ok) {
			event.input_tokens = inputTokens;
			event.output_tokens = outputTokens;
			if (cacheReadTokens > 0) {
				event.cache_read_tokens = cacheReadTokens;
			}

			if (cacheWriteTokens > 0) {
				event.cache_write_tokens = cacheWriteTokens;
			}

			if (reasoningTokens > 0) {
				event.reasoning_tokens = reasoningTokens;
			}

			if (model.reportsCost && model.price) {
				const uncached = inputTokens - cacheReadTokens - cacheWriteTokens;
				const cost = uncached * model.price.input + cacheReadTokens * model.price.cacheRead + cacheWriteTokens * model.price.input + outputTokens * model.price.output;
				event.cost_usd = round(cost, 8);
			}

			event.status = 'ok';
			event.finish_reasons = [outputTokens >= feature.outputMedian * 4 ? 'length' : 'stop'];
		} else {
			event.status = 'error';
			event.error_type = errorType;
			event.error_message = errorType === 'rate_limit' ? 'Rate limit reached for requests' : errorType === 'timeout' ? 'Request timed out' : 'Internal server error';
		}

		event.call_id = callId;
		if (traced) {
			event.trace_id = traceId;
			event.span_id = llmSpanId;
			event.parent_span_id = rootSpanId;
		}

		out.push(JSON.stringify(event));

		if (ok && chat) {
			const quality = model.drifts ? model.quality * (1 - DRIFT_DEPTH * phase.drift) : model.quality;
			scores({feature, model, ok, callId, quality, drift: model.drifts ? phase.drift : 0}, callEnd, out);
		}

		if (ok && random.chance(feature.revenueChance)) {
			out.push(
				JSON.stringify({
					v: 1,
					type: 'revenue',
					ts: ts(t),
					feature: feature.feature,
					amount_usd: round(random.logNormal(feature.revenueUsd, 0.4), 2),
					order_id: `ord_${random.hex(10)}`,
					call_id: callId,
				}),
			);
		}
	}

	function scores(call: Call, t: number, out: string[]): void {
		const base = {v: 1, type: 'score', ts: ts(t), call_id: call.callId, feature: call.feature.feature, model: call.model.model};
		if (call.feature.rag && random.chance(0.6)) {
			out.push(JSON.stringify({...base, name: 'grounding', value: round(clamp01(call.quality - GROUNDING_OFFSET + 0.06 * random.normal()), 3), evaluator: 'llm'}));
		}

		if (random.chance(0.4)) {
			out.push(JSON.stringify({...base, name: 'relevance', value: round(clamp01(call.quality + 0.05 + 0.07 * random.normal()), 3), evaluator: 'llm'}));
		}

		if (random.chance(0.15)) {
			const stars = Math.min(5, Math.max(1, Math.round(1 + 4 * clamp01(call.quality + 0.15 * random.normal()))));
			out.push(JSON.stringify({...base, name: 'user_satisfaction', value: stars, evaluator: 'user'}));
		}

		if (call.feature.rag && random.chance(0.2)) {
			out.push(JSON.stringify({...base, name: 'hallucination', value: random.chance(0.03 + 0.3 * call.drift), evaluator: 'code'}));
		}
	}

	return {
		backfill(fromMs, toMs) {
			const out: string[] = [];
			const hourMs = 3_600_000;
			for (let hour = Math.floor(fromMs / hourMs) * hourMs; hour < toMs; hour += hourMs) {
				const start = Math.max(fromMs, hour);
				const end = Math.min(toMs, hour + hourMs);
				if (end <= start) {
					continue;
				}

				const {hour: localHour, weekend} = local.at(start);
				const shape = HOURLY_SHAPE[localHour] ?? 1;
				const expected = callsPerMin * 60 * shape * (weekend ? 0.55 : 1) * random.between(0.85, 1.15) * ((end - start) / hourMs);
				const count = Math.max(0, Math.round(expected));
				const times: number[] = [];
				for (let i = 0; i < count; i++) {
					times.push(Math.floor(random.between(start, end)));
				}

				times.sort((a, b) => a - b);
				for (const t of times) {
					interaction(t, false, out);
				}
			}

			return out;
		},
		live(toMs) {
			const out: string[] = [];
			const due = Math.floor(((toMs - options.liveStartMs) * rate) / 1000);
			const backlogCap = Math.ceil(rate * MAX_BACKLOG_S);
			if (due - liveLines > backlogCap) {
				skippedLines += due - liveLines - backlogCap;
				liveLines = due - backlogCap;
			}

			while (liveLines < due) {
				const t = options.liveStartMs + Math.floor((liveLines * 1000) / rate);
				const before = out.length;
				interaction(t, true, out);
				liveLines += out.length - before;
			}

			return out;
		},
		get skippedLines() {
			return skippedLines;
		},
	};
}
