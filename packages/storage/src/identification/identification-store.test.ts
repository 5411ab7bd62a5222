import { randomUUID } from 'node:crypto';
import { type BibliographicRecord, emptyRecord } from '@weft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, createTestStore, seedUserAndProject, type TestStore } from '../testing/index.js';
import { answerPair, knownPairs } from './duplicate-candidates.js';
import { createGroups, dissolveGroups } from './duplicate-groups.js';
import { identificationCounts } from './identification-counts.js';
import { IMPORT_BATCH_SIZE, type ImportedRecord, insertImport } from './insert-import.js';
import { listRecords } from './records-query.js';
import { insertSearch } from './searches.js';

function record(i: number): BibliographicRecord {
  return {
    ...emptyRecord(),
    title: `Title ${String(i).padStart(5, '0')}`,
    year: 2000 + (i % 20),
    authors: [{ family: i % 2 ? 'Ánh' : 'Zed', given: 'A' }],
    doi: i % 3 ? `https://doi.org/10.1000/X${i}` : undefined,
  };
}

function imported(n: number, offset = 0): ImportedRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    record: record(offset + i),
    sourceText: `TY  - JOUR\r\nTI  - Title ${offset + i}  \r\nER  - \r\n`,
    line: 1 + 4 * i,
    position: i + 1,
  }));
}

describe.each(availableBackends())('identification store on %s', (backend) => {
  let store: TestStore;
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
      platform: 'Ovid',
      dateRun: '2020-03-01',
      query: 'q',
      reportedCount: null,
      notes: '',
    });
  });
  afterAll(async () => store?.destroy());

  const newImport = () => ({
    id: randomUUID(),
    projectId,
    searchId,
    uploadId: null,
    fileName: 'refs.ris',
    format: 'ris',
    encoding: 'utf-8',
    warnings: [],
    importedBy: userId,
    at: new Date(),
  });

  it('a rolled-back import leaves nothing, even after several batches were written', async () => {
    const n = IMPORT_BATCH_SIZE * 2 + 5;
    await expect(
      store.db.transaction().execute(async (trx) => {
        await insertImport(trx, newImport(), imported(n));
        throw new Error('the file turned out to be broken');
      }),
    ).rejects.toThrow('broken');
    for (const table of ['imports', 'source_records', 'records'] as const) {
      const row = await store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect({ table, n: Number(row.n) }).toEqual({ table, n: 0 });
    }
  });

  it('stores every record in batches, verbatim source text, and derived sort columns', async () => {
    const n = IMPORT_BATCH_SIZE + 7;
    const ids = await store.db.transaction().execute((trx) => insertImport(trx, newImport(), imported(n)));
    expect(ids).toHaveLength(n);
    const source = await store.db
      .selectFrom('source_records')
      .select('text')
      .where('position', '=', 3)
      .executeTakeFirstOrThrow();
    expect(source.text).toBe('TY  - JOUR\r\nTI  - Title 2  \r\nER  - \r\n');
    const page = await listRecords(store.db, projectId, {
      offset: 0,
      limit: 3,
      sort: 'title',
      order: 'desc',
      view: 'all',
    });
    expect(page.total).toBe(n);
    expect(page.records.map((r) => r.record.title)).toEqual(['Title 01006', 'Title 01005', 'Title 01004']);
    const doi = await store.db
      .selectFrom('records')
      .select(['doi', 'first_author'])
      .where('id', '=', ids[1] as string)
      .executeTakeFirstOrThrow();
    expect(doi).toEqual({ doi: '10.1000/x1', first_author: 'Ánh' });
    const found = await listRecords(store.db, projectId, {
      offset: 0,
      limit: 10,
      sort: 'imported',
      order: 'asc',
      view: 'all',
      q: 'title 0100',
    });
    // Each word matches on its own: '0100' is in Title 00100 and Title 01000–01006.
    expect(found.total).toBe(8);
    const years = await listRecords(store.db, projectId, {
      offset: 0,
      limit: 5,
      sort: 'year',
      order: 'asc',
      view: 'all',
      yearFrom: 2019,
    });
    expect(years.records.every((r) => r.record.year === 2019)).toBe(true);
  });

  it('groups are reversible and the PRISMA numbers follow them', async () => {
    const page = await listRecords(store.db, projectId, {
      offset: 0,
      limit: 4,
      sort: 'title',
      order: 'asc',
      view: 'all',
    });
    const [a, b, c, d] = page.records.map((r) => r.id) as [string, string, string, string];
    const at = new Date();
    const group = (id: string, members: string[], method: 'auto' | 'manual') => ({
      id,
      projectId,
      method,
      primaryRecordId: members[0] as string,
      memberIds: members,
      merged: emptyRecord(),
      actorId: userId,
      at,
    });
    const g1 = randomUUID();
    const g2 = randomUUID();
    await store.db
      .transaction()
      .execute((trx) => createGroups(trx, [group(g1, [a, b], 'auto'), group(g2, [c, d], 'manual')]));
    const total = IMPORT_BATCH_SIZE + 7;
    expect(await identificationCounts(store.db, projectId)).toMatchObject({
      identified: total,
      duplicatesRemovedAutomatically: 1,
      duplicatesRemovedManually: 1,
      remaining: total - 2,
      searches: [{ searchId, imported: total }],
    });
    const remaining = await listRecords(store.db, projectId, {
      offset: 0,
      limit: 1,
      sort: 'title',
      order: 'asc',
      view: 'remaining',
    });
    expect(remaining.total).toBe(total - 2);
    // A larger group absorbs both; the old rows stay, dissolved.
    const g3 = randomUUID();
    const absorbed = await store.db
      .transaction()
      .execute((trx) => createGroups(trx, [group(g3, [a, b, c, d], 'manual')]));
    expect(absorbed.sort()).toEqual([g1, g2].sort());
    expect((await identificationCounts(store.db, projectId)).duplicatesRemovedManually).toBe(3);
    await store.db.transaction().execute((trx) => dissolveGroups(trx, [g3], 'unmerged', userId, new Date()));
    expect(await identificationCounts(store.db, projectId)).toMatchObject({ remaining: total });
    const groups = await store.db.selectFrom('duplicate_groups').select(['id', 'dissolved_reason']).execute();
    expect(new Map(groups.map((g) => [g.id, g.dissolved_reason]))).toEqual(
      new Map([
        [g1, 'absorbed'],
        [g2, 'absorbed'],
        [g3, 'unmerged'],
      ]),
    );
    await store.db
      .transaction()
      .execute((trx) => answerPair(trx, projectId, b, a, 'not-duplicate', userId, new Date()));
    const pairs = [...(await knownPairs(store.db, projectId)).values()];
    expect(pairs).toMatchObject([{ status: 'not-duplicate', answeredBy: userId }]);
    expect([pairs[0]?.recordA, pairs[0]?.recordB]).toEqual([a, b].sort());
  });
});
