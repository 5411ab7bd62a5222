import { FormatError } from '../format-error.js';
import { readCodebookCsv } from './codebook-csv.js';
import type { CodebookDraft, CodebookFormat } from './codebook-draft.js';
import { readCodebookMarkdown } from './codebook-markdown.js';

/** The codebook format a file name suggests (.csv; .md, .markdown or .txt), or undefined. */
export function codebookFormatOf(fileName: string): CodebookFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'csv') return 'csv';
  if (ext === 'md' || ext === 'markdown' || ext === 'txt') return 'markdown';
  return undefined;
}

/** Reads a codebook file in the given format, or the one its name suggests. */
export function readCodebookFile(text: string, fileName: string, format?: CodebookFormat): CodebookDraft[] {
  const chosen = format ?? codebookFormatOf(fileName);
  if (!chosen)
    throw new FormatError(fileName, 'not a codebook file: expected a .csv or a Markdown (.md) file');
  return chosen === 'csv' ? readCodebookCsv(text, fileName) : readCodebookMarkdown(text, fileName);
}
