// One idempotent shutdown for every way out: q, end of input in plain mode, SIGINT/SIGTERM/SIGHUP,
// a fatal error. Steps run in the order they were added (the caller adds "unmount Ink" first, so the
// terminal is restored before anything else can print), each isolated so one failure cannot stop the rest.

export type ShutdownStep = () => void | Promise<void>;

export type Lifecycle = {
	/** Adds a step; steps added after shutdown began run immediately. */
	add(name: string, step: ShutdownStep): void;
	/** Runs every step once and sets the exit code; later calls return the same promise. */
	shutdown(exitCode: number): Promise<number>;
	/** Resolves with the exit code once shutdown has finished. */
	readonly done: Promise<number>;
	readonly shuttingDown: boolean;
	/** Steps that threw, by name (reported, never rethrown). */
	readonly failures: readonly string[];
};

export type SignalTarget = {
	on(signal: NodeJS.Signals, listener: () => void): unknown;
	removeListener(signal: NodeJS.Signals, listener: () => void): unknown;
};

export type LifecycleOptions = {
	/** Sets the process exit status (default: process.exitCode). */
	readonly setExitCode?: (code: number) => void;
	/** A step still running after this long is abandoned so shutdown always completes (default 2000). */
	readonly stepTimeoutMs?: number;
	/** Last resort if something still holds the event loop after shutdown: hard exit after this many ms. */
	readonly forceExitAfterMs?: number;
	readonly exit?: (code: number) => void;
};

/** Exit status for a signal, as shells report it: 128 + signal number. */
export const SIGNAL_EXIT_CODES: Readonly<Partial<Record<NodeJS.Signals, number>>> = {SIGHUP: 129, SIGINT: 130, SIGTERM: 143};

export function createLifecycle(options: LifecycleOptions = {}): Lifecycle {
	const steps: Array<{name: string; step: ShutdownStep}> = [];
	const failures: string[] = [];
	let started: Promise<number> | undefined;
	let resolveDone: (code: number) => void = () => {};
	const done = new Promise<number>(resolve => {
		resolveDone = resolve;
	});

	const stepTimeoutMs = options.stepTimeoutMs ?? 2000;
	const runStep = async (name: string, step: ShutdownStep): Promise<void> => {
		let timer: ReturnType<typeof setTimeout> | undefined;
		const timeout = new Promise<'timeout'>(resolve => {
			timer = setTimeout(() => resolve('timeout'), stepTimeoutMs);
			timer.unref();
		});
		try {
			const result = await Promise.race([Promise.resolve().then(step), timeout]);
			if (result === 'timeout') {
				failures.push(`${name} (timed out)`);
			}
		} catch {
			failures.push(name);
		} finally {
			clearTimeout(timer);
		}
	};

	return {
		add(name, step) {
			if (started) {
				void runStep(name, step);
				return;
			}

			steps.push({name, step});
		},
		shutdown(exitCode) {
			started ??= (async () => {
				for (const {name, step} of steps) {
					await runStep(name, step);
				}

				(options.setExitCode ?? (code => (process.exitCode = code)))(exitCode);
				if (options.forceExitAfterMs !== undefined) {
					const exit = options.exit ?? (code => process.exit(code));
					// unref: this timer never keeps the process alive; it fires only if something else does.
					setTimeout(() => exit(exitCode), options.forceExitAfterMs).unref();
				}

				resolveDone(exitCode);
				return exitCode;
			})();
			return started;
		},
		done,
		get shuttingDown() {
			return started !== undefined;
		},
		get failures() {
			return failures;
		},
	};
}

/**
 * SIGINT/SIGTERM/SIGHUP → shutdown with 128 + n. A second signal while shutting down exits at once,
 * so a hung step can always be interrupted. Returns a function that removes the handlers.
 */
export function handleSignals(lifecycle: Lifecycle, target: SignalTarget = process, exit: (code: number) => void = code => process.exit(code)): () => void {
	const handlers = new Map<NodeJS.Signals, () => void>();
	for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES) as Array<[NodeJS.Signals, number]>) {
		const handler = (): void => {
			if (lifecycle.shuttingDown) {
				exit(code);
				return;
			}

			void lifecycle.shutdown(code);
		};

		handlers.set(signal, handler);
		target.on(signal, handler);
	}

	return () => {
		for (const [signal, handler] of handlers) {
			target.removeListener(signal, handler);
		}
	};
}
