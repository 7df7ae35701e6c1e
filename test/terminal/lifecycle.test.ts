import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import {createLifecycle, handleSignals} from '../../source/terminal/lifecycle.js';

describe('createLifecycle', () => {
	it('runs steps once, in order, then sets the exit code', async () => {
		const order: string[] = [];
		let exitCode: number | undefined;
		const lifecycle = createLifecycle({setExitCode: code => (exitCode = code)});
		lifecycle.add('unmount', () => {
			order.push('unmount');
		});
		lifecycle.add('close', async () => {
			await new Promise(resolve => setTimeout(resolve, 5));
			order.push('close');
		});
		lifecycle.add('summary', () => {
			order.push('summary');
		});
		const first = lifecycle.shutdown(0);
		const second = lifecycle.shutdown(130);
		expect(lifecycle.shuttingDown).toBe(true);
		expect(await first).toBe(0);
		expect(await second).toBe(0);
		expect(await lifecycle.done).toBe(0);
		expect(order).toEqual(['unmount', 'close', 'summary']);
		expect(exitCode).toBe(0);
	});

	it('keeps going when a step throws or hangs, and names it', async () => {
		const order: string[] = [];
		const lifecycle = createLifecycle({setExitCode: () => {}, stepTimeoutMs: 20});
		lifecycle.add('bad', () => {
			throw new Error('x');
		});
		lifecycle.add('hung', () => new Promise<void>(() => {}));
		lifecycle.add('last', () => {
			order.push('last');
		});
		await lifecycle.shutdown(1);
		expect(order).toEqual(['last']);
		expect(lifecycle.failures).toEqual(['bad', 'hung (timed out)']);
	});

	it('runs a step added after shutdown began', async () => {
		const lifecycle = createLifecycle({setExitCode: () => {}});
		await lifecycle.shutdown(0);
		let ran = false;
		lifecycle.add('late', () => {
			ran = true;
		});
		await new Promise(resolve => setTimeout(resolve, 0));
		expect(ran).toBe(true);
	});
});

describe('handleSignals', () => {
	it('shuts down with 128 + n on the first signal and exits at once on the second', async () => {
		const target = new EventEmitter();
		const exits: number[] = [];
		let exitCode: number | undefined;
		const lifecycle = createLifecycle({setExitCode: code => (exitCode = code)});
		lifecycle.add('slow', () => new Promise<void>(resolve => setTimeout(resolve, 10)));
		const remove = handleSignals(lifecycle, target, code => exits.push(code));
		target.emit('SIGTERM');
		target.emit('SIGINT');
		expect(exits).toEqual([130]);
		expect(await lifecycle.done).toBe(143);
		expect(exitCode).toBe(143);
		remove();
		expect(target.listenerCount('SIGINT')).toBe(0);
		expect(target.listenerCount('SIGTERM')).toBe(0);
		expect(target.listenerCount('SIGHUP')).toBe(0);
	});
});
