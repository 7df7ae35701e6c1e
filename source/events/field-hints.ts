// "did you mean latency_ms?" for `unknown_field:<f>` warnings (protocols.md §4.2).
import {LLM_CALL_FIELDS} from './validate-llm-call.js';
import {REVENUE_FIELDS} from './validate-revenue.js';
import {SCORE_FIELDS} from './validate-score.js';
import {SPAN_FIELDS} from './validate-span.js';

const ALL_FIELDS: ReadonlySet<string> = new Set([...LLM_CALL_FIELDS, ...SCORE_FIELDS, ...REVENUE_FIELDS, ...SPAN_FIELDS]);

/**
 * The schema field an unknown key most likely meant (camelCase, kebab-case, dotted or wrongly
 * cased spellings of a real field), or undefined. Meant for display, not the hot path.
 */
export function suggestField(unknown: string): string | undefined {
	const snake = unknown
		.replace(/([a-z0-9])([A-Z])/g, '$1_$2')
		.replace(/[-.\s]+/g, '_')
		.toLowerCase();
	if (snake !== unknown && ALL_FIELDS.has(snake)) return snake;
	return undefined;
}
