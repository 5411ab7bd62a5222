import { type BibliographicRecord, emptyRecord } from '@weft/core';
import { XMLParser } from 'fast-xml-parser';
import { FormatError } from '../format-error.js';
import type { FormatWarning, ParsedRecord, TextFormatPlugin } from '../format-plugin.js';
import { NBIB_TYPES } from '../nbib/nbib-tags.js';
import { normaliseDoi } from '../support/doi.js';
import { mostSpecificType } from '../support/publication-type.js';
import { dropUndefined } from '../support/record.js';
import { collapseWhitespace, decodeEntities, stripMarkup } from '../support/text.js';
import { parseYear } from '../support/year.js';
import { sliceXmlRecords } from './xml-records.js';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  // Titles and abstracts carry inline markup (<i>, <sup>): read them raw and strip it.
  stopNodes: ['*.ArticleTitle', '*.AbstractText', '*.VernacularTitle'],
  isArray: (name) =>
    [
      'Author',
      'AbstractText',
      'ArticleId',
      'ELocationID',
      'Keyword',
      'MeshHeading',
      'PublicationType',
      'Language',
      'ISSN',
      'ISSNLinking',
      'PubmedArticle',
    ].includes(name),
});

const asNode = (value: unknown): Node => (value && typeof value === 'object' ? (value as Node) : {});
const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/** Text of an element that may have attributes ({'#text': …}) or be raw markup from a stop node. */
function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') return text((value as Node)['#text']);
  const clean = collapseWhitespace(decodeEntities(stripMarkup(String(value))));
  return clean === '' ? undefined : clean;
}

function articleToRecord(article: Node): BibliographicRecord {
  const record = emptyRecord();
  const citation = asNode(article.MedlineCitation);
  const art = asNode(citation.Article);
  const journal = asNode(art.Journal);
  const issue = asNode(journal.JournalIssue);
  const pubDate = asNode(issue.PubDate);
  const extra: Record<string, string[]> = {};
  const keep = (key: string, value: string | undefined) => {
    if (value !== undefined) extra[key] = [...(extra[key] ?? []), value];
  };

  record.pmid = text(citation.PMID);
  record.sourceId = record.pmid;
  record.title = text(art.ArticleTitle) ?? text(art.VernacularTitle);
  const sections = list(asNode(art.Abstract).AbstractText).map((part) => {
    const label = asNode(part)['@_Label'];
    const body = text(part) ?? '';
    return typeof label === 'string' && label !== '' ? `${label}: ${body}` : body;
  });
  if (sections.length > 0) record.abstract = sections.join(' ');
  for (const author of list(asNode(art.AuthorList).Author)) {
    const node = asNode(author);
    const collective = text(node.CollectiveName);
    const family = text(node.LastName);
    if (collective) record.authors.push({ family: collective, literal: collective });
    else if (family) {
      const given = text(node.ForeName) ?? text(node.Initials);
      record.authors.push(given ? { family, given } : { family });
    }
  }
  record.container = text(journal.Title);
  record.containerAbbreviation = text(journal.ISOAbbreviation);
  record.volume = text(issue.Volume);
  record.issue = text(issue.Issue);
  const dateText = text(pubDate.Year) ?? text(pubDate.MedlineDate);
  record.year = parseYear(dateText);
  keep(
    'DP',
    [text(pubDate.Year), text(pubDate.Month), text(pubDate.Day), text(pubDate.MedlineDate)]
      .filter(Boolean)
      .join(' ') || undefined,
  );
  record.pages = text(asNode(art.Pagination).MedlinePgn);
  const issns = list(journal.ISSN)
    .map(text)
    .filter((v): v is string => v !== undefined);
  if (issns.length > 0) record.issn = issns;
  const languages = list(art.Language)
    .map(text)
    .filter((v): v is string => v !== undefined);
  record.language = languages[0];
  for (const other of languages.slice(1)) keep('LA', other);

  const ids = [...list(art.ELocationID), ...list(asNode(asNode(article.PubmedData).ArticleIdList).ArticleId)];
  for (const id of ids) {
    const node = asNode(id);
    const kind = String(node['@_EIdType'] ?? node['@_IdType'] ?? '');
    const value = text(id);
    if (!value) continue;
    if (kind === 'doi' && !record.doi) record.doi = normaliseDoi(value);
    else if (kind === 'pmc') keep('PMC', value);
    else if (kind === 'pii') keep('PII', value);
  }
  const types = list(asNode(art.PublicationTypeList).PublicationType)
    .map(text)
    .filter((v): v is string => !!v);
  for (const type of types) keep('PT', type);
  if (types.length > 0) record.publicationType = mostSpecificType(types, NBIB_TYPES) ?? 'other';
  for (const keyword of list(asNode(citation.KeywordList).Keyword)) {
    const value = text(keyword);
    if (value) record.keywords.push(value);
  }
  for (const heading of list(asNode(citation.MeshHeadingList).MeshHeading)) {
    const descriptor = asNode(heading).DescriptorName;
    const value = text(descriptor);
    if (value) record.keywords.push(asNode(descriptor)['@_MajorTopicYN'] === 'Y' ? `*${value}` : value);
  }
  record.extra = extra;
  return dropUndefined(record);
}

/** One <PubmedArticle> element's XML to a record (the streaming reader parses record by record). */
export function pubmedArticleFromXml(xml: string): BibliographicRecord {
  return articleToRecord(asNode(list(asNode(parser.parse(xml)).PubmedArticle)[0]));
}

export function parsePubmedXml(
  input: string,
  fileName: string,
): { records: ParsedRecord[]; warnings: FormatWarning[] } {
  const slices = sliceXmlRecords(input, 'PubmedArticle', fileName, 'PubMed');
  const warnings: FormatWarning[] = [];
  const books = input.match(/<PubmedBookArticle[\s>]/g)?.length ?? 0;
  if (books > 0)
    warnings.push({
      message: `${books} PubmedBookArticle record(s) skipped (books are not read from PubMed XML)`,
    });
  if (slices.length === 0) {
    throw new FormatError(fileName, 'no <PubmedArticle> records found (is this PubMed XML?)', { line: 1 });
  }
  const records = slices.map((slice) => {
    const record = pubmedArticleFromXml(slice.xml);
    if (!record.pmid) warnings.push({ message: 'record has no PMID', line: slice.line, record: slice.index });
    return { record, sourceText: slice.xml, line: slice.line, index: slice.index };
  });
  return { records, warnings };
}

export const pubmedXmlPlugin: TextFormatPlugin = {
  kind: 'text',
  id: 'pubmed-xml',
  label: 'PubMed XML (PubmedArticleSet)',
  extensions: ['xml'],
  detect: (input) => (/<PubmedArticleSet[\s>]|<!DOCTYPE PubmedArticleSet/.test(input.slice(0, 4000)) ? 1 : 0),
  parse: (input, { fileName }) => parsePubmedXml(input, fileName),
};
