import type { FinalDecision, PrismaSearch, PrismaSourceType } from '@weft/core';

/** Whether a report was retrieved: as marked, or implied by a full-text decision (it was read); null while unknown. */
export function reportRetrieved(
  retrieval: string | null | undefined,
  decision: FinalDecision,
): boolean | null {
  if (retrieval === 'not-retrieved') return false;
  return retrieval === 'retrieved' || decision !== null ? true : null;
}

export function prismaSearches(
  rows: ReadonlyArray<{ id: string; name: string; source_type: string }>,
): PrismaSearch[] {
  return rows.map((s) => ({ id: s.id, name: s.name, sourceType: s.source_type as PrismaSourceType }));
}
