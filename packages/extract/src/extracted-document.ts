/**
 * What extraction hands to storage: a canonical text plus an offset map. Every offset is a
 * UTF-16 code-unit index into `text` (a JS string index), start inclusive, end exclusive, so
 * `text.slice(block.start, block.end)` is the block's content. Codings are stored against
 * these offsets, which is why the text is canonical: the same bytes always give the same text.
 */

/** The kinds of file extraction understands. */
export type DocumentKind = 'text' | 'markdown' | 'docx' | 'html' | 'pdf' | 'transcript';

/** The concrete source format inside a kind (a transcript can be WebVTT, SRT or speaker lines). */
export type SourceFormat = 'txt' | 'md' | 'docx' | 'html' | 'pdf' | 'vtt' | 'srt' | 'speaker-lines';

export type BlockKind = 'heading' | 'paragraph' | 'utterance' | 'page';

export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** Heading level 1–6. */
  level?: number;
  /** Who speaks in an utterance; the block's text starts with `${speaker}: `. */
  speaker?: string;
  /** Media time of an utterance, in milliseconds from the start of the recording. */
  startMs?: number;
  endMs?: number;
  /** 1-based PDF page number of a page block, and of a paragraph block inside a PDF. */
  page?: number;
}

/** Where one PDF page's text lies in the canonical text, and the page size for drawing it. */
export interface PageSpan {
  page: number;
  start: number;
  end: number;
  /** Page size in PDF points at scale 1 (rotation applied). */
  width: number;
  height: number;
}

/**
 * One run of text on a PDF page (a pdf.js text item) and where it is drawn: a box in PDF
 * points at scale 1 with the origin at the page's top-left corner, as a browser lays it out.
 * A viewer puts a transparent span of `text.slice(start, end)` there to make the page
 * selectable, and maps a selection back to canonical offsets through start/end.
 */
export interface TextItem {
  page: number;
  start: number;
  end: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Which line endings the source used before they were normalised to \n. */
export type LineEndings = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

export interface DocumentMeta {
  format: SourceFormat;
  title?: string;
  author?: string;
  /** Text-based sources: how the bytes were decoded. */
  encoding?: TextEncoding;
  /** Text-based sources: whether a byte order mark was dropped. */
  bom?: boolean;
  /** Text-based sources: the line endings found; the canonical text always uses \n. */
  lineEndings?: LineEndings;
  pageCount?: number;
  /** Transcripts: the speakers in order of first appearance. */
  speakers?: string[];
}

export interface ExtractedDocument {
  kind: DocumentKind;
  text: string;
  /** Headings, paragraphs, utterances and pages, ordered by start (a page before its paragraphs). */
  structure: Block[];
  /** PDF only: one span per page, in page order. */
  pages?: PageSpan[];
  /** PDF only: every non-empty text item with its box on the page. */
  items?: TextItem[];
  /** Things the reader should know that did not stop extraction ("page 3 has no text layer"). */
  warnings: string[];
  meta: DocumentMeta;
}

export interface ExtractInput {
  fileName: string;
  bytes: Uint8Array;
  /** The media type the upload declared; used when the file name has no known extension. */
  mediaType?: string;
  /** Forces a kind, e.g. 'transcript' for a .txt of speaker lines that detection missed. */
  kind?: DocumentKind;
  /** Forces a text encoding for text-based sources instead of detecting it. */
  encoding?: TextEncoding;
}
