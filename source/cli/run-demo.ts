// `llmmon demo`: the synthetic stream on stdout: first the past 7 local days (unless --no-backfill),
// then live lines at --rate. Respects backpressure and ends quietly when the reader goes away
// (`llmmon demo | head`).
import {createDemoGenerator} from '../demo/generator.js';
import {createLifecycle, handleSignals} from '../terminal/lifecycle.js';
import type {Settings} from './resolve-config.js';
import {backfillStart} from './sources.js';

export type DemoIo = {
	readonly stdout: NodeJS.WritableStream;
	readonly now: () => number;
};

const TICK_MS = 50;
const BACKFILL_SLICE_MS = 3_600_000;

export async function runDemo(settings: Settings, io: DemoIo): Promise<number> {
	const liveStartMs = io.now();
	const generator = createDemoGenerator({seed: settings.seed, ratePerS: settings.rate, liveStartMs, tz: settings.tz});
	const endMs = settings.durationS === null ? Number.POSITIVE_INFINITY : liveStartMs + settings.durationS * 1000;
	const lifecycle = createLifecycle();
	const removeSignals = handleSignals(lifecycle);
	let closed = false;
	let timer: ReturnType<typeof setTimeout> | undefined;

	lifecycle.add('stop', () => {
		closed = true;
		clearTimeout(timer);
		removeSignals();
	});
	io.stdout.on('error', () => {
		// EPIPE: the reader is gone; that is how `demo | head` ends.
		void lifecycle.shutdown(0);
	});

	/** Writes lines; resolves when the stream can take more (or is gone). */
	const write = async (lines: readonly string[]): Promise<void> => {
		if (closed || lines.length === 0) {
			return;
		}

		const ok = io.stdout.write(`${lines.join('\n')}\n`);
		if (!ok) {
			await new Promise<void>(resolve => {
				const done = (): void => {
					io.stdout.removeListener('drain', done);
					clearInterval(poll);
					resolve();
				};

				io.stdout.once('drain', done);
				// Shutdown (EPIPE, a signal) must not wait for a drain that will never come.
				const poll = setInterval(() => {
					if (closed) {
						done();
					}
				}, 100);
			});
		}
	};

	const run = async (): Promise<void> => {
		if (settings.backfill) {
			for (let from = backfillStart(settings.tz, liveStartMs); from < liveStartMs && !closed; from += BACKFILL_SLICE_MS) {
				await write(generator.backfill(from, Math.min(liveStartMs, from + BACKFILL_SLICE_MS)));
			}
		}

		while (!closed) {
			const at = Math.min(io.now(), endMs);
			await write(generator.live(at));
			if (at >= endMs) {
				break;
			}

			await new Promise<void>(resolve => {
				timer = setTimeout(resolve, TICK_MS);
			});
		}
	};

	run().then(
		() => void lifecycle.shutdown(0),
		() => void lifecycle.shutdown(1),
	);
	return lifecycle.done;
}
