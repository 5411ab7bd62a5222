import type { DecodedDocumentText } from './decode-document-text.js';
import type { Block, ExtractedDocument } from './extracted-document.js';

/**
 * Plain text keeps the decoded text as the canonical text (only the BOM and line endings
 * change), so offsets stay meaningful against the file. Paragraphs are runs of non-blank
 * lines; each block spans its paragraph without surrounding whitespace.
 */
export function extractPlainText(decoded: DecodedDocumentText): ExtractedDocument {
  const { text } = decoded;
  const structure: Block[] = [];
  const paragraph = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g;
  for (const match of text.matchAll(paragraph)) {
    const leading = match[0].length - match[0].trimStart().length;
    const start = match.index + leading;
    structure.push({ kind: 'paragraph', start, end: match.index + match[0].trimEnd().length });
  }
  const firstLine = text.trim().split('\n', 1)[0]?.trim();
  return {
    kind: 'text',
    text,
    structure,
    warnings: decoded.warnings,
    meta: {
      format: 'txt',
      ...(firstLine && firstLine.length <= 200 ? { title: firstLine } : {}),
      encoding: decoded.encoding,
      bom: decoded.bom,
      lineEndings: decoded.lineEndings,
    },
  };
}
