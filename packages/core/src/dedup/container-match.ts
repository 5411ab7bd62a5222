import { normalizeText, stripHtml } from './normalize-text.js';

// Words ISO 4 drops from abbreviations (ISO 4:1997 §7), in the languages journals mostly use.
const STOPWORDS = new Set([
  'the',
  'of',
  'and',
  'for',
  'in',
  'on',
  'at',
  'a',
  'an',
  'to',
  'de',
  'la',
  'le',
  'les',
  'des',
  'du',
  'der',
  'die',
  'das',
  'und',
  'fur',
  'y',
  'e',
  'el',
  'et',
  'di',
  'del',
  'official',
  // French and Italian elided articles: "Annales françaises d'anesthésie".
  'd',
  'l',
]);

/**
 * A container title as the alternative token lists it may be compared by: the whole title and each
 * part between "=", "/", ";", ":" separators ("Stroke; a journal of cerebral circulation",
 * "Zhonghua … = Chinese journal of …"), without stopwords. Embase's ".Conference: …" suffix is cut.
 */
export function containerForms(raw: string | undefined): string[][] {
  if (!raw) return [];
  const text = stripHtml(raw)
    .replace(/\.\s*conference\s*:.*$/i, '')
    .replace(/\b([dl])['’]/gi, '$1 ')
    .replace(/\([^)]*\)/g, ' ');
  const pieces = [text, ...text.split(/\s*(?:=|\/|;|:|\s-\s)\s*/)];
  const forms: string[][] = [];
  const seen = new Set<string>();
  for (const piece of pieces) {
    const tokens = normalizeText(piece)
      .split(' ')
      .filter((token) => token && !STOPWORDS.has(token));
    const key = tokens.join(' ');
    if (tokens.length && !seen.has(key)) {
      seen.add(key);
      forms.push(tokens);
    }
  }
  return forms;
}

/**
 * ISO4-ish abbreviation matching: every word of the shorter form is a prefix of the word in the same
 * position of the longer form ("nat rev nephrol" / "nature reviews nephrology"), or the shorter form
 * is one token made of the longer form's initials ("jama", "jpen").
 */
export function abbreviationMatches(short: string[], full: string[]): boolean {
  if (short.length === 1 && full.length >= 3) {
    const acronym = full.map((token) => token[0]).join('');
    if (short[0] === acronym) return true;
  }
  if (short.length !== full.length) return false;
  for (let i = 0; i < short.length; i++) {
    const abbreviated = short[i] ?? '';
    const word = full[i] ?? '';
    if (!word.startsWith(abbreviated)) return false;
  }
  return true;
}

/** True when any form of one container title abbreviates or equals any form of the other. */
export function containersMatch(a: string[][], b: string[][]): boolean {
  for (const x of a) {
    for (const y of b) {
      if (x.join(' ') === y.join(' ')) return true;
      const [short, full] = x.join('').length <= y.join('').length ? [x, y] : [y, x];
      // A one-word abbreviation is too weak unless it is the whole title or an acronym ("Brain" ≠ "Brain Res").
      if (short.length === 1 && full.length === 1) continue;
      if (abbreviationMatches(short, full)) return true;
    }
  }
  return false;
}
