import type { BibliographicRecord, PersonName } from '../records/bibliographic-record.js';
import type { IdentifiedRecord } from './find-duplicates.js';
import { normalizeDoi } from './normalize-doi.js';

/** The working record of a duplicate group, with what is needed to undo the merge. */
export interface MergedRecord {
  record: BibliographicRecord;
  /** Every member's id in input order: unmerging restores these records unchanged. */
  memberIds: string[];
  /** Which member each chosen field came from, for provenance on the record screen. */
  fieldSources: Partial<Record<keyof BibliographicRecord, string>>;
}

type TextField =
  | 'title'
  | 'container'
  | 'containerAbbreviation'
  | 'volume'
  | 'issue'
  | 'abstract'
  | 'language';

const TEXT_FIELDS: TextField[] = [
  'title',
  'container',
  'containerAbbreviation',
  'volume',
  'issue',
  'language',
];

/**
 * Builds a group's merged working record from the most complete values of its members: the
 * longest abstract, a DOI and PMID when any member has one, the fullest author list, a page range
 * over a single page, the most frequent year. Members are never modified. Ties go to the earlier
 * member, so the result does not depend on anything but the input order.
 */
export function mergeRecords(members: IdentifiedRecord[]): MergedRecord {
  const first = members[0];
  if (!first) throw new RangeError('mergeRecords needs at least one record');
  const record: BibliographicRecord = {
    type: 'bibliographic-record',
    authors: [],
    keywords: [],
    urls: [],
    extra: {},
  };
  const fieldSources: MergedRecord['fieldSources'] = {};
  const pick = <K extends keyof BibliographicRecord>(field: K, score: (r: BibliographicRecord) => number) => {
    let best: IdentifiedRecord | undefined;
    let bestScore = 0;
    for (const member of members) {
      const value = score(member.record);
      if (value > bestScore) {
        best = member;
        bestScore = value;
      }
    }
    if (best) {
      record[field] = copy(best.record[field]);
      fieldSources[field] = best.id;
    }
  };

  for (const field of TEXT_FIELDS) pick(field, (r) => textScore(r[field]));
  pick('abstract', (r) => r.abstract?.trim().length ?? 0);
  // A title in brackets is MEDLINE's translation; an unbracketed title of the same length wins.
  pick('title', (r) => {
    const title = r.title?.trim() ?? '';
    return title ? title.length + (/^\[/.test(title) ? 0 : 1000) : 0;
  });
  pick('authors', (r) => authorListScore(r.authors));
  pick('doi', (r) => (normalizeDoi(r.doi) ? 1 : 0));
  if (record.doi) record.doi = normalizeDoi(record.doi);
  pick('pmid', (r) => (r.pmid?.trim() ? 1 : 0));
  pick('pages', (r) => pagesScore(r.pages));
  pick('publicationType', (r) => (r.publicationType && r.publicationType !== 'other' ? 1 : 0));
  pick('sourceId', (r) => (r.sourceId ? 1 : 0));

  const year = mostFrequent(
    members.map((member) => member.record.year).filter((y): y is number => y !== undefined),
  );
  if (year !== undefined) record.year = year;

  record.issn = union(members.flatMap((member) => member.record.issn ?? []));
  if (record.issn.length === 0) delete record.issn;
  record.isbn = union(members.flatMap((member) => member.record.isbn ?? []));
  if (record.isbn.length === 0) delete record.isbn;
  record.keywords = unionCaseInsensitive(members.flatMap((member) => member.record.keywords));
  record.urls = union(members.flatMap((member) => member.record.urls));
  for (const member of members) {
    for (const [key, values] of Object.entries(member.record.extra)) {
      record.extra[key] = union([...(record.extra[key] ?? []), ...values]);
    }
  }
  return { record, memberIds: members.map((member) => member.id), fieldSources };
}

/** Field values are JSON data (strings, numbers, name lists), so a JSON round trip is a deep copy. */
function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function textScore(value: string | undefined): number {
  return value?.trim().length ?? 0;
}

/** More names first, then more given-name detail ("John A." over "J."). */
function authorListScore(authors: PersonName[]): number {
  let detail = 0;
  for (const author of authors) detail += (author.given ?? '').replace(/[^\p{L}]/gu, '').length;
  return authors.length * 10_000 + Math.min(detail, 9_999);
}

function pagesScore(pages: string | undefined): number {
  const text = pages?.trim();
  if (!text) return 0;
  return /\d+\s*[-–]\s*\w+/.test(text) ? 2 : 1;
}

function mostFrequent(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  let best: number | undefined;
  let bestCount = 0;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

function union(values: string[]): string[] {
  return [...new Set(values.filter((value) => value.trim() !== ''))];
}

function unionCaseInsensitive(values: string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    const key = value.trim().toLowerCase();
    if (key && !seen.has(key)) seen.set(key, value.trim());
  }
  return [...seen.values()];
}
