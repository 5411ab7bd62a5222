import { FormatError } from '../format-error.js';
import type { FormatWarning } from '../format-plugin.js';
import { RisReader } from '../ris/ris-reader.js';
import { readAllLines } from '../support/line-reader.js';
import type { DecisionRow, DecisionVerdict } from './decision-row.js';
import { parseRayyanNotes } from './read-rayyan-csv.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Label words in LB or N1: ASReview's (ASReview_relevant…), Weft's, and plain words. */
const LABELS: Record<string, DecisionVerdict | null> = {
  asreview_relevant: 'include',
  asreview_irrelevant: 'exclude',
  asreview_not_seen: null,
  weft_include: 'include',
  weft_exclude: 'exclude',
  weft_maybe: 'maybe',
  include: 'include',
  included: 'include',
  exclude: 'exclude',
  excluded: 'exclude',
  maybe: 'maybe',
  '1': 'include',
  '0': 'exclude',
};

const REASONS_PREFIX = /^exclusion reasons?:\s*/i;

/**
 * RIS with decisions: ASReview writes `LB  - ASReview_relevant` / `ASReview_irrelevant` /
 * `ASReview_not_seen` (older versions the same words in N1); Rayyan's RIS carries its notes
 * (RAYYAN-INCLUSION…) in N1; Weft writes LB plus `N1  - Exclusion reasons: a; b`. A file
 * with no label in any record is refused (it is a plain reference list, not decisions).
 */
export function readDecisionsRis(text: string, fileName: string, warnings: FormatWarning[]): DecisionRow[] {
  const reader = new RisReader(fileName);
  const parsed = readAllLines(reader, text);
  warnings.push(...reader.warnings);
  let labelled = 0;
  const rows = parsed.map((item): DecisionRow => {
    const { record } = item;
    const candidates = [...(record.extra.LB ?? []), ...(record.extra.N1 ?? [])];
    let decision: DecisionVerdict | null = null;
    let found = false;
    const reasons: string[] = [];
    const notes: string[] = [];
    for (const value of candidates) {
      const word = value.trim().toLowerCase();
      if (word in LABELS) {
        if (!found) decision = LABELS[word] ?? null;
        found = true;
      } else if (REASONS_PREFIX.test(value.trim())) {
        reasons.push(
          ...value
            .trim()
            .replace(REASONS_PREFIX, '')
            .split(';')
            .map((r) => r.trim())
            .filter((r) => r !== ''),
        );
      } else if (value.includes('RAYYAN-')) {
        const rayyan = parseRayyanNotes(value);
        const verdicts = [...new Set(rayyan.inclusion.map(([, v]) => v))];
        if (verdicts.length > 0) found = true;
        if (verdicts.length === 1) decision = verdicts[0] ?? null;
        reasons.push(...rayyan.reasons);
        if (rayyan.note) notes.push(rayyan.note);
      } else if ((record.extra.N1 ?? []).includes(value) && value.trim() !== '') notes.push(value.trim());
    }
    if (found) labelled++;
    const ids: DecisionRow['ids'] = {};
    if (record.sourceId && UUID.test(record.sourceId)) ids.recordId = record.sourceId.toLowerCase();
    if (record.doi) ids.doi = record.doi;
    if (record.pmid) ids.pmid = record.pmid;
    if (record.title) ids.title = record.title;
    if (record.year !== undefined) ids.year = record.year;
    return { rowNumber: item.index, line: item.line, ids, decision, reasons, note: notes.join('\n') };
  });
  if (labelled === 0) {
    throw new FormatError(
      fileName,
      "no decisions in this RIS file: expected labels like 'LB  - ASReview_relevant' or 'N1  - ASReview_irrelevant'",
    );
  }
  return rows;
}
