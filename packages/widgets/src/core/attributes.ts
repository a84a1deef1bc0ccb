/**
 * What an attribute of a widget accepts. Each element lists its rules once, in
 * `static attributeRules` keyed by property, and `SrBaseElement` checks them all before each
 * update: a value that breaks its rule gets one console warning naming the attribute, and the
 * widget reads its value through `checked()`, which gives `undefined` for it (the widget's
 * default then applies). After KoliBri's validator per property.
 */
export interface AttributeRule {
  /** Whether the value (trimmed, not empty) is acceptable. */
  valid(value: string): boolean;
  /** The warning after `name="value" `: what was expected, and what the widget does instead. */
  problem: string;
  /** The warning when the attribute is missing, for one the widget cannot do without. */
  missing?: string;
}

export type AttributeRules = Readonly<Record<string, AttributeRule>>;

/** One of a few words, e.g. `theme`: `light` or `dark`; `instead` says what the widget does otherwise. */
export function oneOf(values: readonly string[], instead: string): AttributeRule {
  const expected = values.length === 2 ? `is neither "${values[0]}" nor "${values[1]}"` : `is not one of ${values.join(', ')}`;
  return { valid: (value) => values.includes(value), problem: `${expected}; ${instead}.` };
}

/** An id of the Hub: a UUID, in any case. */
export const uuid = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;
