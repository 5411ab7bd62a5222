import type { PersonName } from '@weft/core';

/** Trailing initials as MEDLINE and Embase write them: "Smith JA", "Patel R.", "Dupont J.-P.". */
const INITIALS = /^(?:[A-Z]\.?-?){1,4}$/;

/**
 * Parses one author as exports write it. "Family, Given" is the norm (RIS, EndNote,
 * BibTeX after splitting); "Family AB" is MEDLINE's short form; anything else without a
 * comma (an organisation, a consortium) is kept whole as a literal name.
 */
export function parsePersonName(raw: string): PersonName | undefined {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '') return undefined;
  const comma = text.indexOf(',');
  if (comma >= 0) {
    const family = text.slice(0, comma).trim();
    const given = text.slice(comma + 1).trim();
    if (family === '') return { family: text, literal: text };
    return given === '' ? { family } : { family, given };
  }
  const parts = text.split(' ');
  if (parts.length === 1) return { family: text };
  const last = parts[parts.length - 1] ?? '';
  if (INITIALS.test(last)) return { family: parts.slice(0, -1).join(' '), given: last };
  return { family: text, literal: text };
}

/**
 * The inverse of parsePersonName: formatNameForExport(parsePersonName(s)) parses back to
 * the same name, which is what makes export → import lossless.
 */
export function formatPersonName(name: PersonName): string {
  if (name.literal !== undefined) return name.literal;
  if (name.given) return `${name.family}, ${name.given}`;
  // "van der Berg" alone would read back as a literal; the trailing comma marks it as a family name.
  return name.family.includes(' ') ? `${name.family},` : name.family;
}
