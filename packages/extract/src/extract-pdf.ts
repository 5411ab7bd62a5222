import { getDocument, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem as PdfJsTextItem } from 'pdfjs-dist/types/src/display/api.js';
import { ExtractError } from './extract-error.js';
import type { Block, ExtractedDocument, PageSpan, TextItem } from './extracted-document.js';

/** pdf.js verbosity: errors only (its warnings about fonts are not the reader's concern). */
const ERRORS_ONLY = 0;

/** Line pitch above this many font heights starts a new paragraph (body text leads at about 1.2). */
const PARAGRAPH_GAP = 1.6;

const PDF_MAGIC = '%PDF-';

function latin1(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}

function checkEnvelope(fileName: string, bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ExtractError(fileName, 'empty', 'the file is empty');
  // The spec lets junk precede the header; readers look in the first kilobyte.
  if (!latin1(bytes.subarray(0, 1024)).includes(PDF_MAGIC))
    throw new ExtractError(fileName, 'wrong-kind', "not a PDF file (no '%PDF-' header)");
  if (!latin1(bytes.subarray(Math.max(0, bytes.length - 64 * 1024))).includes('%%EOF'))
    throw new ExtractError(
      fileName,
      'truncated',
      "the PDF is truncated (no '%%EOF' end marker); upload it again",
    );
}

function trimmedSpan(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return { start: s, end: e };
}

function problemOf(error: unknown): { problem: 'encrypted' | 'corrupt'; reason: string } {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException')
    return {
      problem: 'encrypted',
      reason: 'the PDF is password-protected; remove the password and upload it again',
    };
  return { problem: 'corrupt', reason: `not a readable PDF (${message})` };
}

/**
 * A PDF's text layer through pdf.js. Pages follow each other separated by a blank line;
 * inside a page, items on one baseline join into a line, lines into paragraphs, and a
 * line pitch well above the font height starts a new paragraph. Each text item keeps its
 * box so a viewer can overlay selectable text and map a selection back to offsets.
 * Scanned pages have no text layer: they are reported, not recognised (no OCR).
 */
export async function extractPdf(fileName: string, bytes: Uint8Array): Promise<ExtractedDocument> {
  checkEnvelope(fileName, bytes);
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    verbosity: ERRORS_ONLY,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  });
  try {
    const pdf = await task.promise.catch((error: unknown) => {
      const { problem, reason } = problemOf(error);
      throw new ExtractError(fileName, problem, reason);
    });
    let text = '';
    const structure: Block[] = [];
    const pages: PageSpan[] = [];
    const items: TextItem[] = [];
    const warnings: string[] = [];
    const emptyPages: number[] = [];

    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      let page: Awaited<ReturnType<typeof pdf.getPage>>;
      let content: Awaited<ReturnType<(typeof page)['getTextContent']>>;
      try {
        page = await pdf.getPage(pageNumber);
        content = await page.getTextContent();
      } catch (error) {
        throw new ExtractError(fileName, 'corrupt', `page ${pageNumber}: ${problemOf(error).reason}`);
      }
      const viewport = page.getViewport({ scale: 1 });
      if (text !== '' && content.items.some((item) => 'str' in item && item.str.trim() !== ''))
        text += '\n\n';
      const pageStart = text.length;
      const paragraphs: { start: number; end: number }[] = [];
      let paragraphStart = text.length;
      let lineBreakPending = false;
      // The line's baseline is its first item's: a superscript must not shift where the line is.
      let line: { baseline: number; size: number } | undefined;
      let previousRight = 0;

      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw as PdfJsTextItem;
        const [, , c = 0, d = 0, x = 0, baseline = 0] = Util.transform(viewport.transform, item.transform);
        const size = Math.hypot(c, d);
        if (item.str === '') {
          lineBreakPending ||= item.hasEOL;
          continue;
        }
        if (line) {
          const lead = Math.max(size, line.size);
          const pitch = baseline - line.baseline;
          // pdf.js marks line ends, but also some baseline shifts (subscripts): a line break
          // needs the baseline to move or the text to go back to the left.
          const wrapped = lineBreakPending && x < previousRight - size * 0.5;
          if (wrapped || Math.abs(pitch) > lead * 0.5) {
            // Moving up the page (a new column) or a wide gap ends the paragraph.
            if (pitch < 0 || pitch > lead * PARAGRAPH_GAP) {
              paragraphs.push({ start: paragraphStart, end: text.length });
              text += '\n\n';
              paragraphStart = text.length;
            } else text += '\n';
            line = { baseline, size };
          } else {
            line.size = Math.max(line.size, size);
            if (x - previousRight > size * 0.2 && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
          }
        } else line = { baseline, size };
        const start = text.length;
        text += item.str;
        items.push({
          page: pageNumber,
          start,
          end: text.length,
          x,
          y: baseline - size,
          width: item.width * viewport.scale,
          height: size,
        });
        lineBreakPending = item.hasEOL;
        previousRight = x + item.width * viewport.scale;
      }
      paragraphs.push({ start: paragraphStart, end: text.length });

      const span = trimmedSpan(text, pageStart, text.length);
      pages.push({ page: pageNumber, ...span, width: viewport.width, height: viewport.height });
      if (span.start === span.end) {
        emptyPages.push(pageNumber);
        continue;
      }
      structure.push({ kind: 'page', page: pageNumber, ...span });
      for (const paragraph of paragraphs) {
        const trimmed = trimmedSpan(text, paragraph.start, paragraph.end);
        if (trimmed.start < trimmed.end) structure.push({ kind: 'paragraph', page: pageNumber, ...trimmed });
      }
      page.cleanup();
    }

    if (text.trim() === '')
      throw new ExtractError(
        fileName,
        'no-text',
        'the PDF has no text layer (a scanned document?); run OCR on it first and upload the result',
      );
    if (emptyPages.length > 0)
      warnings.push(
        emptyPages.length > 1
          ? `pages ${emptyPages.join(', ')} have no text layer (scanned?); their text is missing`
          : `page ${emptyPages[0]} has no text layer (scanned?); its text is missing`,
      );

    const info = ((await pdf.getMetadata().catch(() => undefined))?.info ?? {}) as Record<string, unknown>;
    const title = typeof info.Title === 'string' ? info.Title.trim() : '';
    const author = typeof info.Author === 'string' ? info.Author.trim() : '';
    return {
      kind: 'pdf',
      text,
      structure,
      pages,
      items,
      warnings,
      meta: {
        format: 'pdf',
        ...(title ? { title } : {}),
        ...(author ? { author } : {}),
        pageCount: pdf.numPages,
      },
    };
  } finally {
    await task.destroy();
  }
}
