import { cleanTitle } from '../dedup/clean-title.js';
import { normalizeDoi } from '../dedup/normalize-doi.js';

/** What a decision row says about its record (as formats' decision readers give it). */
export interface DecisionRowIdentifiers {
  recordId?: string;
  doi?: string;
  pmid?: string;
  title?: string;
  year?: number;
}

/**
 * A project record as matching needs it. A record may be given several times under one id
 * (a merged record with each of its duplicates' identifiers): they count as one candidate.
 */
export interface MatchableRecord {
  id: string;
  doi?: string | null;
  pmid?: string | null;
  title?: string | null;
  year?: number | null;
}

export type DecisionMatchKey = 'record-id' | 'doi' | 'pmid' | 'title';

export interface MatchedDecisionRow<R> {
  row: R;
  recordId: string;
  by: DecisionMatchKey;
}

export interface UnmatchedDecisionRow<R> {
  row: R;
  kind: 'no-identifiers' | 'no-match' | 'ambiguous' | 'repeated';
  /** For the person importing: why the row was left out. */
  reason: string;
  /** Records the row could be (ambiguous), or the record an earlier row already took (repeated). */
  candidates: string[];
}

/**
 * Finds the project record each decision row is about: by Weft record id, then DOI, then
 * PMID, then normalised title (dedup's cleanTitle, spaces removed) narrowed by year when
 * both sides have one. The first key that names exactly one record wins; a key naming
 * several is only reported (ambiguous) if no later key settles it — nothing is guessed.
 * A second row for a record already matched is reported rather than overwriting the first.
 */
export function matchDecisionRows<R extends { rowNumber: number; ids: DecisionRowIdentifiers }>(
  rows: readonly R[],
  records: readonly MatchableRecord[],
): { matched: MatchedDecisionRow<R>[]; unmatched: UnmatchedDecisionRow<R>[] } {
  const byId = new Map<string, string>();
  const byDoi = new Map<string, string[]>();
  const byPmid = new Map<string, string[]>();
  const byTitle = new Map<string, MatchableRecord[]>();
  for (const record of records) {
    byId.set(record.id.toLowerCase(), record.id);
    push(byDoi, normalizeDoi(record.doi ?? undefined), record.id);
    push(byPmid, record.pmid?.trim() || undefined, record.id);
    push(byTitle, titleKey(record.title ?? undefined), record);
  }

  const matched: MatchedDecisionRow<R>[] = [];
  const unmatched: UnmatchedDecisionRow<R>[] = [];
  const takenBy = new Map<string, number>();
  for (const row of rows) {
    const { ids } = row;
    const doi = normalizeDoi(ids.doi);
    const pmid = ids.pmid?.trim() || undefined;
    const title = titleKey(ids.title);
    if (!ids.recordId && !doi && !pmid && !title) {
      unmatched.push({
        row,
        kind: 'no-identifiers',
        reason: 'the row has no id, DOI, PMID or title',
        candidates: [],
      });
      continue;
    }
    const ambiguous: { key: string; candidates: string[] }[] = [];
    let found: { recordId: string; by: DecisionMatchKey } | undefined;
    const tryKey = (by: DecisionMatchKey, given: readonly string[] | undefined) => {
      // Several entries may stand for one record (a merged record and its duplicates).
      const candidates = given ? [...new Set(given)] : [];
      if (found || candidates.length === 0) return;
      if (candidates.length === 1) found = { recordId: candidates[0] as string, by };
      else ambiguous.push({ key: by, candidates: [...candidates] });
    };
    const weftId = ids.recordId ? byId.get(ids.recordId.toLowerCase()) : undefined;
    tryKey('record-id', weftId ? [weftId] : undefined);
    tryKey('doi', doi ? byDoi.get(doi) : undefined);
    tryKey('pmid', pmid ? byPmid.get(pmid) : undefined);
    let yearMismatch = false;
    if (title && !found) {
      const sameTitle = byTitle.get(title) ?? [];
      const year = ids.year ?? undefined;
      const sameYear =
        year === undefined
          ? sameTitle
          : sameTitle.filter((r) => r.year === undefined || r.year === null || r.year === year);
      yearMismatch = sameTitle.length > 0 && sameYear.length === 0;
      tryKey(
        'title',
        sameYear.map((r) => r.id),
      );
    }

    if (found) {
      const earlier = takenBy.get(found.recordId);
      if (earlier !== undefined) {
        unmatched.push({
          row,
          kind: 'repeated',
          reason: `the same record as row ${earlier} (matched by ${found.by})`,
          candidates: [found.recordId],
        });
        continue;
      }
      takenBy.set(found.recordId, row.rowNumber);
      matched.push({ row, ...found });
    } else if (ambiguous.length > 0) {
      const first = ambiguous[0] as { key: string; candidates: string[] };
      unmatched.push({
        row,
        kind: 'ambiguous',
        reason: `its ${first.key === 'title' ? 'title' : first.key.toUpperCase()} matches ${first.candidates.length} records`,
        candidates: [...new Set(ambiguous.flatMap((a) => a.candidates))],
      });
    } else {
      const tried = [
        ids.recordId ? 'id' : undefined,
        doi ? 'DOI' : undefined,
        pmid ? 'PMID' : undefined,
        title ? 'title' : undefined,
      ].filter((t) => t !== undefined);
      unmatched.push({
        row,
        kind: 'no-match',
        reason: yearMismatch
          ? `its title matches a record of another year (${ids.year})`
          : `no record has its ${tried.join(', ')}`,
        candidates: [],
      });
    }
  }
  return { matched, unmatched };
}

/** The dedup title (decorations removed, normalised), without spaces so hyphenation does not matter. */
function titleKey(title: string | undefined): string | undefined {
  const key = cleanTitle(title).replace(/ /g, '');
  return key.length > 0 ? key : undefined;
}

function push<T>(map: Map<string, T[]>, key: string | undefined, value: T): void {
  if (key === undefined) return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
