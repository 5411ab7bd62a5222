import type { PublicationType } from '@weft/core';

/**
 * MEDLINE/PubMed text format (NLM "MEDLINE/PubMed Data Element (Field) Descriptions").
 * Record field → tags in priority order; whatever is not taken stays in `extra`.
 */
export const NBIB_SINGLE_FIELDS = {
  title: ['TI', 'BTI'],
  container: ['JT'],
  containerAbbreviation: ['TA'],
  volume: ['VI'],
  issue: ['IP'],
  pages: ['PG'],
  abstract: ['AB'],
  year: ['DP'],
} as const;

/** Full author names first; the short "Smith JA" form only when a record has no FAU. */
export const NBIB_AUTHOR_TAGS = ['FAU'] as const;
export const NBIB_SHORT_AUTHOR_TAGS = ['AU'] as const;
export const NBIB_CORPORATE_AUTHOR_TAGS = ['CN'] as const;
/** Author keywords (OT) then MeSH headings (MH), which reviewers screen on too. */
export const NBIB_KEYWORD_TAGS = ['OT', 'MH'] as const;
/** LID and AID are kept as they are (they also carry [pii]); the DOI is read from their "[doi]" values. */
export const NBIB_ID_TAGS = ['LID', 'AID'] as const;

/** MEDLINE publication types (PT), lower-cased. */
export const NBIB_TYPES: Readonly<Record<string, PublicationType>> = {
  'journal article': 'journal-article',
  review: 'journal-article',
  'systematic review': 'journal-article',
  'meta-analysis': 'journal-article',
  'randomized controlled trial': 'journal-article',
  'clinical trial': 'journal-article',
  'observational study': 'journal-article',
  editorial: 'editorial',
  comment: 'comment',
  letter: 'comment',
  'published erratum': 'erratum',
  'retraction of publication': 'retraction',
  'retracted publication': 'retraction',
  preprint: 'preprint',
  congress: 'conference-paper',
  'clinical conference': 'conference-paper',
  dataset: 'dataset',
  'technical report': 'report',
  book: 'book',
  'book chapter': 'book-chapter',
};

/** Three-letter ISO 639-2 codes MEDLINE uses in LA are kept as written ("eng"). */
export const NBIB_LANGUAGE_TAG = 'LA';
