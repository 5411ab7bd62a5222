import type { PublicationType } from '@weft/core';

/**
 * RIS tag tables (RIS specification 2011, plus what Ovid, EBSCO, Scopus, Web of Science,
 * Embase, ProQuest, EndNote and Zotero actually write). For each record field, the tags
 * that can carry it in priority order: the first value of the first tag present wins, the
 * rest stays in `extra` under its tag. The export writes the first tag of each list, so a
 * re-import picks the same value again.
 */
export const RIS_SINGLE_FIELDS = {
  sourceId: ['ID'],
  title: ['TI', 'T1', 'CT'],
  container: ['T2', 'JF', 'JO'],
  containerAbbreviation: ['J2', 'JA', 'J1'],
  volume: ['VL'],
  issue: ['IS', 'CP'],
  year: ['PY', 'Y1', 'DA'],
  abstract: ['AB', 'N2'],
  language: ['LA'],
} as const;

export const RIS_AUTHOR_TAGS = ['AU', 'A1'] as const;
export const RIS_KEYWORD_TAGS = ['KW'] as const;
export const RIS_URL_TAGS = ['UR'] as const;
export const RIS_DOI_TAGS = ['DO', 'DOI'] as const;
/** Where exports hide a DOI when they have no DO tag (EBSCO and EndNote use M3 or N1; Scopus a doi.org UR). */
export const RIS_DOI_HINT_TAGS = ['M3', 'N1', 'UR', 'L2', 'L3'] as const;
/** Ovid and EBSCO put the MEDLINE accession number here; "PMID: n" is what our export writes. */
export const RIS_PMID_TAG = 'AN';

/** Book types, where BT is the title of the work rather than its container. */
export const RIS_BOOK_TYPES = new Set(['BOOK', 'EBOOK', 'EDBOOK', 'WHOLE']);

export const RIS_TYPES: Readonly<Record<string, PublicationType>> = {
  jour: 'journal-article',
  ejour: 'journal-article',
  jfull: 'journal-article',
  mgzn: 'journal-article',
  inpr: 'journal-article',
  abst: 'conference-abstract',
  cpaper: 'conference-paper',
  conf: 'conference-paper',
  book: 'book',
  ebook: 'book',
  edbook: 'book',
  whole: 'book',
  chap: 'book-chapter',
  echap: 'book-chapter',
  rprt: 'report',
  govdoc: 'report',
  thes: 'thesis',
  unpb: 'preprint',
  data: 'dataset',
  dbase: 'dataset',
  elec: 'web-page',
  web: 'web-page',
  blog: 'web-page',
  gen: 'other',
  news: 'other',
};

/** The RIS type code the export writes for each publication type. */
export const RIS_TYPE_FOR: Readonly<Record<PublicationType, string>> = {
  'journal-article': 'JOUR',
  'conference-paper': 'CPAPER',
  'conference-abstract': 'ABST',
  book: 'BOOK',
  'book-chapter': 'CHAP',
  report: 'RPRT',
  thesis: 'THES',
  preprint: 'UNPB',
  dataset: 'DATA',
  'web-page': 'ELEC',
  'trial-registration': 'GEN',
  erratum: 'JOUR',
  retraction: 'JOUR',
  comment: 'JOUR',
  editorial: 'JOUR',
  other: 'GEN',
};
