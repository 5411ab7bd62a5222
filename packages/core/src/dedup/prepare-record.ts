import type { BibliographicRecord } from '../records/bibliographic-record.js';
import { cleanTitle } from './clean-title.js';
import { containerForms } from './container-match.js';
import { detectNotice, type NoticeKind } from './detect-notice.js';
import { type AuthorKey, normalizeAuthor } from './normalize-author.js';
import { normalizeDoi } from './normalize-doi.js';
import { normalizePages, type PageRange } from './normalize-pages.js';
import { normalizeText } from './normalize-text.js';
import { type TitleMarkers, titleMarkers } from './title-markers.js';
import { type VenueKind, venueKind } from './venue-kind.js';

/** A record with every field in the normalised form the comparison uses; computed once per record. */
export interface PreparedRecord {
  id: string;
  index: number;
  /** Normalised title words (see cleanTitle); '' when the record has no title. */
  title: string;
  /** The title without spaces, the form titles are compared and blocked by. */
  titleCompact: string;
  markers: TitleMarkers;
  /**
   * The title is a database's translation (MEDLINE's brackets) or carries the original-language
   * title too: another source may word the same title differently.
   */
  translated: boolean;
  notice: NoticeKind | undefined;
  venue: VenueKind | undefined;
  year: number | undefined;
  authors: AuthorKey[];
  authorFamilies: Set<string>;
  container: string[][];
  volume: string | undefined;
  /** The issue as letters and digits ("Suppl 2" → "suppl2", "07" → "7"); only ever compared for equality. */
  issue: string | undefined;
  pages: PageRange | undefined;
  doi: string | undefined;
  pmid: string | undefined;
  /** First 200 characters of the normalised abstract without spaces. */
  abstractHead: string;
}

export function prepareRecord(id: string, index: number, record: BibliographicRecord): PreparedRecord {
  const notice = detectNotice(record);
  // The notice's label ("Erratum:") is already in `notice`; two copies of one notice, one labelled
  // and one not, compare by the title they share.
  const cleaned = cleanTitle(record.title);
  const title = notice ? cleaned.replace(NOTICE_LABEL_RE, '') : cleaned;
  const doi = normalizeDoi(record.doi);
  const authors = record.authors.map(normalizeAuthor).filter((author) => author.family);
  const abstract = normalizeText(record.abstract).replace(/ /g, '');
  return {
    id,
    index,
    title,
    titleCompact: title.replace(/ /g, ''),
    markers: titleMarkers(title),
    translated: TRANSLATED_RE.test(record.title ?? ''),
    notice,
    venue: venueKind(record, doi),
    year: record.year && Number.isFinite(record.year) ? record.year : undefined,
    authors,
    authorFamilies: new Set(authors.map((author) => author.family)),
    container: [...containerForms(record.container), ...containerForms(record.containerAbbreviation)],
    volume: normalizeVolume(record.volume),
    issue: normalizeIssue(record.issue),
    pages: normalizePages(record.pages),
    doi,
    pmid: normalizePmid(record.pmid),
    abstractHead: abstract.length >= 100 ? abstract.slice(0, 200) : '',
  };
}

const NOTICE_LABEL_RE =
  /^(?:errat(?:um|a)|corrigend(?:um|a)|correction(?: notice)?|notice of (?:correction|retraction)|retraction(?: note| notice)?|retracted(?: article)?|(?:editorial )?expression of concern) (?=\w)/;

/** MEDLINE brackets a translated title; Embase and others append the original ("<ORIGINAL>", "TO:"). */
const TRANSLATED_RE = /^\s*["“]?\s*\[|<original>|\sTO:\s/i;

/** The volume number without "Vol." and supplement suffixes, which sources add or leave out. */
export function normalizeVolume(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const match = /\d+/.exec(raw);
  // A volume without a number ("(Jul)", "Ph.D.") is a misplaced field, not evidence.
  return match ? String(Number(match[0])) : undefined;
}

export function normalizeIssue(raw: string | undefined): string | undefined {
  const compact = raw
    ?.toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/(^|[a-z])0+(?=\d)/g, '$1');
  return compact || undefined;
}

function normalizePmid(raw: string | undefined): string | undefined {
  const match = raw ? /\d+/.exec(raw) : null;
  return match ? String(Number(match[0])) : undefined;
}
