import { randomUUID } from 'node:crypto';
import { emptyRecord } from '@weft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, createTestStore, seedUserAndProject, type TestStore } from '../testing/index.js';
import { answerPair, insertCandidates } from './duplicate-candidates.js';
import { createGroups } from './duplicate-groups.js';
import { insertImport } from './insert-import.js';
import { listRecords, type RecordQuery } from './records-query.js';
import { insertSearch } from './searches.js';

const N = 257;

describe.each(availableBackends())('records query by range on %s', (backend) => {
  let store: TestStore;
  let ids: string[] = [];
  const userId = randomUUID();
  const projectId = randomUUID();
  const searchId = randomUUID();

  beforeAll(async () => {
    store = await createTestStore(backend);
    const at = new Date();
    await seedUserAndProject(store.db, { userId, projectId, at });
    await insertSearch(store.db, {
      id: searchId,
      projectId,
      createdBy: userId,
      at,
      sourceType: 'database',
      name: 'MEDLINE',
      platform: '',
      dateRun: null,
      query: '',
      reportedCount: null,
      notes: '',
    });
    // Years repeat (ties the sort must break the same way on every page); every 10th has no year.
    const records = Array.from({ length: N }, (_, i) => ({
      record: {
        ...emptyRecord(),
        title: `${i % 7 === 0 ? 'Stroke' : 'Asthma'} outcomes study ${i}`,
        year: i % 10 === 0 ? undefined : 1990 + (i % 13),
        authors: [{ family: `Author${i % 11}`, given: 'A' }],
      },
      sourceText: `TY  - JOUR\nTI  - ${i}\nER  - \n`,
      line: 1 + 3 * i,
      position: i + 1,
    }));
    ids = await store.db.transaction().execute(async (trx) => {
      const inserted = await insertImport(
        trx,
        {
          id: randomUUID(),
          projectId,
          searchId,
          uploadId: null,
          fileName: 'r.ris',
          format: 'ris',
          encoding: 'utf-8',
          warnings: [],
          importedBy: userId,
          at,
        },
        records,
      );
      // r0+r1 merged (r0 primary), r2–r3 waiting in the queue, r4–r5 answered "not a duplicate".
      await createGroups(trx, [
        {
          id: randomUUID(),
          projectId,
          method: 'manual',
          primaryRecordId: inserted[0] as string,
          memberIds: [inserted[0] as string, inserted[1] as string],
          merged: records[0]?.record as never,
          actorId: userId,
          at,
        },
      ]);
      await insertCandidates(
        trx,
        projectId,
        [
          {
            recordA: inserted[2] as string,
            recordB: inserted[3] as string,
            decision: 'possible',
            score: 0.8,
            evidence: {},
            status: 'pending',
          },
        ],
        at,
      );
      await answerPair(
        trx,
        projectId,
        inserted[4] as string,
        inserted[5] as string,
        'not-duplicate',
        userId,
        at,
      );
      return inserted;
    });
  });
  afterAll(async () => store?.destroy());

  const query = (over: Partial<RecordQuery>): RecordQuery => ({
    offset: 0,
    limit: 100,
    sort: 'imported',
    order: 'asc',
    view: 'all',
    ...over,
  });

  async function allByRanges(over: Partial<RecordQuery>, size: number) {
    const rows: string[] = [];
    let total = -1;
    for (let offset = 0; total < 0 || offset < total; offset += size) {
      const page = await listRecords(store.db, projectId, query({ ...over, offset, limit: size }));
      total = page.total;
      rows.push(...page.records.map((r) => r.id));
    }
    return { rows, total };
  }

  it('ranges of any size put together give every record once, in the sort order', async () => {
    for (const over of [
      { sort: 'imported', order: 'asc' },
      { sort: 'year', order: 'desc' },
      { sort: 'title', order: 'asc' },
      { sort: 'first-author', order: 'desc' },
    ] as const) {
      const whole = await listRecords(store.db, projectId, query({ ...over, limit: 500 }));
      expect(whole.total).toBe(N);
      const byRanges = await allByRanges(over, 37);
      expect(byRanges.rows).toEqual(whole.records.map((r) => r.id));
      expect(new Set(byRanges.rows).size).toBe(N);
    }
    const years = (
      await listRecords(store.db, projectId, query({ sort: 'year', order: 'desc', limit: 500 }))
    ).records.map((r) => r.record.year);
    // Descending, with records that have no year last.
    const known = years.filter((y) => y !== undefined) as number[];
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(years.slice(known.length).every((y) => y === undefined)).toBe(true);
  });

  it('filters by duplicate status, year and words, and counts what matches', async () => {
    const remaining = await listRecords(store.db, projectId, query({ view: 'remaining', limit: 500 }));
    expect(remaining.total).toBe(N - 1);
    expect(remaining.records.map((r) => r.id)).not.toContain(ids[1]);
    const merged = await listRecords(store.db, projectId, query({ view: 'merged' }));
    expect(merged.records.map((r) => r.id)).toEqual([ids[1]]);
    expect(merged.records[0]?.isPrimary).toBe(false);
    const grouped = await listRecords(store.db, projectId, query({ view: 'grouped' }));
    expect(grouped.records.map((r) => r.id).sort()).toEqual([ids[0], ids[1]].sort());
    const pending = await listRecords(store.db, projectId, query({ view: 'pending' }));
    expect(pending.records.map((r) => r.id).sort()).toEqual([ids[2], ids[3]].sort());

    const years = await listRecords(store.db, projectId, query({ yearFrom: 1995, yearTo: 1996, limit: 500 }));
    const expectedYears = Array.from({ length: N }, (_, i) => i).filter(
      (i) => i % 10 !== 0 && [1995, 1996].includes(1990 + (i % 13)),
    );
    expect(years.total).toBe(expectedYears.length);

    const words = await listRecords(store.db, projectId, query({ q: 'stroke OUTCOMES', limit: 500 }));
    expect(words.total).toBe(Array.from({ length: N }, (_, i) => i).filter((i) => i % 7 === 0).length);
    expect(words.records.every((r) => r.record.title?.startsWith('Stroke'))).toBe(true);
  });
});
