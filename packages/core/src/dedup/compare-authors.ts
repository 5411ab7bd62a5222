import type { Evidence } from './compare-records.js';
import { sameAuthor } from './normalize-author.js';
import type { PreparedRecord } from './prepare-record.js';

/** How the author lists of two records compare; `strong` is enough agreement to merge on. */
export function compareAuthors(
  a: PreparedRecord,
  b: PreparedRecord,
): {
  evidence: Evidence;
  similarity: number;
  strong: boolean;
  overlap: number;
  smaller: number;
  firstMatches: boolean;
} {
  const first = a.authors[0];
  const other = b.authors[0];
  if (!first || !other) {
    return {
      evidence: { field: 'authors', outcome: 'missing' },
      similarity: 0,
      strong: false,
      overlap: 0,
      smaller: 0,
      firstMatches: false,
    };
  }
  const [small, large] =
    a.authors.length <= b.authors.length ? [a.authors, b.authors] : [b.authors, a.authors];
  // Long consortium lists add cost without adding certainty.
  const smallHead = small.slice(0, 25);
  const largeHead = large.slice(0, 40);
  let matched = 0;
  for (const author of smallHead) if (largeHead.some((candidate) => sameAuthor(author, candidate))) matched++;
  const smaller = smallHead.length;
  const overlap = matched / smaller;
  const firstMatches = sameAuthor(first, other);
  // Reordered author lists and lists truncated after a few names are common between databases.
  const strong = (firstMatches && (overlap >= 0.5 || smaller === 1)) || (overlap >= 0.75 && smaller >= 3);
  const similarity = firstMatches ? Math.max(overlap, 0.5) : overlap;
  const outcome =
    strong && overlap >= 0.5 ? 'agree' : firstMatches || overlap >= 0.5 ? 'similar' : 'disagree';
  return {
    evidence: { field: 'authors', outcome, similarity: round(similarity) },
    similarity,
    strong,
    overlap,
    smaller,
    firstMatches,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
