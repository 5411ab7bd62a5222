import type { BibliographicRecord } from '../records/bibliographic-record.js';
import { stripHtml } from './normalize-text.js';

/**
 * A record that is about another record rather than a work of its own. It shares title words,
 * authors and often the DOI prefix or the page range with the article it is about, and must never
 * be merged into it (merging would drop the correction or the retraction from the review).
 * `retracted` marks the retracted article itself (PubMed prefixes "Retracted:"), which is a
 * version of the article but with different standing, so it is never merged automatically either.
 */
export type NoticeKind =
  | 'erratum'
  | 'retraction'
  | 'retracted'
  | 'expression-of-concern'
  | 'comment'
  | 'reply';

const PREFIXES: Array<[NoticeKind, RegExp]> = [
  [
    'erratum',
    /^(?:errat(?:um|a)|corrigend(?:um|a)|(?:author|authors|publisher|publishers) correction|correction(?: notice)?|notice of correction|addendum)\b/,
  ],
  ['retraction', /^(?:retraction(?: note| notice)?|notice of retraction|withdrawal notice|withdrawn)\b/],
  ['retracted', /^(?:retracted\b|\[retracted\])/],
  ['expression-of-concern', /^(?:editorial )?expression of concern\b/],
  [
    'reply',
    /^(?:in reply|reply|authors?'?s? reply|the authors? repl(?:y|ies)|response to|a response to|rebuttal)\b/,
  ],
  ['comment', /^(?:comment(?:s|ary)? on|re:|letter to the editor|letter:|a comment on)/],
];

// Web of Science titles a correction "<title> (vol 85, pg 553, 2010)"; Embase titles it
// "<title> (Journal (2009) 360 (542-544))": the citation of the corrected article.
const SUFFIXES: Array<[NoticeKind, RegExp]> = [
  ['erratum', /\(vol\.? [^()]*,? pg\.? [^()]*\)\s*\.?$/],
  ['erratum', /\([^()]*\((?:19|20)\d\d\)\s*[\w.-]*\s*(?:\([^()]*\)\s*)*\(\s*[a-z]?\d+[^()]*\)\)\s*\.?$/],
  ['reply', /(?:\s-+|:)\s*(?:authors?'?s? )?reply\.?$/],
];

const TYPE_NOTICE: Partial<Record<NonNullable<BibliographicRecord['publicationType']>, NoticeKind>> = {
  erratum: 'erratum',
  retraction: 'retraction',
  comment: 'comment',
};

/** The notice kind of a record, from its publication type or the conventional title prefixes. */
export function detectNotice(record: BibliographicRecord): NoticeKind | undefined {
  const byType = record.publicationType ? TYPE_NOTICE[record.publicationType] : undefined;
  if (byType) return byType;
  if (!record.title) return undefined;
  const title = stripHtml(record.title)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/’/g, "'")
    .trim();
  for (const [kind, pattern] of PREFIXES) if (pattern.test(title)) return kind;
  for (const [kind, pattern] of SUFFIXES) if (pattern.test(title)) return kind;
  if (/[[(]retracted(?: article)?[\])]\s*\.?$/.test(title)) return 'retracted';
  return undefined;
}
