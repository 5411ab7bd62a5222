import { describe, expect, it } from 'vitest';
import {
  type DecisionRowIdentifiers,
  type MatchableRecord,
  matchDecisionRows,
} from './match-decision-rows.js';

const records: MatchableRecord[] = [
  {
    id: 'a0000000-0000-4000-8000-000000000001',
    doi: '10.1000/Cats.1',
    title: 'Cats in the household',
    year: 2019,
  },
  {
    id: 'a0000000-0000-4000-8000-000000000002',
    pmid: '31234567',
    title: 'Dogs and their owners',
    year: 2020,
  },
  { id: 'a0000000-0000-4000-8000-000000000003', title: 'Fish tanks', year: 2018 },
  { id: 'a0000000-0000-4000-8000-000000000004', title: 'Fish tanks', year: 2019 },
  { id: 'a0000000-0000-4000-8000-000000000005', title: 'Birds', year: 2017 },
  { id: 'a0000000-0000-4000-8000-000000000006', title: 'Birds', year: 2017 },
];

const row = (rowNumber: number, ids: DecisionRowIdentifiers) => ({ rowNumber, ids });

describe('matchDecisionRows', () => {
  it('matches by Weft id, DOI (any spelling), PMID, then cleaned title with year', () => {
    const { matched, unmatched } = matchDecisionRows(
      [
        row(1, { recordId: 'A0000000-0000-4000-8000-000000000005', title: 'something else' }),
        row(2, { doi: 'https://doi.org/10.1000/CATS.1', title: 'wrong title' }),
        row(3, { pmid: '31234567' }),
        // Decorations as MEDLINE writes them, hyphenation and case differ: same cleaned title.
        row(4, { title: '[Fish-tanks.] [Article in German]', year: 2019 }),
      ],
      records,
    );
    expect(unmatched).toEqual([]);
    expect(matched.map((m) => [m.row.rowNumber, m.recordId.slice(-1), m.by])).toEqual([
      [1, '5', 'record-id'],
      [2, '1', 'doi'],
      [3, '2', 'pmid'],
      [4, '4', 'title'],
    ]);
  });

  it('reports ambiguous rows instead of guessing, and says why others did not match', () => {
    const { matched, unmatched } = matchDecisionRows(
      [
        row(1, { title: 'Fish tanks' }),
        row(2, { title: 'Birds', year: 2017 }),
        row(3, { title: 'Dogs and their owners', year: 1999 }),
        row(4, { doi: '10.9999/none', title: 'Unknown' }),
        row(5, {}),
      ],
      records,
    );
    expect(matched).toEqual([]);
    expect(unmatched.map((u) => [u.row.rowNumber, u.kind, u.reason])).toEqual([
      [1, 'ambiguous', 'its title matches 2 records'],
      [2, 'ambiguous', 'its title matches 2 records'],
      [3, 'no-match', 'its title matches a record of another year (1999)'],
      [4, 'no-match', 'no record has its DOI, title'],
      [5, 'no-identifiers', 'the row has no id, DOI, PMID or title'],
    ]);
    expect(unmatched[0]?.candidates.map((c) => c.slice(-1))).toEqual(['3', '4']);
  });

  it('lets a later key settle what an earlier one left ambiguous, and refuses a second row for one record', () => {
    const twins: MatchableRecord[] = [
      { id: 'b1', doi: '10.1000/x', pmid: '1' },
      { id: 'b2', doi: '10.1000/x', pmid: '2' },
    ];
    const { matched, unmatched } = matchDecisionRows(
      [row(1, { doi: '10.1000/x', pmid: '2' }), row(2, { pmid: '2' })],
      twins,
    );
    expect(matched.map((m) => [m.recordId, m.by])).toEqual([['b2', 'pmid']]);
    expect(unmatched.map((u) => [u.row.rowNumber, u.kind, u.reason])).toEqual([
      [2, 'repeated', 'the same record as row 1 (matched by pmid)'],
    ]);
  });

  it('counts a merged record given under each of its duplicates identifiers as one candidate', () => {
    const merged: MatchableRecord[] = [
      { id: 'p', doi: '10.1000/y', title: 'Same study', year: 2020 },
      { id: 'p', doi: '10.1000/y', pmid: '77', title: 'Same study.', year: 2020 },
    ];
    const { matched, unmatched } = matchDecisionRows(
      [row(1, { doi: '10.1000/Y' }), row(2, { pmid: '77' })],
      merged,
    );
    expect(matched.map((m) => [m.row.rowNumber, m.recordId, m.by])).toEqual([[1, 'p', 'doi']]);
    expect(unmatched.map((u) => u.kind)).toEqual(['repeated']);
  });
});
