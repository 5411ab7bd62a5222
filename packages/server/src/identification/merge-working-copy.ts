import { type BibliographicRecord, mergeRecords } from '@weft/core';

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

/**
 * The group's working copy and its primary record. The merged fields come from core's
 * `mergeRecords` (most complete value per field); the primary is the most complete member (ties
 * go to the earliest, so the choice is stable). Source records are untouched; this copy is what
 * screening shows.
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
  return { primaryId: primary.id, merged: mergeRecords([...members]).record };
}
