import type { PreparedRecord } from './prepare-record.js';

/**
 * One title is a translation of the other (one record marks its title as translated) and the two
 * are one printed item: then a different wording of the same title still shares most content words.
 */
export function translationOfEachOther(
  a: PreparedRecord,
  b: PreparedRecord,
  samePrintedItem: boolean,
): boolean {
  if (!samePrintedItem || !(a.translated || b.translated)) return false;
  const x = contentWords(a.title);
  const y = contentWords(b.title);
  let shared = 0;
  for (const word of x) if (y.has(word)) shared++;
  return shared >= 4 && shared / Math.min(x.size, y.size) >= 0.6;
}

/** Title words that carry meaning, with a plural "s" dropped ("effusions" / "effusion"). */
function contentWords(title: string): Set<string> {
  const words = new Set<string>();
  for (const word of title.split(' ')) {
    if (word.length <= 3 || TITLE_STOPWORDS.has(word)) continue;
    words.add(word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
  }
  return words;
}

const TITLE_STOPWORDS = new Set(['with', 'from', 'into', 'after', 'between', 'versus', 'during', 'their']);
