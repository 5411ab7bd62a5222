/**
 * Typed attributes (NVivo's attribute types, plus a choice list). A value is stored as canonical
 * text, so one column holds every type and a CSV round trip is lossless: a number as JavaScript
 * prints it, a date as YYYY-MM-DD, a boolean as true/false, a choice as one of its options.
 */
export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'boolean', 'choice'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export interface AttributeDefinition {
  type: 'attribute-definition';
  id: string;
  classification: string;
  name: string;
  valueType: AttributeType;
  /** Choice options in order; empty for other types. */
  options: string[];
}

export type AttributeValueResult = { ok: true; value: string | null } | { ok: false; message: string };

const TEXT_MAX = 10_000;
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Reads what someone typed (or a CSV cell) as a value of the attribute: the canonical text, null
 * for an empty cell (clears the value), or a message saying what is wrong and how to write it.
 */
export function parseAttributeValue(
  attribute: Pick<AttributeDefinition, 'name' | 'valueType' | 'options'>,
  raw: string | number | boolean | null,
): AttributeValueResult {
  if (raw === null) return { ok: true, value: null };
  const text = String(raw).trim();
  if (text === '') return { ok: true, value: null };
  const fail = (why: string): AttributeValueResult => ({
    ok: false,
    message: `“${text}” is not a valid ${attribute.name}: ${why}`,
  });
  switch (attribute.valueType) {
    case 'text':
      return text.length > TEXT_MAX
        ? fail(`a text value has at most ${TEXT_MAX} characters`)
        : { ok: true, value: text };
    case 'number': {
      // A decimal comma is a common spreadsheet habit; refusing it beats guessing thousands.
      if (/^[+-]?\d+,\d+$/.test(text)) return fail('write decimals with a point, e.g. 3.5');
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text))
        return fail('expected a number, e.g. 42 or 3.5');
      const n = Number(text);
      return Number.isFinite(n) ? { ok: true, value: String(n) } : fail('the number is too large');
    }
    case 'date': {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!match) return fail('expected a date written YYYY-MM-DD, e.g. 2021-03-14');
      const [, y, m, d] = match;
      return isRealDate(Number(y), Number(m), Number(d)) ? { ok: true, value: text } : fail('no such day');
    }
    case 'boolean': {
      const word = text.toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: 'true' };
      if (FALSE_WORDS.has(word)) return { ok: true, value: 'false' };
      return fail('expected yes or no');
    }
    case 'choice': {
      const option =
        attribute.options.find((o) => o === text) ??
        attribute.options.find((o) => o.toLowerCase() === text.toLowerCase());
      if (option !== undefined) return { ok: true, value: option };
      const listed = attribute.options.map((o) => `“${o}”`).join(', ');
      return fail(listed === '' ? 'the attribute has no options yet' : `expected one of ${listed}`);
    }
  }
}

/** Why a set of choice options cannot be used, or undefined when it can. */
export function choiceOptionsProblem(options: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const option of options) {
    const key = option.trim().toLowerCase();
    if (key === '') return 'A choice option cannot be empty.';
    if (seen.has(key)) return `The option “${option.trim()}” is listed twice.`;
    seen.add(key);
  }
  return undefined;
}

/** Sort key for a column of values of one type: numbers and dates compare as such. */
export function compareAttributeValues(type: AttributeType, a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (type === 'number') return Number(a) - Number(b);
  return a.localeCompare(b);
}
