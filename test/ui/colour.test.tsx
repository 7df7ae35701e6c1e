import {afterAll, describe, expect, it, vi} from 'vitest';

// Ink's chalk decides its colour level when first imported, and vitest runs each test file in
// its own process: forcing colour here, before any import, turns ANSI colours on for this file only.
const saved = vi.hoisted(() => {
	const before = {force: process.env['FORCE_COLOR'], noColor: process.env['NO_COLOR']};
	process.env['FORCE_COLOR'] = '1';
	delete process.env['NO_COLOR'];
	return before;
});

afterAll(() => {
	if (saved.force === undefined) delete process.env['FORCE_COLOR'];
	else process.env['FORCE_COLOR'] = saved.force;
	if (saved.noColor !== undefined) process.env['NO_COLOR'] = saved.noColor;
});

const {CostPanel} = await import('../../source/ui/panels/cost-panel.js');
const {fullSnapshot, withCost} = await import('../helpers/snapshot-fixture.js');
const {renderWithStore, settle, storeWith} = await import('../helpers/render.js');

const RED = '\u001B[31m';
const YELLOW = '\u001B[33m';
const GREEN = '\u001B[32m';

async function gaugeLine(ratio: number): Promise<string> {
	const snapshot = withCost(fullSnapshot(), cost => ({...cost, budget: {...cost.budget, used_ratio: ratio}}));
	const rendered = renderWithStore(<CostPanel width={60} height={12} focused={false} mode="full" />, storeWith(snapshot), {columns: 100});
	await settle();
	const line = rendered.rawFrame().split('\n').find(text => text.includes('%')) ?? '';
	rendered.unmount();
	return line;
}

describe('budget gauge colours', () => {
	it('is green below 80 %, yellow from 80 %, red from 100 %', async () => {
		const ok = await gaugeLine(0.5);
		const warn = await gaugeLine(0.8);
		const over = await gaugeLine(1);
		expect(ok).toContain(GREEN);
		expect(ok).not.toContain(YELLOW);
		expect(warn).toContain(YELLOW);
		expect(warn).not.toContain(RED);
		expect(over).toContain(RED);
	});
});
