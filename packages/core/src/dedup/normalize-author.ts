import type { PersonName } from '../records/bibliographic-record.js';
import { normalizeText } from './normalize-text.js';
import { boundedLevenshtein } from './string-similarity.js';

/** An author reduced to what every source agrees on: the family name and the initials. */
export interface AuthorKey {
  /** Normalised family name without spaces or hyphens ("le quintrec" → "lequintrec"). */
  family: string;
  /** Lower-case initials of the given names, in order ("John A." → "ja"). */
  initials: string;
  /** Every word of the name (two letters or more), for names whose parts a source swapped or split. */
  tokens: string[];
  /** The words of the family name alone. */
  familyTokens: string[];
  /** Set for organisations and consortia, which have no initials. */
  literal?: true;
  /**
   * Set when an export replaced letters it could not encode with "?" ("Ta?a?aj" for "Tałałaj"):
   * the family name with each lost letter as a wildcard.
   */
  lossyFamily?: RegExp;
}

/**
 * Reads the forms "Smith, J. A.", "John A Smith", "SMITH JA", "Smith JA" and a PersonName whose
 * parts the importer already split. A name that arrives whole (in `literal`, or all in `family`)
 * is split here because importers cannot always tell a person from an organisation.
 */
export function normalizeAuthor(name: PersonName): AuthorKey {
  let family = name.family ?? '';
  // Some exports write a missing part as the word "null" or "undefined".
  let given = /^(?:null|undefined)$/i.test(name.given?.trim() ?? '') ? '' : (name.given ?? '');
  if (!given && (name.literal || family)) {
    const whole = (name.literal ?? family).trim();
    const split = splitWholeName(whole);
    if (!split) {
      const words = normalizeText(whole).split(' ').filter(Boolean);
      return { family: words.join(''), initials: '', tokens: words, familyTokens: words, literal: true };
    }
    family = split.family;
    given = split.given;
  }
  const lossy = /\p{L}\?/u.test(family) ? lossyPattern(family) : undefined;
  const familyWords = normalizeText(lossy ? family.replace(/\?/g, '') : family)
    .split(' ')
    .filter(Boolean);
  const givenWords = normalizeText(given)
    .split(' ')
    .filter((word) => word.length >= 2);
  return {
    family: familyWords.join(''),
    initials: initialsOf(given),
    tokens: [...familyWords, ...givenWords],
    familyTokens: familyWords,
    ...(lossy ? { lossyFamily: lossy } : {}),
  };
}

function lossyPattern(family: string): RegExp | undefined {
  const parts = family.split('?').map((part) => normalizeText(part).replace(/ /g, ''));
  // Too few letters left to tell people apart.
  if (parts.join('').length < 3) return undefined;
  return new RegExp(`^${parts.join('[a-z]{1,2}')}$`);
}

/**
 * Whether two author keys name the same person: same family name (or one typo apart) with
 * compatible first initials, or one name's family words all among the other's words, which
 * catches swapped parts ("Ching-yi, Wu" / "Wu, C. Y.") and unsplit ones ("Si Hyun Kang").
 */
export function sameAuthor(x: AuthorKey, y: AuthorKey): boolean {
  const initialsAgree = !x.initials || !y.initials || x.initials[0] === y.initials[0];
  if (x.family === y.family) return initialsAgree;
  if (x.lossyFamily?.test(y.family) || y.lossyFamily?.test(x.family)) return initialsAgree;
  if (Math.min(x.family.length, y.family.length) >= 5 && Math.abs(x.family.length - y.family.length) <= 1) {
    if (boundedLevenshtein(x.family, y.family, 1) <= 1) return initialsAgree;
  }
  return contains(x.tokens, y.familyTokens) || contains(y.tokens, x.familyTokens);
}

function contains(words: string[], required: string[]): boolean {
  if (required.length === 0 || required.every((word) => word.length < 2)) return false;
  return required.every((word) => words.includes(word));
}

/** Parses a name given as one string; undefined when it looks like an organisation. */
export function splitWholeName(whole: string): { family: string; given: string } | undefined {
  const comma = whole.indexOf(',');
  if (comma > 0) return { family: whole.slice(0, comma).trim(), given: whole.slice(comma + 1).trim() };
  const tokens = whole.split(/\s+/).filter(Boolean);
  if (tokens.length < 2 || tokens.length > 5) return undefined;
  if (
    /\b(?:group|consortium|committee|investigators|collaborat|society|association|trial|study|network|council|organi[sz]ation|institute|university)/i.test(
      whole,
    )
  ) {
    return undefined;
  }
  const last = tokens[tokens.length - 1] ?? '';
  // MEDLINE and Web of Science write "SMITH JA" / "Smith JA": initials run together after the family name.
  if (/^[A-Z]{1,3}$/.test(last) && tokens.length <= 3) {
    return { family: tokens.slice(0, -1).join(' '), given: last.split('').join(' ') };
  }
  return { family: last, given: tokens.slice(0, -1).join(' ') };
}

function initialsOf(given: string): string {
  const text = given.trim();
  if (!text) return '';
  // "JA" (run-together initials) is two people-initials, not the name "Ja".
  if (/^[A-Z]{2,3}$/.test(text)) return text.toLowerCase();
  return normalizeText(text.replace(/[-‐]/g, ' '))
    .split(' ')
    .filter(Boolean)
    .map((part) => part[0])
    .join('');
}
