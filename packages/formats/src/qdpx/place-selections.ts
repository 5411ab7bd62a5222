import { FormatError } from '../format-error.js';
import type { QdePlainTextSelection, QdeSource, QdeTextPart } from './qde-model.js';
import { decodeSourceText, type QdpxArchive, resolveArchivePath } from './read-qdpx.js';

/**
 * How a file counts plain-text positions. NVivo (Windows) counts UTF-16 code units with CRLF as
 * two, which are JavaScript string indices; ATLAS.ti counts CRLF as one; code points are tried too
 * because some writers count characters, not UTF-16 units.
 */
export type PositionConvention = 'utf16' | 'crlf-as-one' | 'code-points';
export const POSITION_CONVENTIONS: readonly PositionConvention[] = ['utf16', 'crlf-as-one', 'code-points'];

export interface PlacedSelection {
  selection: QdePlainTextSelection;
  /** UTF-16 code units of the canonical text (the plain text minus its BOM). */
  start: number;
  end: number;
  placed: boolean;
  /** Why not placed. */
  reason?: string;
}

export interface PlacedText {
  source: QdeSource;
  part: QdeTextPart;
  role: 'text' | 'representation';
  /** Null when the plain text is neither in the archive nor inline. */
  text: string | null;
  bom: boolean;
  crlf: boolean;
  /** Path inside the archive the text came from, or 'inline'. */
  from?: string;
  missing?: string;
  selections: PlacedSelection[];
}

export interface Placement {
  convention: PositionConvention;
  /** How the convention was chosen: by selections whose name quotes their text, else by origin. */
  decidedBy: 'selection-text' | 'word-boundaries' | 'origin' | 'no-line-breaks';
  /**
   * Per convention, how many selections start and end on a word boundary. Unnamed selections
   * (NVivo writes name="") cannot quote their text; an offset error shows instead as spans that
   * cut words, so this is the second test.
   */
  boundaries: Record<PositionConvention, number>;
  /** Per convention, how many named selections quote the text at their positions. */
  evidence: Record<PositionConvention, number>;
  /** Named selections that could be checked at all. */
  checkable: number;
  texts: PlacedText[];
}

/** Maps positions in a convention to UTF-16 indices; undefined beyond the end. */
function positionMap(text: string, convention: PositionConvention): (p: number) => number | undefined {
  const identity = (p: number) => (p >= 0 && p <= text.length ? p : undefined);
  if (convention === 'utf16') return identity;
  // Without a CRLF (or an astral character) the convention counts exactly like UTF-16.
  if (convention === 'crlf-as-one' && !text.includes('\r\n')) return identity;
  if (convention === 'code-points' && !/[\ud800-\udbff]/.test(text)) return identity;
  const map = new Int32Array(text.length + 1);
  let units = 0;
  for (let i = 0; i < text.length; ) {
    map[units++] = i;
    const c = text.charCodeAt(i);
    if (convention === 'crlf-as-one' && c === 13 && text.charCodeAt(i + 1) === 10) i += 2;
    else if (convention === 'code-points' && c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i += 2;
    else i += 1;
  }
  map[units] = text.length;
  return (p) => (p >= 0 && p <= units ? map[p] : undefined);
}

const WORD = /[\p{L}\p{N}]/u;
function atWordBoundary(text: string, i: number): boolean {
  return i <= 0 || i >= text.length || !WORD.test(text[i - 1] ?? '') || !WORD.test(text[i] ?? '');
}

/** The convention with clearly the most word-aligned spans (twice the runner-up), if any. */
function clearBoundaryWinner(counts: Record<PositionConvention, number>): PositionConvention | undefined {
  const ranked = [...POSITION_CONVENTIONS].sort((a, b) => counts[b] - counts[a]);
  const [first, second] = ranked;
  if (!first || !second || counts[first] < 5) return undefined;
  return counts[first] >= 2 * counts[second] ? first : undefined;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A selection name that quotes its text ("…" marks a truncated quote); others cannot testify. */
function quoteOf(selection: QdePlainTextSelection): { text: string; truncated: boolean } | undefined {
  const name = selection.name?.trim();
  if (!name) return undefined;
  const truncated = /(…|\.\.\.)$/.test(name);
  const text = squash(name.replace(/(…|\.\.\.)$/, ''));
  return text.length >= 3 ? { text, truncated } : undefined;
}

function quotes(
  text: string,
  start: number,
  end: number,
  quote: { text: string; truncated: boolean },
): boolean {
  const at = squash(text.slice(start, end));
  return quote.truncated ? at.startsWith(quote.text) : at === quote.text;
}

function loadText(
  archive: QdpxArchive,
  part: QdeTextPart,
): { text: string | null; bom: boolean; from?: string; missing?: string } {
  if (part.plainTextPath) {
    const file = resolveArchivePath(archive, part.plainTextPath);
    if (file) return { ...decodeSourceText(file.bytes), from: file.path };
    if (part.plainTextContent !== undefined)
      return { text: part.plainTextContent, bom: false, from: 'inline' };
    return { text: null, bom: false, missing: `its plain text ${part.plainTextPath} is not in the archive` };
  }
  if (part.plainTextContent !== undefined) return { text: part.plainTextContent, bom: false, from: 'inline' };
  return { text: null, bom: false, missing: 'it has neither a plainTextPath nor PlainTextContent' };
}

/**
 * Reads every text source's plain text (and every PDF's text representation) and places their
 * plain-text selections in UTF-16 units of that text. The counting convention is decided for the
 * whole file: the one under which most named selections quote their text, else by the producing
 * application (ATLAS.ti counts CRLF as one, NVivo and the rest as two). A selection past the end
 * of a text that is present is an error in the file; a selection on a missing text is left
 * unplaced (the importer keeps it as an orphan).
 */
export function placeSelections(archive: QdpxArchive): Placement {
  const texts: PlacedText[] = [];
  for (const source of archive.project.sources) {
    const parts: [QdeTextPart, PlacedText['role']][] = [];
    if (source.text) parts.push([source.text, 'text']);
    if (source.kind === 'pdf' && source.representation) parts.push([source.representation, 'representation']);
    for (const [part, role] of parts) {
      const loaded = loadText(archive, part);
      texts.push({
        source,
        part,
        role,
        text: loaded.text,
        bom: loaded.bom,
        crlf: loaded.text?.includes('\r\n') ?? false,
        ...(loaded.from ? { from: loaded.from } : {}),
        ...(loaded.missing ? { missing: loaded.missing } : {}),
        selections: [],
      });
    }
  }

  const evidence: Record<PositionConvention, number> = { utf16: 0, 'crlf-as-one': 0, 'code-points': 0 };
  let checkable = 0;
  const boundaries: Record<PositionConvention, number> = { utf16: 0, 'crlf-as-one': 0, 'code-points': 0 };
  const maps = new Map<PlacedText, Record<PositionConvention, (p: number) => number | undefined>>();
  for (const placed of texts) {
    const text = placed.text;
    if (text === null) continue;
    const byConvention = {
      utf16: positionMap(text, 'utf16'),
      'crlf-as-one': positionMap(text, 'crlf-as-one'),
      'code-points': positionMap(text, 'code-points'),
    };
    maps.set(placed, byConvention);
    for (const selection of placed.part.selections) {
      if (selection.kind !== 'text') continue;
      for (const convention of POSITION_CONVENTIONS) {
        const s = byConvention[convention](selection.start);
        const e = byConvention[convention](selection.end);
        if (s !== undefined && e !== undefined && atWordBoundary(text, s) && atWordBoundary(text, e))
          boundaries[convention]++;
      }
      const quote = quoteOf(selection);
      if (!quote) continue;
      checkable++;
      for (const convention of POSITION_CONVENTIONS) {
        const s = byConvention[convention](selection.start);
        const e = byConvention[convention](selection.end);
        if (s !== undefined && e !== undefined && quotes(text, s, e, quote)) evidence[convention]++;
      }
    }
  }

  const anyLineBreakOrAstral = texts.some(
    (t) => t.text !== null && (t.crlf || /[\ud800-\udbff]/.test(t.text)),
  );
  const best = Math.max(...Object.values(evidence));
  const leaders = POSITION_CONVENTIONS.filter((c) => evidence[c] === best);
  const byOrigin: PositionConvention = /atlas\.ti/i.test(archive.project.origin ?? '')
    ? 'crlf-as-one'
    : 'utf16';
  let convention: PositionConvention;
  let decidedBy: Placement['decidedBy'];
  if (!anyLineBreakOrAstral) {
    convention = 'utf16';
    decidedBy = 'no-line-breaks';
  } else if (best > 0 && leaders.length === 1) {
    convention = leaders[0] ?? 'utf16';
    decidedBy = 'selection-text';
  } else if (clearBoundaryWinner(boundaries)) {
    convention = clearBoundaryWinner(boundaries) ?? byOrigin;
    decidedBy = 'word-boundaries';
  } else {
    convention = leaders.includes(byOrigin) || best === 0 ? byOrigin : (leaders[0] ?? byOrigin);
    decidedBy = 'origin';
  }

  for (const placed of texts) {
    const map = maps.get(placed)?.[convention];
    for (const selection of placed.part.selections) {
      if (selection.kind !== 'text') continue;
      if (selection.start < 0 || selection.end < selection.start) {
        throw new FormatError(
          `${archive.fileName}: ${archive.qdeName}`,
          `selection ${selection.guid} in "${placed.source.name}" has startPosition ${selection.start} and endPosition ${selection.end}`,
          { line: selection.line },
        );
      }
      if (!map || placed.text === null) {
        placed.selections.push({
          selection,
          start: 0,
          end: 0,
          placed: false,
          reason: `source "${placed.source.name}": ${placed.missing ?? 'no text'}`,
        });
        continue;
      }
      const start = map(selection.start);
      const end = map(selection.end);
      if (start === undefined || end === undefined) {
        throw new FormatError(
          `${archive.fileName}: ${archive.qdeName}`,
          `selection ${selection.guid} ends at position ${selection.end}, beyond the end of source "${placed.source.name}" (${placed.text.length} characters)`,
          { line: selection.line },
        );
      }
      placed.selections.push({ selection, start, end, placed: true });
    }
  }
  return { convention, decidedBy, evidence, boundaries, checkable, texts };
}
