import type { Code } from '@weft/core';
import type { CodebookNode, CodingView, DocumentCoding, DocumentSummary, Segment } from '@weft/protocol';
import type { CodingRow, DocumentRow } from '@weft/storage';

/** Characters of context either side of a segment in the "open node" view. */
const CONTEXT = 200;

export function presentDocument(row: DocumentRow, codingCount: number): DocumentSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    folder: row.folder,
    currentVersion: row.current_version,
    codingCount,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentCoding(row: CodingRow): CodingView {
  return {
    id: row.id,
    codeId: row.code_id,
    documentId: row.document_id,
    versionId: row.version_id,
    start: row.start_offset,
    end: row.end_offset,
    exact: row.exact,
    coderId: row.coder_id,
    createdAt: row.created_at.toISOString(),
    anchorStatus: row.anchor_status,
    score: row.score,
  };
}

/** A coding in its document's response: the quote only when the text there no longer reads so. */
export function presentDocumentCoding(row: CodingRow, text: string): DocumentCoding {
  const { exact, ...coding } = presentCoding(row);
  return text.slice(row.start_offset, row.end_offset) === exact ? coding : { ...coding, exact };
}

/**
 * A coding with the text around it. An orphan's words are gone from the text, so what is now at
 * its old place says nothing about it: it shows the prefix and suffix stored with its quote.
 */
export function presentSegment(row: CodingRow, documentName: string, text: string): Segment {
  if (row.anchor_status === 'orphan')
    return { ...presentCoding(row), documentName, before: row.prefix, after: row.suffix };
  return {
    ...presentCoding(row),
    documentName,
    before: text.slice(Math.max(0, row.start_offset - CONTEXT), row.start_offset),
    after: text.slice(row.end_offset, row.end_offset + CONTEXT),
  };
}

/** The active codes as a tree in sibling order, each with its own coding count. */
export function codebookTree(codes: Record<string, Code>, counts: Map<string, number>): CodebookNode[] {
  const active = Object.values(codes)
    .filter((code) => code.status === 'active')
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
  const nodes = new Map<string, CodebookNode>();
  for (const code of active) {
    nodes.set(code.id, {
      id: code.id,
      parentId: code.parentId,
      name: code.name,
      description: code.description,
      inclusion: code.inclusion,
      exclusion: code.exclusion,
      example: code.example,
      colour: code.colour,
      shortcut: code.shortcut,
      codingCount: counts.get(code.id) ?? 0,
      children: [],
    });
  }
  const roots: CodebookNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else if (node.parentId === null) roots.push(node);
  }
  return roots;
}

/** Numbers per text item in a packed PDF layout: page, gap from the last item's end, length, x, y, width, height. */
export const PACKED_ITEM_STRIDE = 7;

const ITEM_KEYS = ['page', 'start', 'end', 'x', 'y', 'width', 'height'] as const;
type StoredItem = Record<(typeof ITEM_KEYS)[number], number>;
const isStoredItem = (v: unknown): v is StoredItem =>
  typeof v === 'object' && v !== null && ITEM_KEYS.every((k) => typeof (v as StoredItem)[k] === 'number');
// A tenth of a PDF point is under a tenth of a pixel at the zoom the coding screen draws at.
const tenth = (n: number) => Math.round(n * 10) / 10;

/**
 * A PDF version's layout for the document read, its text items packed into one flat number
 * array (PACKED_ITEM_STRIDE a piece, offsets as gaps and lengths, boxes to a tenth of a point):
 * as objects they were most of a 300-page PDF's 1.4 MB read. The stored layout is unchanged;
 * anything that is not a list of items passes through as stored.
 */
export function presentPages(pages: unknown): unknown {
  if (typeof pages !== 'object' || pages === null) return pages;
  const { items, ...rest } = pages as { items?: unknown };
  if (!Array.isArray(items) || !items.every(isStoredItem)) return pages;
  const packed: number[] = new Array(items.length * PACKED_ITEM_STRIDE);
  let previousEnd = 0;
  items.forEach((item, i) => {
    const at = i * PACKED_ITEM_STRIDE;
    packed[at] = item.page;
    packed[at + 1] = item.start - previousEnd;
    packed[at + 2] = item.end - item.start;
    packed[at + 3] = tenth(item.x);
    packed[at + 4] = tenth(item.y);
    packed[at + 5] = tenth(item.width);
    packed[at + 6] = tenth(item.height);
    previousEnd = item.end;
  });
  return { ...rest, packedItems: packed };
}
