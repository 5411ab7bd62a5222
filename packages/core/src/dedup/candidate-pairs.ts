import type { PreparedRecord } from './prepare-record.js';

export interface BlockingOptions {
  /**
   * Blocks larger than this (a common "first author + year" like "wang 2020") are not compared
   * all-against-all; their members are sorted by title and compared with their `window` neighbours.
   */
  maxBlockSize?: number;
  window?: number;
}

/** The blocking keys of one record; any shared key makes two records a candidate pair. */
export function blockingKeys(record: PreparedRecord): string[] {
  const keys: string[] = [];
  if (record.doi) keys.push(`doi:${record.doi}`);
  if (record.pmid) keys.push(`pmid:${record.pmid}`);
  const title = record.titleCompact;
  if (title.length >= 10) keys.push(`t:${title}`);
  // Prefix and suffix keys catch titles that differ at one end only: a dropped subtitle,
  // a translated-title tail, a typo somewhere in the other half.
  if (title.length >= 40) {
    keys.push(`tp:${title.slice(0, 25)}`, `ts:${title.slice(-25)}`);
  }
  const firstAuthor = record.authors[0];
  // The first initial splits the common "wang 2020" blocks about tenfold; sources agree on it.
  if (firstAuthor && record.year)
    keys.push(`ay:${firstAuthor.family}:${firstAuthor.initials[0] ?? ''}:${record.year}`);
  const firstPage = record.pages?.first;
  if (record.volume && firstPage) {
    const initials = record.container[0]?.map((word) => word[0]).join('');
    if (initials) keys.push(`cvp:${initials}:${record.volume}:${firstPage}`);
    if (record.year) keys.push(`yvp:${record.year}:${record.volume}:${firstPage}`);
  }
  if (record.abstractHead) keys.push(`ab:${record.abstractHead.slice(0, 80)}`);
  return keys;
}

/**
 * Calls `visit` once for every candidate pair (lower index first) that shares a blocking key.
 * The cost grows with the sum of block sizes squared, so capping blocks keeps it near-linear;
 * pairs are visited as they are found so that millions of them need not be held at once.
 */
export function forEachCandidatePair(
  records: PreparedRecord[],
  options: BlockingOptions,
  visit: (i: number, j: number) => void,
): void {
  const maxBlockSize = options.maxBlockSize ?? 64;
  const window = options.window ?? 12;
  const blocks = new Map<string, number[]>();
  for (const record of records) {
    for (const key of blockingKeys(record)) {
      const block = blocks.get(key);
      if (block) block.push(record.index);
      else blocks.set(key, [record.index]);
    }
  }
  const n = records.length;
  const seen = new Set<number>();
  const add = (x: number, y: number) => {
    const i = Math.min(x, y);
    const j = Math.max(x, y);
    const key = i * n + j;
    if (seen.has(key)) return;
    seen.add(key);
    visit(i, j);
  };
  for (const block of blocks.values()) {
    if (block.length < 2) continue;
    if (block.length <= maxBlockSize) {
      for (let x = 0; x < block.length; x++) {
        for (let y = x + 1; y < block.length; y++) add(block[x] as number, block[y] as number);
      }
      continue;
    }
    const sorted = [...block].sort((x, y) =>
      compareStrings(records[x]?.titleCompact, records[y]?.titleCompact),
    );
    for (let x = 0; x < sorted.length; x++) {
      for (let y = x + 1; y < Math.min(sorted.length, x + 1 + window); y++)
        add(sorted[x] as number, sorted[y] as number);
    }
  }
}

/** The candidate pairs as an array of [lower index, higher index]. */
export function candidatePairs(
  records: PreparedRecord[],
  options: BlockingOptions = {},
): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  forEachCandidatePair(records, options, (i, j) => pairs.push([i, j]));
  return pairs;
}

function compareStrings(a = '', b = ''): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
