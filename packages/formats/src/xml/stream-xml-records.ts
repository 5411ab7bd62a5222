import type { BibliographicRecord } from '@weft/core';
import { XMLValidator } from 'fast-xml-parser';
import { FormatError } from '../format-error.js';
import type { FormatWarning, ParsedRecord } from '../format-plugin.js';
import type { ParsedBatch } from '../stream.js';
import { recordFromXml } from './endnote-xml-plugin.js';
import { pubmedArticleFromXml } from './pubmed-xml-plugin.js';

interface XmlStreamFormat {
  element: string;
  formatName: string;
  toRecord(xml: string): BibliographicRecord;
  /** A warning about one record (no PMID, no title), as the whole-file parser raises it. */
  check(record: BibliographicRecord): string | undefined;
  noRecords: string;
  /** A warning about the file as a whole, from the text between records (PubMed books). */
  summary?(between: string): string | undefined;
}

export const PUBMED_XML_STREAM: XmlStreamFormat = {
  element: 'PubmedArticle',
  formatName: 'PubMed',
  toRecord: pubmedArticleFromXml,
  check: (record) => (record.pmid ? undefined : 'record has no PMID'),
  noRecords: 'no <PubmedArticle> records found (is this PubMed XML?)',
  summary(between) {
    const books = between.match(/<PubmedBookArticle[\s>]/g)?.length ?? 0;
    return books > 0
      ? `${books} PubmedBookArticle record(s) skipped (books are not read from PubMed XML)`
      : undefined;
  },
};

export const ENDNOTE_XML_STREAM: XmlStreamFormat = {
  element: 'record',
  formatName: 'EndNote XML',
  toRecord: recordFromXml,
  check: (record) => (record.title ? undefined : 'record has no title'),
  noRecords: 'no <record> elements found (is this an EndNote XML export?)',
};

const newlines = (text: string, end = text.length) => {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
};

/** fast-xml-parser's complaint as sliceXmlRecords words it, at a line of the file. */
function brokenXml(
  validation: ReturnType<typeof XMLValidator.validate>,
  fileName: string,
  line: (validatorLine: number) => number,
  lastLine: number,
  firstColumn = 1,
): FormatError | undefined {
  if (validation === true) return undefined;
  const { msg, line: at } = validation.err;
  const unclosed = /^Invalid '(\[.*\])' found/s.exec(msg);
  if (unclosed?.[1]) {
    const open = JSON.parse(unclosed[1]) as string[];
    return new FormatError(
      fileName,
      `the XML is cut off: the file ends with <${open.join('>, <')}> still open`,
      {
        line: lastLine,
      },
    );
  }
  // The validator saw one record: its lines (and columns on the record's first line) are the file's.
  const located = msg.replace(/\bline (\d+)(, col (\d+))?/g, (_, l: string, withCol?: string, c?: string) => {
    const n = Number(l);
    const col = withCol ? `, col ${n === 1 ? Number(c) + firstColumn - 1 : c}` : '';
    return `line ${line(n)}${col}`;
  });
  return new FormatError(fileName, `the XML is broken: ${located}`, { line: line(at) });
}

/**
 * PubMed or EndNote XML record by record: each record element is cut out as soon as its closing
 * tag has arrived, validated and parsed on its own (its verbatim XML is the source record), so
 * memory holds one chunk of text and one batch. What lies between records (the wrapper
 * elements, PubMed's book articles) is kept, with the line each piece came from, and validated
 * at the end, so a file cut off or broken outside any record still fails with its line, as
 * the whole-file parser says. Records come out as they are read; an error at the end is undone
 * by the caller's transaction.
 */
export async function* streamXmlRecords(
  text: AsyncIterable<string>,
  format: XmlStreamFormat,
  fileName: string,
  batchSize: number,
): AsyncGenerator<ParsedBatch> {
  const open = new RegExp(`<${format.element}(?:\\s[^>]*)?>`, 'g');
  const close = `</${format.element}>`;
  const between: { text: string; line: number }[] = [];
  let buffer = '';
  let bufferLine = 1;
  let bufferColumn = 1;
  let lastLine = 0;
  let index = 0;
  let batch: ParsedRecord[] = [];
  let warnings: FormatWarning[] = [];

  /** Moves past `length` characters of the buffer, keeping them as between-records text or not. */
  const advance = (length: number, keep: boolean) => {
    const passed = buffer.slice(0, length);
    if (keep && passed !== '') between.push({ text: passed, line: bufferLine });
    const content = passed.trimEnd();
    if (content !== '') lastLine = bufferLine + newlines(content);
    bufferLine += newlines(passed);
    const lastBreak = passed.lastIndexOf('\n');
    bufferColumn = lastBreak === -1 ? bufferColumn + passed.length : passed.length - lastBreak;
    buffer = buffer.slice(length);
  };

  const takeRecords = function* (): Generator<ParsedBatch> {
    for (;;) {
      open.lastIndex = 0;
      const start = open.exec(buffer);
      if (!start) {
        // Keep a tag that may be the start of a record cut by the chunk boundary.
        const cut = buffer.lastIndexOf('<');
        advance(cut === -1 ? buffer.length : cut, true);
        return;
      }
      advance(start.index, true);
      const end = buffer.indexOf(close);
      if (end === -1) return;
      const xml = buffer.slice(0, end + close.length);
      const line = bufferLine;
      const error = brokenXml(
        XMLValidator.validate(xml),
        fileName,
        (at) => line + at - 1,
        line,
        bufferColumn,
      );
      if (error) throw error;
      index++;
      const record = format.toRecord(xml);
      const problem = format.check(record);
      if (problem) warnings.push({ message: problem, line, record: index });
      batch.push({ record, sourceText: xml, line, index });
      advance(xml.length, false);
      if (batch.length >= batchSize) {
        yield { records: batch, warnings };
        batch = [];
        warnings = [];
      }
    }
  };

  for await (const chunk of text) {
    buffer += chunk;
    yield* takeRecords();
  }
  advance(buffer.length, true);
  const rest = between.map((piece) => piece.text).join('');
  if (index === 0 && rest.trim() === '')
    throw new FormatError(fileName, `the file is empty (no ${format.formatName} records)`);
  // The text between records, records taken out, must itself be well-formed XML.
  const toFileLine = (at: number) => {
    let seen = 1;
    for (const piece of between) {
      const inPiece = newlines(piece.text);
      if (at <= seen + inPiece) return piece.line + (at - seen);
      seen += inPiece;
    }
    return lastLine;
  };
  const error = brokenXml(XMLValidator.validate(rest), fileName, toFileLine, lastLine);
  if (error) throw error;
  const summary = format.summary?.(rest);
  if (summary) warnings.unshift({ message: summary });
  if (index === 0) throw new FormatError(fileName, format.noRecords, { line: 1 });
  if (batch.length > 0 || warnings.length > 0) yield { records: batch, warnings };
}
