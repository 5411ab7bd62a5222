import type { PublicationType } from '@weft/core';

/** Publication types in order of specificity: when a source lists several, the first match wins. */
const SPECIFICITY: readonly PublicationType[] = [
  'retraction',
  'erratum',
  'editorial',
  'comment',
  'trial-registration',
  'preprint',
  'conference-abstract',
  'conference-paper',
  'book-chapter',
  'book',
  'thesis',
  'report',
  'dataset',
  'web-page',
  'journal-article',
  'other',
];

/** Looks several source type codes up in a table and returns the most specific match. */
export function mostSpecificType(
  codes: readonly string[],
  table: Readonly<Record<string, PublicationType>>,
): PublicationType | undefined {
  const found = new Set<PublicationType>();
  for (const code of codes) {
    const type = table[code.trim().toLowerCase()];
    if (type) found.add(type);
  }
  return SPECIFICITY.find((type) => found.has(type));
}

export const PUBLICATION_TYPES: readonly PublicationType[] = SPECIFICITY;
