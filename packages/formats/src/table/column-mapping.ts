import type { TableField } from '@weft/core';
/** Where a table column goes. `label` and `extra` both keep the cell in `record.extra` under the column's header. */
export type ColumnTarget = TableField | 'extra';

/** Column header → target. Headers missing from the mapping are kept in `extra`. */
export type ColumnMapping = Record<string, ColumnTarget>;

/**
 * Header synonyms, compared after lower-casing and removing everything but letters and
 * digits ("Publication Year" → "publicationyear", "Covidence #" → "covidence"). Sources:
 * ASReview's column definitions, Covidence and Rayyan CSV exports, Zotero and EndNote
 * CSV, Scopus CSV, Web of Science field tags.
 */
export const HEADER_SYNONYMS: Readonly<Record<Exclude<ColumnTarget, 'extra'>, readonly string[]>> = {
  sourceId: ['recordid', 'id', 'key', 'covidence', 'covidencenumber', 'refid', 'studyid', 'recordnumber'],
  title: ['title', 'articletitle', 'documenttitle', 'primarytitle', 'ti', 't1', 'titles'],
  authors: [
    'authors',
    'author',
    'au',
    'af',
    'authorfullnames',
    'authorfullname',
    'creators',
    'authorss',
    'firstauthors',
  ],
  year: ['year', 'publicationyear', 'publishedyear', 'pubyear', 'py', 'yearpublished', 'yearofpublication'],
  container: [
    'journal',
    'journaltitle',
    'sourcetitle',
    'publicationtitle',
    'source',
    'secondarytitle',
    'journalbook',
    'so',
    'venue',
    'containertitle',
  ],
  containerAbbreviation: [
    'journalabbreviation',
    'abbreviatedsourcetitle',
    'isoabbreviation',
    'ja',
    'j2',
    'ji',
    'j9',
  ],
  volume: ['volume', 'vol', 'vl'],
  issue: ['issue', 'number', 'no', 'is'],
  pages: ['pages', 'page', 'pg', 'pagerange'],
  startPage: ['startpage', 'pagestart', 'bp', 'firstpage'],
  endPage: ['endpage', 'pageend', 'ep', 'lastpage'],
  doi: ['doi', 'di', 'digitalobjectidentifier'],
  pmid: ['pmid', 'pubmedid', 'pm'],
  issn: ['issn', 'sn', 'eissn', 'ei'],
  isbn: ['isbn', 'bn'],
  abstract: ['abstract', 'ab', 'abstractnote', 'summary'],
  keywords: ['keywords', 'keyword', 'authorkeywords', 'manualtags', 'kw', 'de', 'mesh', 'meshterms'],
  urls: ['url', 'urls', 'link', 'links', 'fulltexturl'],
  language: ['language', 'la', 'languageoforiginaldocument'],
  publicationType: [
    'entrytype',
    'publicationtype',
    'type',
    'documenttype',
    'itemtype',
    'dt',
    'pt',
    'reftype',
    'referencetype',
  ],
  label: [
    'labelincluded',
    'included',
    'label',
    'finalincluded',
    'labelabstractincluded',
    'labelabstractscreening',
    'abstractincluded',
    'titleabstractincluded',
    'fulltextincluded',
    'decision',
    'inclusion',
    'screeningdecision',
  ],
};

const LOOKUP = new Map<string, ColumnTarget>();
for (const [target, synonyms] of Object.entries(HEADER_SYNONYMS)) {
  for (const synonym of synonyms) LOOKUP.set(synonym, target as ColumnTarget);
}

/**
 * Weft's own CSV/XLSX export writes an extra field whose name would be guessed as a record
 * field (MEDLINE's "AU", "PT") as "extra.AU", so reading the export back keeps it in extra.
 */
export const EXTRA_PREFIX = 'extra.';

export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Guesses where each column goes from its header. The guess is meant to be shown and
 * edited (the caller passes the edited mapping to parseTable); unknown headers map to
 * `extra`, so nothing is dropped.
 */
export function guessColumnMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    mapping[header] = header.startsWith(EXTRA_PREFIX)
      ? 'extra'
      : (LOOKUP.get(normaliseHeader(header)) ?? 'extra');
  }
  return mapping;
}
