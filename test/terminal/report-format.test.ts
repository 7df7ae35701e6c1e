import {describe, expect, it} from 'vitest';
import {formatAlertValue, formatReport} from '../../source/terminal/report-format.js';
import {renderTable} from '../../source/terminal/text-table.js';
import {emptySnapshot, fullSnapshot} from '../helpers/snapshot-fixture.js';

function lines(text: string): string[] {
	return text.split('\n');
}

describe('renderTable', () => {
	it('pads columns to the widest cell and right-aligns numbers', () => {
		expect(renderTable(['name', 'n'], [['a', '1'], ['long', '123']], ['left', 'right'])).toEqual(['name    n', '----  ---', 'a       1', 'long  123']);
	});
});

describe('formatAlertValue', () => {
	it('uses the unit of the rule', () => {
		expect(formatAlertValue('error_rate', 0.072)).toBe('7.2%');
		expect(formatAlertValue('p99_latency', 31_000)).toBe('31.0s');
		expect(formatAlertValue('daily_budget', 1.25)).toBe('125.0%');
		expect(formatAlertValue('grounding', 0.64)).toBe('0.64');
		expect(formatAlertValue('grounding', null)).toBe('—');
	});
});

describe('formatReport', () => {
	it('prints a table per section with the snapshot numbers', () => {
		const text = formatReport(fullSnapshot());
		const all = lines(text);
		expect(all[0]).toBe('llmmon report at 2026-03-02T14:03:22.000+01:00 (Europe/Paris), window 5m');
		expect(text).toContain('lines 12345, accepted 12342, rejected 3');
		// Rejected reasons sorted by count: invalid_json 2, then missing_field:model 1.
		expect(all).toContain('  invalid_json             2');
		expect(all.indexOf('  invalid_json             2')).toBeLessThan(all.indexOf('  missing_field:model      1'));
		expect(all.find(line => line.trimStart().startsWith('all '))).toMatch(/^ {2}all\s+1\.2k\s+30\s+2\.5%\s+4\.00\/s\s+850ms\s+2\.10s\s+4\.52s\s+1\.01s\s+4\.52s\s+320ms\s+—$/);
		expect(text).toContain('spent $42.50 over 1.2k calls');
		expect(text).toContain('daily $50.00, used 85.0%, burn $2.50/h');
		expect(text).toContain('month 2026-03: to date $80.50, projected $1,247.75, budget $1,500.00, used 5.4%');
		expect(all.find(line => line.includes('2026-02-25'))).toMatch(/2026-02-25\s+0\s+0\s+\$0\.00$/);
		expect(all.find(line => line.includes('claude-3-5-sonnet') && line.includes('REGRESSION'))).toBeDefined();
		expect(all.find(line => line.trimStart().startsWith('search'))).toMatch(/search\s+100\s+\$2\.00\s+\$0\.020\s+\$30\.00\s+15\.0×\s+0$/);
		expect(all.find(line => line.includes('error_rate'))).toMatch(/error_rate\s+critical\s+firing\s+7\.2%\s+5\.0%\s+4m ago\s+error rate 7\.2% > 5\.0%/);
		expect(text).toContain('traces seen 57, spans seen 300, spans dropped 0');
		// Unknown trace cost and service print as —.
		expect(all.find(line => line.includes('summarize-doc'))).toMatch(/00f067aa0ba9\s+summarize-doc\s+—\s+3\s+640ms\s+0\s+1\s+—$/);
	});

	it('prints — for unknown values and says when a section is empty', () => {
		const text = formatReport(emptySnapshot());
		expect(text).toContain('daily —, used —, burn —/h');
		expect(text).toContain('projected day: — at the current burn, — at today\'s average');
		expect(lines(text).find(line => line.trimStart().startsWith('all '))).toMatch(/all\s+0\s+0\s+—\s+—\s+—\s+—\s+—\s+—\s+—\s+—\s+—$/);
		expect(text).toContain('no scores by model');
		expect(text).toContain('Features\n  no calls');
		expect(text).toContain('Alerts\n  none');
		expect(text).not.toContain('NaN');
		expect(text.endsWith('\n')).toBe(true);
	});
});
