import { type BibliographicRecord, emptyRecord, type PublicationType } from '@weft/core';
import { XMLParser } from 'fast-xml-parser';
import { FormatError } from '../format-error.js';
import type { FormatWarning, ParsedRecord, TextFormatPlugin } from '../format-plugin.js';
import { normaliseDoi } from '../support/doi.js';
import { parsePersonName } from '../support/person-name.js';
import { dropUndefined } from '../support/record.js';
import { TaggedFields } from '../support/tagged-fields.js';
import { collapseWhitespace, decodeEntities } from '../support/text.js';
import { sliceXmlRecords } from './xml-records.js';

/**
 * EndNote XML element paths (below <record>) → record fields, in priority order. Every
 * other element is kept in `extra` under its path ("dates/pub-dates/date", "notes").
 */
export const ENDNOTE_FIELDS = {
  sourceId: ['rec-number'],
  title: ['titles/title'],
  container: ['titles/secondary-title', 'periodical/full-title'],
  containerAbbreviation: ['periodical/abbr-1', 'titles/alt-title', 'alt-periodical/abbr-1'],
  volume: ['volume'],
  issue: ['number', 'issue'],
  pages: ['pages'],
  year: ['dates/year'],
  abstract: ['abstract'],
  language: ['language'],
  doi: ['electronic-resource-num'],
  authors: ['contributors/authors/author'],
  keywords: ['keywords/keyword'],
  urls: ['urls/related-urls/url', 'urls/web-urls/url'],
  isbn: ['isbn'],
  pmid: ['accession-num'],
} as const;

/** EndNote reference type names (<ref-type name="…">). */
const ENDNOTE_TYPES: Readonly<Record<string, PublicationType>> = {
  'journal article': 'journal-article',
  'electronic article': 'journal-article',
  'magazine article': 'journal-article',
  book: 'book',
  'edited book': 'book',
  'electronic book': 'book',
  'book section': 'book-chapter',
  'electronic book section': 'book-chapter',
  'conference proceedings': 'conference-paper',
  'conference paper': 'conference-paper',
  thesis: 'thesis',
  report: 'report',
  'government document': 'report',
  'web page': 'web-page',
  dataset: 'dataset',
  generic: 'other',
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: false,
  isArray: () => true,
});

/** Flattens the parsed <record> into path → values, skipping the bookkeeping elements. */
function flatten(node: unknown, path: string, out: TaggedFields): void {
  if (node === null || node === undefined) return;
  if (typeof node !== 'object') {
    const value = collapseWhitespace(decodeEntities(String(node)));
    if (value !== '' && path !== '') out.add(path, value);
    return;
  }
  if (Array.isArray(node)) {
    for (const item of node) flatten(item, path, out);
    return;
  }
  const entries = Object.entries(node as Record<string, unknown>);
  const textOnly = entries.filter(([key]) => !key.startsWith('@_'));
  for (const [key, value] of textOnly) {
    flatten(value, key === '#text' ? path : path === '' ? key : `${path}/${key}`, out);
  }
}

const SKIP = ['database', 'source-app', 'foreign-keys/key'];

/** One <record> element's XML to a record (the streaming reader parses record by record). */
export function recordFromXml(xml: string): BibliographicRecord {
  // <style face="…" font="…" size="…"> wraps runs of text; EndNote splits a title into several.
  const unwrapped = xml.replace(/<\/?style(?:\s[^>]*)?>/g, '');
  const root = (parser.parse(unwrapped) as { record?: unknown[] }).record?.[0] as Record<string, unknown>;
  const fields = new TaggedFields();
  const refName = (root?.['ref-type'] as { '@_name'?: unknown }[] | undefined)?.[0]?.['@_name'];
  const refType = Array.isArray(refName)
    ? String(refName[0])
    : refName === undefined
      ? undefined
      : String(refName);
  flatten({ ...root, 'ref-type': undefined }, '', fields);
  fields.takeAll(SKIP);
  const record = emptyRecord();
  if (refType) {
    record.publicationType = ENDNOTE_TYPES[refType.toLowerCase()] ?? 'other';
    fields.add('ref-type', refType);
  }
  const single = (tags: readonly string[]) => fields.take(tags)?.value;
  record.sourceId = single(ENDNOTE_FIELDS.sourceId);
  record.title = single(ENDNOTE_FIELDS.title);
  record.container = single(ENDNOTE_FIELDS.container);
  record.containerAbbreviation = single(ENDNOTE_FIELDS.containerAbbreviation);
  record.volume = single(ENDNOTE_FIELDS.volume);
  record.issue = single(ENDNOTE_FIELDS.issue);
  record.pages = single(ENDNOTE_FIELDS.pages);
  record.abstract = single(ENDNOTE_FIELDS.abstract);
  record.language = single(ENDNOTE_FIELDS.language);
  record.year = fields.takeYear(ENDNOTE_FIELDS.year)?.year;
  const doi = fields.take(ENDNOTE_FIELDS.doi);
  if (doi) {
    record.doi = normaliseDoi(doi.value);
    if (!record.doi) fields.putBack(doi.tag, doi.value);
  }
  const provider = fields.peek(['remote-database-provider', 'remote-database-name']).join(' ');
  const accession = fields.take(ENDNOTE_FIELDS.pmid);
  if (accession) {
    if (/nlm|pubmed|medline/i.test(provider) && /^\d{1,9}$/.test(accession.value))
      record.pmid = accession.value;
    else fields.putBack(accession.tag, accession.value);
  }
  for (const raw of fields.takeAll(ENDNOTE_FIELDS.authors)) {
    const name = parsePersonName(raw);
    if (name) record.authors.push(name);
  }
  record.keywords = fields.takeAll(ENDNOTE_FIELDS.keywords);
  record.urls = fields.takeAll(ENDNOTE_FIELDS.urls);
  // EndNote's <isbn> holds ISSNs for journals and ISBNs for books, often several on one line.
  for (const value of fields.takeAll(ENDNOTE_FIELDS.isbn)) {
    for (const part of value.split(/[\s;,]+(?:\([^)]*\))?\s*/).filter(Boolean)) {
      if (/^\d{4}-?\d{3}[\dXx]$/.test(part)) record.issn = [...(record.issn ?? []), part];
      else if (/^[\d-]{10,17}[Xx]?$/.test(part)) record.isbn = [...(record.isbn ?? []), part];
      else fields.add('isbn', part);
    }
  }
  record.extra = fields.rest();
  return dropUndefined(record);
}

export function parseEndnoteXml(
  input: string,
  fileName: string,
): { records: ParsedRecord[]; warnings: FormatWarning[] } {
  const slices = sliceXmlRecords(input, 'record', fileName, 'EndNote XML');
  if (slices.length === 0) {
    throw new FormatError(fileName, 'no <record> elements found (is this an EndNote XML export?)', {
      line: 1,
    });
  }
  const warnings: FormatWarning[] = [];
  const records = slices.map((slice) => {
    const record = recordFromXml(slice.xml);
    if (!record.title)
      warnings.push({ message: 'record has no title', line: slice.line, record: slice.index });
    return { record, sourceText: slice.xml, line: slice.line, index: slice.index };
  });
  return { records, warnings };
}

export const endnoteXmlPlugin: TextFormatPlugin = {
  kind: 'text',
  id: 'endnote-xml',
  label: 'EndNote XML',
  extensions: ['xml'],
  detect: (input) => {
    const head = input.slice(0, 4000);
    return /<xml>\s*<records>/.test(head) || (/<records>/.test(head) && /<ref-type\b/.test(head)) ? 0.95 : 0;
  },
  parse: (input, { fileName }) => parseEndnoteXml(input, fileName),
};
