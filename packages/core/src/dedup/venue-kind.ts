import type { BibliographicRecord } from '../records/bibliographic-record.js';
import type { PageRange } from './normalize-pages.js';

/**
 * The kind of publication a record is a version of. The same title and authors appear as a
 * conference abstract, a preprint and a journal article; those are different reports of one study
 * (PRISMA 2020 counts them apart), so they never merge automatically.
 * `undefined` means the record does not say.
 */
export type VenueKind =
  | 'journal'
  | 'meeting'
  | 'preprint'
  | 'book'
  | 'thesis'
  | 'report'
  | 'registration'
  | 'other';

const PREPRINT_CONTAINER_RE =
  /\b(?:biorxiv|medrxiv|arxiv|chemrxiv|psyarxiv|socarxiv|ssrn|research square|preprints?|authorea|techrxiv|osf preprints)\b/i;

// DOI prefixes of preprint servers; bioRxiv/medRxiv share 10.1101 with Cold Spring Harbor journals,
// so only their dated or bare-number suffixes count.
const PREPRINT_DOI_RE =
  /^(?:10\.1101\/(?:\d{4}\.\d{2}\.\d{2}\.|\d{5,7}$)|10\.21203\/|10\.2139\/ssrn|10\.48550\/|10\.20944\/preprints|10\.31234\/|10\.31219\/|10\.26434\/chemrxiv|10\.22541\/au\.|10\.36227\/techrxiv)/;

// "Proceedings" is left out: PNAS and the Royal Society journals are journals.
const MEETING_CONTAINER_RE =
  /\b(?:conference|congress|meeting|symposium|abstracts?|annual scientific sessions?|colloquium|workshop)\b/i;

const REGISTRATION_RE = /\b(?:clinicaltrials\.gov|trial regist(?:er|ry)|isrctn|anzctr|ictrp|drks|eudract)\b/i;

// Dissertation Abstracts International lists theses (a year after the degree, with its own volume and
// page); it is an index of theses, not a meeting's abstract book.
const THESIS_CONTAINER_RE = /\b(?:dissertation abstracts|dissertations? and theses|masters abstracts)\b/i;

// Thesis records exported as articles carry the degree where a journal record has its volume.
const DEGREE_RE =
  /^\s*(?:ph\.?\s?d|d\.?\s?phil|psy\.?\s?d|ed\.?\s?d|m\.?\s?sc|m\.?\s?phil|master'?s?|doctoral)\b/i;

/** Reads the venue kind from the publication type, then from the container, DOI and pages. */
export function venueKind(record: BibliographicRecord, doi: string | undefined): VenueKind | undefined {
  const container = `${record.container ?? ''} ${record.containerAbbreviation ?? ''}`;
  if (record.publicationType === 'thesis' || THESIS_CONTAINER_RE.test(container)) return 'thesis';
  if (DEGREE_RE.test(record.volume ?? '') || DEGREE_RE.test(record.issue ?? '')) return 'thesis';
  if (record.publicationType === 'preprint' || PREPRINT_CONTAINER_RE.test(container)) return 'preprint';
  if (doi && PREPRINT_DOI_RE.test(doi)) return 'preprint';
  if (record.publicationType === 'trial-registration' || REGISTRATION_RE.test(container))
    return 'registration';
  if (record.publicationType === 'conference-abstract' || record.publicationType === 'conference-paper') {
    return 'meeting';
  }
  if (MEETING_CONTAINER_RE.test(container) || isSupplement(record)) return 'meeting';
  switch (record.publicationType) {
    case 'journal-article':
    case 'editorial':
    case 'comment':
    case 'erratum':
    case 'retraction':
      return 'journal';
    case 'book':
    case 'book-chapter':
      return 'book';
    case 'report':
      return 'report';
    case 'dataset':
    case 'web-page':
    case 'other':
      return 'other';
    default:
      // An untyped record with a volume is a journal article in practice (books and reports have none).
      return record.volume?.trim() ? 'journal' : undefined;
  }
}

/**
 * Journal supplements carry meeting abstracts: pages "S123", issue "Suppl 2". A journal's regular
 * article with the abstract's title is a different report of the same study.
 */
export function isSupplement(record: BibliographicRecord): boolean {
  const pages = record.pages?.trim() ?? '';
  if (/^s\d/i.test(pages)) return true;
  return /\bsuppl|supplement|\bs\d+\b/i.test(`${record.issue ?? ''} ${record.volume ?? ''}`);
}

/**
 * Journals print their meetings' abstracts as one-page items, often without marking them as a
 * supplement, so a single-page journal record may be the meeting abstract itself; a full article,
 * which has a page range, never is. True when one record is a meeting abstract and the other such
 * a one-page journal item. The caller requires the same journal, title and authors (another
 * journal's one-page item may be a letter reporting the study).
 */
export function printedMeetingAbstract(
  a: { venue: VenueKind | undefined; pages: PageRange | undefined },
  b: { venue: VenueKind | undefined; pages: PageRange | undefined },
): boolean {
  const [meeting, journal] = a.venue === 'meeting' ? [a, b] : [b, a];
  if (meeting.venue !== 'meeting' || journal.venue !== 'journal') return false;
  return journal.pages !== undefined && !journal.pages.last;
}
