import type { BibliographicRecord } from '@weft/core';

export interface MergeInput {
  id: string;
  record: BibliographicRecord;
}

/** How much a record says: filled fields, with the abstract and authors weighing most. */
export function completeness(record: BibliographicRecord): number {
  let score = 0;
  for (const value of [
    record.title,
    record.container,
    record.volume,
    record.issue,
    record.pages,
    record.doi,
    record.pmid,
    record.language,
    record.publicationType,
  ]) {
    if (value !== undefined && value !== '') score += 1;
  }
  if (record.year !== undefined) score += 1;
  if (record.abstract) score += 3;
  if (record.authors.length > 0) score += 2;
  score += Math.min(record.keywords.length, 3) * 0.1;
  return score;
}

function longest(values: Array<string | undefined>): string | undefined {
  let best: string | undefined;
  for (const value of values) if (value && (!best || value.length > best.length)) best = value;
  return best;
}

function union(lists: string[][]): string[] {
  const seen = new Map<string, string>();
  for (const list of lists)
    for (const item of list) if (!seen.has(item.toLowerCase())) seen.set(item.toLowerCase(), item);
  return [...seen.values()];
}

/**
 * The group's working copy: the most complete member is primary (ties go to the earliest, so the
 * choice is stable), and each empty field of it is filled from the other members. Source
 * records are untouched; this copy is what screening shows.
 */
export function mergeWorkingCopy(members: readonly MergeInput[]): {
  primaryId: string;
  merged: BibliographicRecord;
} {
  const first = members[0];
  if (!first) throw new Error('mergeWorkingCopy needs at least one record');
  let primary = first;
  for (const member of members)
    if (completeness(member.record) > completeness(primary.record)) primary = member;
  const all = members.map((member) => member.record);
  const base = primary.record;
  const pick = <K extends keyof BibliographicRecord>(key: K) =>
    base[key] !== undefined && base[key] !== ''
      ? base[key]
      : all.find((r) => r[key] !== undefined && r[key] !== '')?.[key];
  const merged: BibliographicRecord = {
    ...base,
    authors: base.authors.length > 0 ? base.authors : (all.find((r) => r.authors.length > 0)?.authors ?? []),
    keywords: union(all.map((r) => r.keywords)),
    urls: union(all.map((r) => r.urls)),
    issn: union(all.map((r) => r.issn ?? [])),
    isbn: union(all.map((r) => r.isbn ?? [])),
    extra: { ...base.extra },
  };
  for (const key of [
    'title',
    'year',
    'container',
    'containerAbbreviation',
    'volume',
    'issue',
    'pages',
    'doi',
    'pmid',
    'language',
    'publicationType',
  ] as const) {
    const value = pick(key);
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  // Abstracts differ by truncation between databases: the longest one is the most complete.
  const abstract = longest(all.map((r) => r.abstract));
  if (abstract) merged.abstract = abstract;
  if (merged.issn?.length === 0) delete merged.issn;
  if (merged.isbn?.length === 0) delete merged.isbn;
  return { primaryId: primary.id, merged };
}
