import { containersMatch } from './container-match.js';
import type { PreparedRecord } from './prepare-record.js';

/**
 * One issue of a journal does not print two different items under one title by one complete author
 * list. The notices, replies and numbered parts that do share a title are told apart before this by
 * their labels and markers, so two such records with different pages are one item: a page typo in one
 * source, or one abstract printed twice in the issue (in its session and again among the award
 * winners). Another issue's item with the same title and authors may be an unlabelled erratum or a
 * republication, and stays for a person; so does anything with a short, generic title, a single
 * author, or author lists that differ by even one name.
 */
export function sameIssueItem(
  a: PreparedRecord,
  b: PreparedRecord,
  titleExactAndLong: boolean,
  authors: { overlap: number; smaller: number },
): boolean {
  if (!titleExactAndLong || a.venue !== b.venue) return false;
  if (a.issue === undefined || a.issue !== b.issue) return false;
  if (a.volume === undefined || a.volume !== b.volume) return false;
  if (a.year === undefined || a.year !== b.year) return false;
  if (a.authors.length !== b.authors.length || authors.smaller < 2 || authors.overlap < 1) return false;
  return a.container.length > 0 && b.container.length > 0 && containersMatch(a.container, b.container);
}
