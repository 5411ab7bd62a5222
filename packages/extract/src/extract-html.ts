import { assembleBlocks } from './assemble-blocks.js';
import type { DecodedDocumentText } from './decode-document-text.js';
import type { ExtractedDocument } from './extracted-document.js';
import { htmlToBlocks } from './html-to-blocks.js';

/** An HTML page (a saved full text, a journal's HTML view) as its visible reading text. */
export function extractHtml(decoded: DecodedDocumentText): ExtractedDocument {
  const { parts, title, author } = htmlToBlocks(decoded.text);
  const { text, structure } = assembleBlocks(parts);
  const firstHeading = structure.find((block) => block.kind === 'heading');
  const heading = firstHeading ? text.slice(firstHeading.start, firstHeading.end) : undefined;
  return {
    kind: 'html',
    text,
    structure,
    warnings: decoded.warnings,
    meta: {
      format: 'html',
      ...((title ?? heading) ? { title: title ?? heading } : {}),
      ...(author ? { author } : {}),
      encoding: decoded.encoding,
      bom: decoded.bom,
      lineEndings: decoded.lineEndings,
    },
  };
}
