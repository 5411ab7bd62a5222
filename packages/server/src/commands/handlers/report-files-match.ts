import { cleanTitle, normalizeDoi, normalizeText } from '@weft/core';
import type { MatchableRecord } from '@weft/storage';

/*
 * Which record a full text belongs to, from what the PDF says about itself. Rules in order of
 * trust: a DOI printed on its first pages (or in its metadata), then the record's title found
 * there, then the file name (the record's id, or first author + year as reference managers name
 * files). A rule that finds several records narrows the next rule's search to them; a file that
 * stays ambiguous or unmatched is left for a person to assign.
 */

export type MatchRule = 'doi' | 'title' | 'file-name';

export type FileMatch =
  | { kind: 'matched'; recordId: string; by: MatchRule }
  | { kind: 'ambiguous'; recordIds: string[]; by: MatchRule }
  | { kind: 'unmatched' };

export interface FullTextClues {
  fileName: string;
  /** Text of the first pages (the title page and the next). */
  firstPagesText: string;
  /** The PDF's metadata title, if any. */
  metadataTitle?: string;
}

/** Titles shorter than this (compacted) say too little to match on ("Editorial", "Reply"). */
const MIN_TITLE_CHARS = 20;
const KEY = 16;

const UUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const DOI_RE = /10\.\d{4,9}\/[^\s"<>]+/g;

/** The records, indexed once for every file of an upload. */
export interface MatchIndex {
  byDoi: Map<string, string[]>;
  /** Titles by their first KEY characters, so a page is scanned once rather than once per title. */
  titlesByKey: Map<string, Array<{ id: string; compact: string }>>;
  ids: Set<string>;
  byAuthorYear: Map<string, string[]>;
}

function push(map: Map<string, string[]>, key: string, id: string) {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

const compact = (text: string) => text.replace(/ /g, '');

/** "Smith, J." / "van der Berg" / "World Health Organization" → the family name, compacted. */
function familyKey(firstAuthor: string): string {
  return compact(normalizeText(firstAuthor.split(',')[0]));
}

export function buildMatchIndex(records: readonly MatchableRecord[]): MatchIndex {
  const index: MatchIndex = {
    byDoi: new Map(),
    titlesByKey: new Map(),
    ids: new Set(),
    byAuthorYear: new Map(),
  };
  for (const record of records) {
    index.ids.add(record.id.toLowerCase());
    const doi = normalizeDoi(record.doi ?? undefined);
    if (doi) push(index.byDoi, doi, record.id);
    const title = compact(cleanTitle(record.title));
    if (title.length >= MIN_TITLE_CHARS) {
      const key = title.slice(0, KEY);
      const list = index.titlesByKey.get(key);
      if (list) list.push({ id: record.id, compact: title });
      else index.titlesByKey.set(key, [{ id: record.id, compact: title }]);
    }
    if (record.firstAuthor && record.year !== null) {
      const family = familyKey(record.firstAuthor);
      if (family) push(index.byAuthorYear, `${family}|${record.year}`, record.id);
    }
  }
  return index;
}

/** Distinct ids in first-found order, kept to `within` when given. */
function distinct(ids: Iterable<string>, within?: Set<string>): string[] {
  const out = new Set<string>();
  for (const id of ids) if (!within || within.has(id)) out.add(id);
  return [...out];
}

function byDoi(index: MatchIndex, clues: FullTextClues): string[] {
  const text = `${clues.metadataTitle ?? ''}\n${clues.firstPagesText}`;
  const found: string[] = [];
  for (const raw of text.match(DOI_RE) ?? []) {
    const doi = normalizeDoi(raw);
    if (doi) found.push(...(index.byDoi.get(doi) ?? []));
  }
  return distinct(found);
}

function byTitle(index: MatchIndex, clues: FullTextClues): string[] {
  const page = compact(normalizeText(clues.firstPagesText));
  const meta = compact(cleanTitle(clues.metadataTitle));
  const hits: Array<{ id: string; compact: string }> = [];
  for (const t of index.titlesByKey.get(meta.slice(0, KEY)) ?? []) if (t.compact === meta) hits.push(t);
  for (let at = 0; at + KEY <= page.length; at++) {
    const candidates = index.titlesByKey.get(page.slice(at, at + KEY));
    if (candidates) for (const t of candidates) if (page.startsWith(t.compact, at)) hits.push(t);
  }
  // "Integrated care" found inside "Integrated care in Europe: a review" is the longer title's hit.
  const specific = hits.filter(
    (hit) =>
      !hits.some((other) => other.compact.length > hit.compact.length && other.compact.includes(hit.compact)),
  );
  return distinct(specific.map((h) => h.id));
}

function byFileName(index: MatchIndex, clues: FullTextClues): string[] {
  const base = clues.fileName.replace(/\.[a-z0-9]{1,5}$/i, '');
  const ids = (base.match(UUID_RE) ?? []).map((id) => id.toLowerCase()).filter((id) => index.ids.has(id));
  if (ids.length > 0) return distinct(ids);
  // "Smith_2020_…", "smith2020", "Smith et al. - 2020 - …": the words before a year name its author.
  const words = normalizeText(base)
    .replace(/([a-z])((?:19|20)\d\d)\b/g, '$1 $2')
    .split(' ')
    .filter((w) => w !== 'et' && w !== 'al' && w !== 'and');
  const found: string[] = [];
  words.forEach((word, i) => {
    if (!/^(19|20)\d\d$/.test(word)) return;
    // One to three words before the year, joined ("van der berg" is the family "vanderberg").
    for (let k = 1; k <= Math.min(3, i); k++) {
      const family = words.slice(i - k, i).join('');
      found.push(...(index.byAuthorYear.get(`${family}|${word}`) ?? []));
    }
  });
  return distinct(found);
}

const RULES: Array<[MatchRule, (index: MatchIndex, clues: FullTextClues) => string[]]> = [
  ['doi', byDoi],
  ['title', byTitle],
  ['file-name', byFileName],
];

export function matchReportFile(index: MatchIndex, clues: FullTextClues): FileMatch {
  let narrowed: { ids: string[]; by: MatchRule } | undefined;
  for (const [rule, find] of RULES) {
    const within = narrowed ? new Set(narrowed.ids) : undefined;
    const ids = distinct(find(index, clues), within);
    if (ids.length === 1 && ids[0]) return { kind: 'matched', recordId: ids[0], by: rule };
    if (ids.length > 1) narrowed = { ids, by: narrowed?.by ?? rule };
  }
  return narrowed ? { kind: 'ambiguous', recordIds: narrowed.ids, by: narrowed.by } : { kind: 'unmatched' };
}
