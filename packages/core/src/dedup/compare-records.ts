import { compareAuthors } from './compare-authors.js';
import { containersMatch } from './container-match.js';
import type { PreparedRecord } from './prepare-record.js';
import { sameIssueItem } from './same-issue-item.js';
import { levenshteinSimilarity } from './string-similarity.js';
import { markersConflict } from './title-markers.js';
import { translationOfEachOther } from './translated-title.js';
import { printedMeetingAbstract } from './venue-kind.js';

/**
 * `certain`: merged automatically. `possible`: shown side by side for a person to decide.
 * `distinct`: not a duplicate.
 */
export type DuplicateDecision = 'certain' | 'possible' | 'distinct';

export type EvidenceField =
  | 'doi'
  | 'pmid'
  | 'title'
  | 'authors'
  | 'year'
  | 'container'
  | 'volume'
  | 'pages'
  | 'abstract'
  | 'notice'
  | 'title-markers'
  | 'venue'
  | 'user';

/** How one field of the two records compared; `missing` when either record lacks it. */
export interface Evidence {
  field: EvidenceField;
  outcome: 'agree' | 'similar' | 'disagree' | 'missing';
  /** 0–1 where a graded similarity applies (title, authors, abstract). */
  similarity?: number;
  /** Human-readable specifics for the review screen, e.g. "erratum vs article". */
  detail?: string;
}

export interface Comparison {
  decision: DuplicateDecision;
  /** 0–1, for ordering the review queue; the decision does not derive from it alone. */
  score: number;
  evidence: Evidence[];
  /** Why the pair is not certain (or not possible), in words; empty for certain pairs. */
  reasons: string[];
  /**
   * The records are known to be different works (a notice and its article, two parts of a series,
   * conflicting identifiers). Grouping never puts such a pair in one group, even through others.
   */
  cannotLink: boolean;
}

/** Titles this long or shorter are generic enough ("Editorial", "Stroke rehabilitation") to need more proof. */
const SHORT_TITLE = 30;
/** Near-identical titles: spelling variants, a dropped word-hyphen, a typo. */
const CERTAIN_TITLE = 0.95;
const POSSIBLE_TITLE = 0.8;

/**
 * Compares two prepared records field by field and decides. Rules before scores: a single conflict
 * that only happens between different works (a notice, another part, another year, other pages)
 * keeps a pair from `certain` whatever the other fields say, because a false merge loses a study
 * from the review while a missed duplicate only costs a screener a minute.
 */
export function compareRecords(a: PreparedRecord, b: PreparedRecord): Comparison {
  const evidence: Evidence[] = [];
  const reasons: string[] = [];
  let cannotLink = false;
  /** Set when the records are different works however similar they look (a notice, another part). */
  let differentWorks = false;
  /** Set when the pair may be a duplicate but must not be merged without a person. */
  let capAtPossible = false;

  const doi = compareExact('doi', a.doi, b.doi);
  const pmid = compareExact('pmid', a.pmid, b.pmid);
  evidence.push(doi, pmid);
  const identifierAgrees = doi.outcome === 'agree' || pmid.outcome === 'agree';
  if (doi.outcome === 'disagree' || pmid.outcome === 'disagree') {
    cannotLink = true;
    capAtPossible = true;
    reasons.push(`different ${doi.outcome === 'disagree' ? 'DOI' : 'PMID'}`);
  }

  // Title.
  const hasTitles = a.titleCompact !== '' && b.titleCompact !== '';
  let titleSimilarity = 0;
  let titleContained = false;
  if (hasTitles) {
    titleSimilarity = levenshteinSimilarity(
      a.titleCompact,
      b.titleCompact,
      identifierAgreesEarly(a, b) ? 0.6 : 0.8,
    );
    const [shorter, longer] =
      a.titleCompact.length <= b.titleCompact.length
        ? [a.titleCompact, b.titleCompact]
        : [b.titleCompact, a.titleCompact];
    titleContained = shorter.length >= SHORT_TITLE && longer.startsWith(shorter);
    evidence.push({
      field: 'title',
      outcome:
        titleSimilarity === 1
          ? 'agree'
          : titleSimilarity >= POSSIBLE_TITLE || titleContained
            ? 'similar'
            : 'disagree',
      similarity: round(titleSimilarity),
      ...(titleContained && titleSimilarity < 1 ? { detail: 'one title extends the other' } : {}),
    });
  } else {
    evidence.push({ field: 'title', outcome: 'missing' });
    reasons.push('a title is missing');
  }

  // Notices and title markers separate works that share most words.
  if (a.notice !== b.notice) {
    evidence.push({
      field: 'notice',
      outcome: 'disagree',
      detail: `${a.notice ?? 'article'} vs ${b.notice ?? 'article'}`,
    });
    reasons.push(`${a.notice ?? 'article'} vs ${b.notice ?? 'article'}`);
    if (a.notice === 'retracted' || b.notice === 'retracted') capAtPossible = true;
    else {
      cannotLink = true;
      differentWorks = true;
    }
  } else if (a.notice) {
    evidence.push({ field: 'notice', outcome: 'agree', detail: a.notice });
    if (a.notice === 'retracted') capAtPossible = true;
  }
  if (hasTitles) {
    const conflict = markersConflict(a.markers, b.markers);
    if (conflict) {
      evidence.push({
        field: 'title-markers',
        outcome: 'disagree',
        detail: describeMarkerConflict(conflict, a, b),
      });
      reasons.push(describeMarkerConflict(conflict, a, b));
      if (conflict === 'parts') {
        cannotLink = true;
        differentWorks = true;
      }
      capAtPossible = true;
    }
  }
  const authors = compareAuthors(a, b);
  evidence.push(authors.evidence);

  let year: Evidence;
  if (a.year === undefined || b.year === undefined) year = { field: 'year', outcome: 'missing' };
  else if (a.year === b.year) year = { field: 'year', outcome: 'agree' };
  else if (Math.abs(a.year - b.year) === 1)
    year = { field: 'year', outcome: 'similar', detail: `${a.year} vs ${b.year}` };
  else year = { field: 'year', outcome: 'disagree', detail: `${a.year} vs ${b.year}` };
  evidence.push(year);

  const container: Evidence =
    a.container.length === 0 || b.container.length === 0
      ? { field: 'container', outcome: 'missing' }
      : { field: 'container', outcome: containersMatch(a.container, b.container) ? 'agree' : 'disagree' };
  evidence.push(container);
  const volume = compareExact('volume', a.volume, b.volume);
  evidence.push(volume);
  const pages = comparePages(a, b);
  evidence.push(pages);
  // Abstracts cost the most to compare; they only matter when something else already matches.
  const worthAbstract = !hasTitles || titleSimilarity >= POSSIBLE_TITLE || titleContained || identifierAgrees;
  const abstract: Evidence = worthAbstract
    ? compareAbstracts(a, b)
    : { field: 'abstract', outcome: 'missing', detail: 'not compared: titles differ' };
  evidence.push(abstract);

  const score = scoreOf(titleSimilarity, authors.similarity, evidence);

  const hasRange = Boolean(a.pages?.last || b.pages?.last);
  // The same volume and first page of the same journal is one printed item; a page range rules out
  // the single page several letters or meeting abstracts share.
  const samePlace = volume.outcome === 'agree' && (pages.outcome === 'agree' || pages.outcome === 'similar');
  const samePlaceRange = samePlace && hasRange;
  // A journal's volume fixes its year, so a year one apart within the same volume and pages is the
  // online-first year against the print year (or a typo), not another work.
  const yearClose =
    year.outcome === 'agree' ||
    (year.outcome === 'similar' &&
      container.outcome === 'agree' &&
      volume.outcome === 'agree' &&
      pages.outcome !== 'disagree');
  const samePrintedItem = samePlaceRange && container.outcome === 'agree' && yearClose;

  // Distinct: hard conflicts that make the records different works, or too little in common.
  if (differentWorks) {
    return { decision: 'distinct', score, evidence, reasons, cannotLink };
  }
  const titleClose =
    hasTitles &&
    (titleSimilarity >= POSSIBLE_TITLE ||
      titleContained ||
      titleWordPrefix(a, b) ||
      translationOfEachOther(a, b, samePrintedItem));
  const identifierClose = identifierAgrees && (!hasTitles || titleSimilarity >= 0.6);
  const bibliographicClose =
    !hasTitles &&
    authors.evidence.outcome === 'agree' &&
    year.outcome === 'agree' &&
    pages.outcome === 'agree' &&
    volume.outcome !== 'disagree';
  if (!titleClose && !identifierClose && !bibliographicClose) {
    if (reasons.length === 0) reasons.push('titles differ');
    return { decision: 'distinct', score, evidence, reasons, cannotLink };
  }

  // Certain: nothing conflicts and enough agrees.
  const titleExact = hasTitles && titleSimilarity === 1;
  const titleNear = hasTitles && titleSimilarity >= CERTAIN_TITLE;
  const shortTitle = Math.min(a.titleCompact.length, b.titleCompact.length) <= SHORT_TITLE;
  // Inside one printed item a name written in an unmatchable form (given and family names swapped)
  // is a data problem, not another author team, once the first author and the title agree.
  const authorsStrong =
    authors.strong || (authors.firstMatches && samePrintedItem && titleNear && authors.overlap > 0);
  // The same abstract: word for word, by the same several authors, in the same year.
  const abstractTwin =
    titleExact &&
    !shortTitle &&
    year.outcome === 'agree' &&
    authors.strong &&
    authors.smaller >= 2 &&
    authors.overlap >= 0.8;
  const printedAbstract = abstractTwin && container.outcome === 'agree' && printedMeetingAbstract(a, b);
  if (a.venue && b.venue && a.venue !== b.venue) {
    const detail = `${a.venue} vs ${b.venue}`;
    if ((samePlaceRange || (samePlace && titleNear)) && container.outcome === 'agree' && yearClose) {
      evidence.push({ field: 'venue', outcome: 'similar', detail: `${detail}, same volume and pages` });
    } else if (printedAbstract) {
      evidence.push({
        field: 'venue',
        outcome: 'similar',
        detail: `${detail}: the journal's one-page item is the meeting abstract`,
      });
    } else {
      evidence.push({ field: 'venue', outcome: 'disagree', detail });
      reasons.push(detail);
      capAtPossible = true;
    }
  }
  if (!yearClose) reasons.push(year.outcome === 'missing' ? 'a year is missing' : 'different years');
  // One abstract printed in two meetings' abstract books (or twice in one) is one report however
  // its volume and pages differ.
  const sameAbstract = abstractTwin && ((a.venue === 'meeting' && b.venue === 'meeting') || printedAbstract);
  if (volume.outcome === 'disagree' && !sameAbstract) reasons.push('different volumes');
  const oneIssueItem =
    pages.outcome === 'disagree' && sameIssueItem(a, b, titleExact && !shortTitle, authors);
  if (pages.outcome === 'disagree' && !sameAbstract && !oneIssueItem) reasons.push('different pages');
  // A dropped subtitle or a differently translated title is acceptable only for the same printed item.
  const relaxedTitle =
    samePlaceRange &&
    authorsStrong &&
    ((titleContained && !shortTitle) ||
      titleWordPrefix(a, b) ||
      titleSimilarity >= 0.85 ||
      translationOfEachOther(a, b, samePrintedItem));
  if (hasTitles && !titleNear && !relaxedTitle) reasons.push('titles differ in more than spelling');
  if (shortTitle && !titleExact && !relaxedTitle) reasons.push('short titles differ');
  if (reasons.length === 0 && !capAtPossible) {
    const corroborated = [volume, pages, container, abstract].filter(
      (item) => item.outcome === 'agree',
    ).length;
    if (identifierAgrees) {
      if (authors.evidence.outcome === 'disagree') reasons.push('authors differ');
    } else if (authors.evidence.outcome === 'missing') {
      if (!(pages.outcome === 'agree' && (volume.outcome === 'agree' || container.outcome === 'agree'))) {
        reasons.push('no authors and no matching volume and pages');
      }
    } else if (!authorsStrong) {
      reasons.push('authors differ');
    } else if (shortTitle && pages.outcome !== 'agree') {
      reasons.push('short title without matching pages');
    } else if (corroborated === 0 && pages.outcome !== 'similar') {
      // A long title, word for word, by the same several authors in the same year needs no more.
      const distinctive =
        titleExact && a.titleCompact.length >= 50 && authors.smaller >= 2 && authors.overlap >= 0.8;
      if (!distinctive) reasons.push('no volume, pages, journal or abstract to confirm');
    }
  }
  if (reasons.length === 0 && !capAtPossible)
    return { decision: 'certain', score, evidence, reasons, cannotLink };
  return { decision: 'possible', score, evidence, reasons, cannotLink };
}

/**
 * One title is the other's first (or last) three or more words: the other added a subtitle
 * (or a section heading such as "MEDICAL PROGRESS").
 */
function titleWordPrefix(a: PreparedRecord, b: PreparedRecord): boolean {
  const [shorter, longer] = a.title.length <= b.title.length ? [a.title, b.title] : [b.title, a.title];
  if (shorter.split(' ').length < 3) return false;
  return longer.startsWith(`${shorter} `) || longer.endsWith(` ${shorter}`);
}

function identifierAgreesEarly(a: PreparedRecord, b: PreparedRecord): boolean {
  return (a.doi !== undefined && a.doi === b.doi) || (a.pmid !== undefined && a.pmid === b.pmid);
}

function compareExact(field: EvidenceField, a: string | undefined, b: string | undefined): Evidence {
  if (a === undefined || b === undefined) return { field, outcome: 'missing' };
  return a === b ? { field, outcome: 'agree' } : { field, outcome: 'disagree', detail: `${a} vs ${b}` };
}

function comparePages(a: PreparedRecord, b: PreparedRecord): Evidence {
  if (!a.pages || !b.pages) return { field: 'pages', outcome: 'missing' };
  const detail = `${formatPages(a)} vs ${formatPages(b)}`;
  // "e1234"/"1234" and "P63"/"63" are one page number written two ways; a supplement's "S46" is
  // another page than 46.
  // The prefix belongs to both ends of a range ("c37-c42" is "37-42" in a journal's other edition).
  const unprefixed = (page: string | undefined) => page?.replace(/^(?!s)[a-z]+/, '');
  const firstA = unprefixed(a.pages.first);
  const firstB = unprefixed(b.pages.first);
  const lastA = unprefixed(a.pages.last);
  const lastB = unprefixed(b.pages.last);
  if (firstA !== firstB) {
    // One end of a range agreeing is a typo in the other end, not another article.
    const sameLast = lastA !== undefined && lastA === lastB;
    return { field: 'pages', outcome: sameLast ? 'similar' : 'disagree', detail };
  }
  if (lastA && lastB && lastA !== lastB) return { field: 'pages', outcome: 'similar', detail };
  return { field: 'pages', outcome: 'agree' };
}

function formatPages(record: PreparedRecord): string {
  return record.pages?.last ? `${record.pages.first}-${record.pages.last}` : (record.pages?.first ?? '');
}

function compareAbstracts(a: PreparedRecord, b: PreparedRecord): Evidence {
  if (!a.abstractHead || !b.abstractHead) return { field: 'abstract', outcome: 'missing' };
  const similarity = levenshteinSimilarity(a.abstractHead, b.abstractHead, 0.7);
  return {
    field: 'abstract',
    outcome: similarity >= 0.9 ? 'agree' : similarity >= 0.7 ? 'similar' : 'disagree',
    similarity: round(similarity),
  };
}

function describeMarkerConflict(
  conflict: 'parts' | 'numbers' | 'protocol',
  a: PreparedRecord,
  b: PreparedRecord,
): string {
  if (conflict === 'parts')
    return `part ${a.markers.parts.join(',') || '–'} vs part ${b.markers.parts.join(',') || '–'}`;
  if (conflict === 'protocol') return 'a protocol vs a report of results';
  return `numbers in titles differ (${a.markers.numbers.join(' ') || '–'} vs ${b.markers.numbers.join(' ') || '–'})`;
}

const WEIGHTS: Partial<Record<EvidenceField, number>> = {
  doi: 3,
  pmid: 3,
  year: 1,
  container: 0.5,
  volume: 0.75,
  pages: 1,
  abstract: 1.5,
};

function scoreOf(titleSimilarity: number, authorSimilarity: number, evidence: Evidence[]): number {
  let total = 3 * titleSimilarity + 2 * authorSimilarity;
  let weight = 5;
  for (const item of evidence) {
    const w = WEIGHTS[item.field];
    if (!w || item.outcome === 'missing') continue;
    weight += w;
    total += w * (item.outcome === 'agree' ? 1 : item.outcome === 'similar' ? 0.5 : 0);
  }
  return round(total / weight);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
