import { z } from 'zod';

/** Response shapes of the qualitative coding read routes. */

export interface DocumentSummary {
  id: string;
  name: string;
  kind: string;
  folder: string;
  currentVersion: number;
  codingCount: number;
  createdAt: string;
}

export interface DocumentsResponse {
  documents: DocumentSummary[];
}

export interface CodingView {
  id: string;
  codeId: string;
  documentId: string;
  versionId: string;
  /** UTF-16 code units of the version's text, start inclusive, end exclusive. */
  start: number;
  end: number;
  exact: string;
  coderId: string;
  createdAt: string;
  anchorStatus: 'kept' | 'moved' | 'fuzzy' | 'orphan';
  score: number;
}

/**
 * A coding as part of its document: the quote is left out when it is the text at the coding's
 * position (always, except an orphan's lost words), so a document with thousands of codings is
 * not sent twice over. `quoteOf` puts it back.
 */
export interface DocumentCoding extends Omit<CodingView, 'exact'> {
  exact?: string;
}

/** A document coding's quote: its own when it was sent, else the text it covers. */
export function quoteOf(text: string, coding: DocumentCoding): string {
  return coding.exact ?? text.slice(coding.start, coding.end);
}

export interface DocumentResponse {
  document: DocumentSummary;
  version: {
    id: string;
    version: number;
    text: string;
    structure: unknown[];
    pages: unknown | null;
    meta: Record<string, unknown>;
  };
  codings: DocumentCoding[];
}

export interface CodebookNode {
  id: string;
  parentId: string | null;
  name: string;
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
  colour: string | null;
  shortcut: string | null;
  /** Active codings on this code itself (not its children). */
  codingCount: number;
  children: CodebookNode[];
}

export interface CodebookResponse {
  /** The time the codebook is shown as of; null for now. */
  asOf: string | null;
  codes: CodebookNode[];
  /** Deleted and merged codes (restorable / unmergeable), flat. */
  inactive: { id: string; parentId: string | null; name: string; status: 'deleted' | 'merged' }[];
}

export const codebookQuerySchema = z.object({ asOf: z.iso.datetime({ offset: true }).optional() });

export interface Segment extends CodingView {
  documentName: string;
  /** Up to 200 characters of text either side, for the "open node" view. */
  before: string;
  after: string;
}

export interface CodeSegmentsResponse {
  code: { id: string; name: string; status: string };
  segments: Segment[];
}

export interface OrphanCodingsResponse {
  /** `codedExact`: for a placement to confirm, the words it was coded on before the edit. */
  codings: (Segment & { codeName: string; codedExact?: string })[];
}

/** A document's current codings alone (what a live refresh needs, without the text). */
export interface DocumentCodingsResponse {
  versionId: string;
  version: number;
  codings: DocumentCoding[];
}

/** One change to the codebook, for the "how codes developed" history. */
export interface CodebookHistoryEntry {
  seq: number;
  at: string;
  actorName: string;
  eventType: string;
  /** What changed, with the codes' names as they were then ("merged “Money” into “Funding”"). */
  summary: string;
  /** The codes the change touched (the first is the one it is about). */
  codeIds: string[];
  /** Set when the change was someone undoing or redoing their own earlier change. */
  undoStep: 'undo' | 'redo' | null;
}

export interface CodebookHistoryResponse {
  /** Newest first. */
  entries: CodebookHistoryEntry[];
}
