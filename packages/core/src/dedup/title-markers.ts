/**
 * Words in a title that distinguish otherwise identical titles: a series part, a trial phase,
 * a protocol rather than its results, any number (follow-up length, year of an update, trial
 * number). Two titles one edit apart ("Phase II" / "Phase III") are different works when these differ.
 */
export interface TitleMarkers {
  /** Numbers and roman numerals in the order they appear, normalised to arabic digits. */
  numbers: string[];
  /** "part a", "part 2", spelled numbers normalised. */
  parts: string[];
  protocol: boolean;
}

const ROMAN: Record<string, string> = {
  i: '1',
  ii: '2',
  iii: '3',
  iv: '4',
  v: '5',
  vi: '6',
  vii: '7',
  viii: '8',
  ix: '9',
  x: '10',
  xi: '11',
  xii: '12',
};

const WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  first: '1',
  second: '2',
  third: '3',
  fourth: '4',
};

const PROTOCOL_RE =
  /\b(?:protocol|study design|design and rationale|rationale and design|rationale design|statistical analysis plan|trial design)\b/;

/** Reads the markers from a normalised title (see cleanTitle). */
export function titleMarkers(normalizedTitle: string): TitleMarkers {
  const tokens = normalizedTitle.split(' ');
  const numbers: string[] = [];
  const parts: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const previous = tokens[i - 1];
    // "i" alone is a pronoun too often (and "v" an abbreviation of versus), so roman numerals
    // count only after a word that introduces a number.
    const introduced =
      previous === 'part' || previous === 'phase' || previous === 'paper' || previous === 'type';
    if (/^\d+$/.test(token)) numbers.push(String(Number(token)));
    // Sources disagree on spacing inside names like "alphavbeta3" / "alpha v beta 3" or "IL6" / "IL 6":
    // a number glued to letters is the same number. Ordinals ("1st") stay words, as "first" does.
    else if (/\d/.test(token) && !/^\d+(?:st|nd|rd|th)$/.test(token)) {
      for (const digits of token.match(/\d+/g) ?? []) numbers.push(String(Number(digits)));
    } else if (introduced && ROMAN[token]) numbers.push(ROMAN[token]);
    else if (introduced && WORDS[token]) numbers.push(WORDS[token]);
    if ((previous === 'part' || previous === 'paper') && token) {
      parts.push(ROMAN[token] ?? WORDS[token] ?? (/^\d+$/.test(token) ? String(Number(token)) : token));
    }
    if ((token === 'part' || token === 'paper') && WORDS[previous ?? ''])
      parts.push(WORDS[previous ?? ''] ?? '');
  }
  return { numbers, parts, protocol: PROTOCOL_RE.test(normalizedTitle) };
}

/** True when the markers differ in a way that makes the two titles different works. */
export function markersConflict(
  a: TitleMarkers,
  b: TitleMarkers,
): 'parts' | 'numbers' | 'protocol' | undefined {
  if (a.parts.join(' ') !== b.parts.join(' ')) return 'parts';
  if (a.protocol !== b.protocol) return 'protocol';
  if (a.numbers.join(' ') !== b.numbers.join(' ')) return 'numbers';
  return undefined;
}
