import type { BibliographicRecord } from '../records/bibliographic-record.js';
import { type BlockingOptions, forEachCandidatePair } from './candidate-pairs.js';
import { type Comparison, compareRecords, type DuplicateDecision, type Evidence } from './compare-records.js';
import { ConstrainedUnionFind } from './constrained-union-find.js';
import { type PreparedRecord, prepareRecord } from './prepare-record.js';

export interface IdentifiedRecord {
  id: string;
  record: BibliographicRecord;
}

export interface FindDuplicatesOptions extends BlockingOptions {
  /** Pairs people answered "not a duplicate" for: never in one group, and reported as `distinct`. */
  notDuplicates?: Array<readonly [string, string]>;
  /** Pairs people answered "is a duplicate" for: always in one group unless that contradicts `notDuplicates`. */
  confirmedDuplicates?: Array<readonly [string, string]>;
  /** Also return the `distinct` pairs that were compared (for diagnostics; there can be many). */
  includeDistinct?: boolean;
}

export interface DuplicatePair {
  /** The two record ids, in input order. */
  a: string;
  b: string;
  decision: DuplicateDecision;
  score: number;
  evidence: Evidence[];
  reasons: string[];
  /** `user` when the decision is a person's answer rather than the engine's. */
  decidedBy: 'engine' | 'user';
}

export interface DuplicateGroup {
  /** Member record ids in input order; the first is the group's stable id. */
  ids: string[];
}

export interface DuplicateResult {
  /**
   * Certain and possible pairs (and distinct ones when asked for). Possible pairs whose records
   * ended up in one group anyway are left out: there is nothing left for a person to decide.
   */
  pairs: DuplicatePair[];
  /** Groups of two or more records joined by certain pairs and confirmed answers. */
  groups: DuplicateGroup[];
}

/**
 * Finds duplicate records: blocks on several keys, compares candidate pairs, decides each, then
 * groups the certain pairs transitively without ever joining records that must stay apart.
 * Deterministic: the same input in the same order gives the same output.
 */
export function findDuplicates(
  records: IdentifiedRecord[],
  options: FindDuplicatesOptions = {},
): DuplicateResult {
  const prepared: PreparedRecord[] = records.map((item, index) => prepareRecord(item.id, index, item.record));
  const indexOf = new Map<string, number>();
  for (const record of prepared) if (!indexOf.has(record.id)) indexOf.set(record.id, record.index);
  const n = prepared.length;
  const pairKey = (i: number, j: number) => (i < j ? i * n + j : j * n + i);
  const resolve = (pairs: Array<readonly [string, string]> | undefined): Array<[number, number]> =>
    (pairs ?? []).flatMap(([x, y]) => {
      const i = indexOf.get(x);
      const j = indexOf.get(y);
      // Answers about records outside this import are remembered by the caller and simply skipped here.
      return i === undefined || j === undefined || i === j ? [] : [[i, j] as [number, number]];
    });
  const userDistinct = resolve(options.notDuplicates);
  const userSame = resolve(options.confirmedDuplicates);
  const userDistinctKeys = new Set(userDistinct.map(([i, j]) => pairKey(i, j)));
  const userSameKeys = new Set(userSame.map(([i, j]) => pairKey(i, j)));

  const unionFind = new ConstrainedUnionFind(n);
  for (const [i, j] of userDistinct) unionFind.addCannotLink(i, j);
  for (const [i, j] of userSame) if (!userDistinctKeys.has(pairKey(i, j))) unionFind.union(i, j);

  const compared: Array<{ i: number; j: number; comparison: Comparison }> = [];
  forEachCandidatePair(prepared, options, (i, j) => {
    const key = pairKey(i, j);
    if (userDistinctKeys.has(key) || userSameKeys.has(key)) return;
    const comparison = compareRecords(prepared[i] as PreparedRecord, prepared[j] as PreparedRecord);
    if (comparison.cannotLink) unionFind.addCannotLink(i, j);
    // Most candidate pairs are distinct; keeping their evidence would cost gigabytes at 100,000 records.
    if (comparison.decision !== 'distinct' || options.includeDistinct) compared.push({ i, j, comparison });
  });

  // Strongest pairs first, so that when a cannot-link forces a choice the better-supported merge wins.
  const certain = compared
    .filter((item) => item.comparison.decision === 'certain')
    .sort((x, y) => y.comparison.score - x.comparison.score || x.i - y.i || x.j - y.j);
  for (const item of certain) {
    if (!unionFind.union(item.i, item.j)) {
      item.comparison = {
        ...item.comparison,
        decision: 'possible',
        reasons: ['would join records known to be different'],
      };
    }
  }

  const pairs: DuplicatePair[] = [];
  const userEvidence = (text: string): Evidence[] => [{ field: 'user', outcome: 'agree', detail: text }];
  for (const [i, j] of userSame) {
    const distinct = userDistinctKeys.has(pairKey(i, j));
    pairs.push({
      a: prepared[i]?.id ?? '',
      b: prepared[j]?.id ?? '',
      decision: distinct ? 'distinct' : 'certain',
      score: distinct ? 0 : 1,
      evidence: userEvidence(distinct ? 'answered both ways; "not a duplicate" wins' : 'confirmed duplicate'),
      reasons: [],
      decidedBy: 'user',
    });
  }
  if (options.includeDistinct) {
    for (const [i, j] of userDistinct) {
      if (userSameKeys.has(pairKey(i, j))) continue;
      pairs.push({
        a: prepared[i]?.id ?? '',
        b: prepared[j]?.id ?? '',
        decision: 'distinct',
        score: 0,
        evidence: userEvidence('not a duplicate'),
        reasons: ['a person answered "not a duplicate"'],
        decidedBy: 'user',
      });
    }
  }
  compared.sort((x, y) => x.i - y.i || x.j - y.j);
  for (const { i, j, comparison } of compared) {
    if (comparison.decision === 'distinct' && !options.includeDistinct) continue;
    if (comparison.decision === 'possible' && unionFind.find(i) === unionFind.find(j)) continue;
    pairs.push({
      a: prepared[i]?.id ?? '',
      b: prepared[j]?.id ?? '',
      decision: comparison.decision,
      score: comparison.score,
      evidence: comparison.evidence,
      reasons: comparison.reasons,
      decidedBy: 'engine',
    });
  }
  const groups = unionFind
    .groups()
    .map((members) => ({ ids: members.map((index) => prepared[index]?.id ?? '') }));
  return { pairs, groups };
}
