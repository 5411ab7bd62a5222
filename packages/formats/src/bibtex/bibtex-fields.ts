import type { PublicationType } from '@weft/core';

/** BibTeX/BibLaTeX field → record field, in priority order (BibLaTeX manual §2.2). */
export const BIBTEX_SINGLE_FIELDS = {
  title: ['title'],
  container: ['journal', 'journaltitle', 'booktitle'],
  containerAbbreviation: ['shortjournal', 'journalabbrev', 'journal-abbrev'],
  volume: ['volume'],
  issue: ['number', 'issue'],
  pages: ['pages'],
  doi: ['doi'],
  pmid: ['pmid'],
  abstract: ['abstract'],
  language: ['language', 'langid'],
  year: ['year', 'date'],
} as const;

export const BIBTEX_LIST_FIELDS = {
  issn: ['issn'],
  isbn: ['isbn'],
  urls: ['url'],
} as const;

/** The extra key holding the entry type when it is not the one the export writes for its publication type. */
export const ENTRY_TYPE_KEY = 'entrytype';

export const BIBTEX_TYPES: Readonly<Record<string, PublicationType>> = {
  article: 'journal-article',
  inproceedings: 'conference-paper',
  conference: 'conference-paper',
  proceedings: 'book',
  book: 'book',
  mvbook: 'book',
  collection: 'book',
  booklet: 'book',
  inbook: 'book-chapter',
  incollection: 'book-chapter',
  bookinbook: 'book-chapter',
  techreport: 'report',
  report: 'report',
  manual: 'report',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  thesis: 'thesis',
  unpublished: 'preprint',
  preprint: 'preprint',
  dataset: 'dataset',
  online: 'web-page',
  electronic: 'web-page',
  www: 'web-page',
  misc: 'other',
};

export const BIBTEX_TYPE_FOR: Readonly<Record<PublicationType, string>> = {
  'journal-article': 'article',
  'conference-paper': 'inproceedings',
  'conference-abstract': 'inproceedings',
  book: 'book',
  'book-chapter': 'incollection',
  report: 'techreport',
  thesis: 'phdthesis',
  preprint: 'unpublished',
  dataset: 'dataset',
  'web-page': 'online',
  'trial-registration': 'misc',
  erratum: 'article',
  retraction: 'article',
  comment: 'article',
  editorial: 'article',
  other: 'misc',
};
