// Field tables for the validators. Every reason and warning string a field can produce is built
// once here, so validating a good event concatenates nothing.

export type FieldSpec = {
	readonly wire: string;
	/** Absent or null rejects the event with `missing_field:<wire>`. */
	readonly required: boolean;
	/**
	 * A present but invalid value rejects the event (`wrong_type:`/`out_of_range:`) instead of
	 * dropping the field with `dropped_field:`. Metric fields are strict so totals are never silently wrong.
	 */
	readonly strict: boolean;
	readonly min: number;
	/** Longest string, largest number, or the hex id length. */
	readonly max: number;
	/** Over-long strings are invalid (ids: truncation could make two ids collide) instead of truncated. */
	readonly dropLong: boolean;
	/** A label with few distinct values (model, provider, feature, service…): interned, see readText. */
	readonly label: boolean;
	readonly missing: string;
	readonly wrongType: string;
	readonly outOfRange: string;
	readonly dropped: string;
	readonly truncated: string;
};

type FieldOptions = {
	readonly required?: boolean;
	readonly strict?: boolean;
	readonly min?: number;
	readonly max?: number;
	readonly dropLong?: boolean;
	readonly label?: boolean;
};

export function field(wire: string, options: FieldOptions = {}): FieldSpec {
	const required = options.required ?? false;
	return {
		wire,
		required,
		strict: required || (options.strict ?? false),
		min: options.min ?? 0,
		max: options.max ?? Number.MAX_SAFE_INTEGER,
		dropLong: options.dropLong ?? false,
		label: options.label ?? false,
		missing: `missing_field:${wire}`,
		wrongType: `wrong_type:${wire}`,
		outOfRange: `out_of_range:${wire}`,
		dropped: `dropped_field:${wire}`,
		truncated: `truncated:${wire}`,
	};
}

/** Set of wire names a type understands (its table plus common and ignored ones). */
export function knownFields(table: Readonly<Record<string, FieldSpec>>, extra: readonly string[]): ReadonlySet<string> {
	return new Set([...Object.values(table).map(f => f.wire), ...extra]);
}

/** Common fields accepted by every type (§4.2) that the table does not already list. */
export const COMMON_WIRE = ['v', 'type', 'attrs'] as const;

export const MAX_ID_CHARS = 128;
export const MAX_NAME_CHARS = 128;
export const MAX_MODEL_CHARS = 256;
export const MAX_MESSAGE_CHARS = 1024;
export const MAX_LATENCY_MS = 86_400_000;
export const MAX_TOKENS = 1_000_000_000;
