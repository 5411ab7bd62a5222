import { FormatError } from '../format-error.js';
import type { FormatWarning } from '../format-plugin.js';
import type { Table } from '../table/parse-table.js';
import { splitReasons, TableColumns, tableIds } from './decision-cells.js';
import type { DecisionRow, DecisionVerdict } from './decision-row.js';

/**
 * Rayyan's CSV export ("articles.csv"). Assumed shape, from Rayyan's documentation and
 * exports seen in the wild: columns key, title, authors, journal, issn, volume, issue,
 * pages, year, publisher, url, abstract, notes, doi, keywords (pmid when known); the
 * decisions live in `notes` as pipe-separated sections:
 *
 *   RAYYAN-INCLUSION: {"Ana"=>"Included", "Ben"=>"Excluded"} | RAYYAN-LABELS: RCT,adults |
 *   RAYYAN-EXCLUSION-REASONS: wrong population,wrong outcome | USER-NOTES: {"Ana"=>["check"]}
 *
 * One row carries every collaborator's verdict. The verdicts agreeing give the row's
 * decision; disagreeing ones give none (a conflict is not guessed) with a warning.
 */
export function readRayyanCsv(table: Table, fileName: string, warnings: FormatWarning[]): DecisionRow[] {
  const columns = new TableColumns(table);
  const notesIndex = columns.index('notes');
  const reasonIndex = columns.index('exclusion_reasons');
  return table.rows.map((row, index) => {
    const line = columns.line(index);
    const notes = parseRayyanNotes(columns.cell(row, notesIndex));
    if (notes.unknown.length > 0)
      throw new FormatError(
        fileName,
        `unknown Rayyan decision '${notes.unknown[0]}' in notes (expected Included, Excluded, Maybe or Undecided)`,
        { line },
      );
    const verdicts = [...new Set(notes.inclusion.map(([, verdict]) => verdict))];
    let decision: DecisionVerdict | null = null;
    if (verdicts.length === 1) decision = verdicts[0] ?? null;
    else if (verdicts.length > 1) {
      warnings.push({
        message: `row ${index + 1}: the Rayyan reviewers disagree (${notes.inclusion.map(([who, v]) => `${who}: ${v}`).join(', ')}); imported as undecided`,
        line,
        record: index + 1,
      });
    }
    const reasons = [...notes.reasons, ...splitReasons(columns.cell(row, reasonIndex))];
    return {
      rowNumber: index + 1,
      line,
      ids: tableIds(columns, row, { recordId: ['weft_record_id'] }),
      decision,
      reasons: [...new Set(reasons)],
      note: notes.note,
    };
  });
}

export interface RayyanNotes {
  /** [reviewer, verdict] in file order; Rayyan's "Undecided" is left out. */
  inclusion: [string, DecisionVerdict][];
  reasons: string[];
  labels: string[];
  /** Everything else in the cell (user notes, free text). */
  note: string;
  /** Verdict words Rayyan does not write (a damaged or hand-edited file). */
  unknown: string[];
}

const VERDICTS: Record<string, DecisionVerdict | null> = {
  included: 'include',
  excluded: 'exclude',
  maybe: 'maybe',
  undecided: null,
};

const SECTION = /(RAYYAN-INCLUSION|RAYYAN-LABELS|RAYYAN-EXCLUSION-REASONS|USER-NOTES):/g;

export function parseRayyanNotes(cell: string): RayyanNotes {
  const result: RayyanNotes = { inclusion: [], reasons: [], labels: [], note: '', unknown: [] };
  const rest: string[] = [];
  const keys = [...cell.matchAll(SECTION)];
  const before = cell
    .slice(0, keys[0]?.index ?? cell.length)
    .replace(/\|\s*$/, '')
    .trim();
  if (before) rest.push(before);
  keys.forEach((match, i) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = keys[i + 1]?.index ?? cell.length;
    const value = cell
      .slice(start, end)
      .replace(/\|\s*$/, '')
      .trim();
    const key = match[1];
    if (key === 'RAYYAN-INCLUSION') {
      for (const [who, verdict] of rubyHashPairs(value)) {
        const key = verdict.toLowerCase();
        if (!(key in VERDICTS)) result.unknown.push(verdict);
        const mapped = VERDICTS[key];
        if (mapped) result.inclusion.push([who, mapped]);
      }
    } else if (key === 'RAYYAN-LABELS') result.labels.push(...splitReasons(value));
    else if (key === 'RAYYAN-EXCLUSION-REASONS') result.reasons.push(...splitReasons(value));
    else for (const [who, text] of rubyHashPairs(value)) rest.push(`${who}: ${text}`);
  });
  result.note = rest.join('\n');
  return result;
}

/** {"Ana"=>"Included", "Ben"=>["a note"]}: Rayyan prints Ruby hashes; values may be arrays. */
function rubyHashPairs(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"\s*=>\s*(\[[^\]]*\]|"(?:[^"\\]|\\.)*")/g;
  for (const match of text.matchAll(pattern)) {
    const who = unescapeRuby(match[1] ?? '');
    const raw = match[2] ?? '';
    const values = raw.startsWith('[')
      ? [...raw.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => unescapeRuby(m[1] ?? ''))
      : [unescapeRuby(raw.slice(1, -1))];
    pairs.push([who, values.join('; ')]);
  }
  return pairs;
}

function unescapeRuby(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
