/**
 * The pivot type every bibliographic format converts to and from (citation-js style).
 * A record is the normalised working copy; the verbatim source text is kept beside it
 * by the importer for provenance.
 */
export interface PersonName {
  family: string;
  given?: string;
  /** Set when the source gave a single unsplittable name (an organisation, a consortium). */
  literal?: string;
}

export type PublicationType =
  | 'journal-article'
  | 'conference-paper'
  | 'conference-abstract'
  | 'book'
  | 'book-chapter'
  | 'report'
  | 'thesis'
  | 'preprint'
  | 'dataset'
  | 'web-page'
  | 'trial-registration'
  | 'erratum'
  | 'retraction'
  | 'comment'
  | 'editorial'
  | 'other';

export interface BibliographicRecord {
  type: 'bibliographic-record';
  /** Identifier from the source file when it has one (RIS ID, PMID, BibTeX key, CSV id column). */
  sourceId?: string;
  title?: string;
  authors: PersonName[];
  year?: number;
  /** Journal, book or proceedings title. */
  container?: string;
  /** Abbreviated container title when the source gives both (e.g. MEDLINE TA / RIS J2). */
  containerAbbreviation?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  doi?: string;
  pmid?: string;
  issn?: string[];
  isbn?: string[];
  abstract?: string;
  keywords: string[];
  urls: string[];
  language?: string;
  publicationType?: PublicationType;
  /** Fields the format carried that have no column of their own, kept so export loses nothing. */
  extra: Record<string, string[]>;
}

export function emptyRecord(): BibliographicRecord {
  return { type: 'bibliographic-record', authors: [], keywords: [], urls: [], extra: {} };
}
