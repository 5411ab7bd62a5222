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

/** A coding with the text around it; an orphan shows its stored quote and the text near its last place. */
export function presentSegment(row: CodingRow, documentName: string, text: string): Segment {
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
