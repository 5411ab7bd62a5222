import { randomUUID } from 'node:crypto';
import { type BibliographicRecord, emptyRecord } from '@weft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, createTestStore, seedUserAndProject, type TestStore } from '../testing/index.js';
import { createGroups } from './duplicate-groups.js';
import { type ImportedRecord, insertImport } from './insert-import.js';
import {
  countExportRecords,
  EXPORT_EXTRA_KEYS,
  type ExportView,
  exportRecordBatches,
  listExportExtraKeys,
} from './records-export.js';
import { insertSearch } from './searches.js';

function imported(n: number, prefix: string): ImportedRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    record: {
      ...emptyRecord(),
      title: `${prefix} ${i}`,
      // Only some records have an extra field: the CSV writer needs the union of keys up front.
      extra: (i % 500 === 7 ? { N1: [`note ${i}`] } : {}) as Record<string, string[]>,
    },
    sourceText: `TY  - JOUR\nTI  - ${prefix} ${i}\nER  - \n`,
    line: 1 + 3 * i,
    position: i + 1,
  }));
}

describe.each(availableBackends())('records export on %s', (backend) => {
  let store: TestStore;
  const userId = randomUUID();
  const projectId = randomUUID();
  const medline = randomUUID();
  const embase = randomUUID();
  let medlineIds: string[] = [];
  let embaseIds: string[] = [];
  const groupId = randomUUID();
  const merged: BibliographicRecord = { ...emptyRecord(), title: 'The merged copy', extra: { M3: ['x'] } };

  async function collect(view: ExportView, batchSize?: number) {
    const batches: BibliographicRecord[][] = [];
    for await (const batch of exportRecordBatches(store.db, projectId, { view, batchSize }))
      batches.push(batch);
    return batches;
  }

  beforeAll(async () => {
    store = await createTestStore(backend);
    const at = new Date('2026-01-01T00:00:00Z');
    await seedUserAndProject(store.db, { userId, projectId, at });
    for (const [id, name] of [
      [medline, 'MEDLINE'],
      [embase, 'Embase'],
    ] as const) {
      await insertSearch(store.db, {
        id,
        projectId,
        createdBy: userId,
        at,
        sourceType: 'database',
        name,
        platform: '',
        dateRun: null,
        query: '',
        reportedCount: null,
        notes: '',
      });
    }
    const newImport = (searchId: string, when: Date) => ({
      id: randomUUID(),
      projectId,
      searchId,
      uploadId: null,
      fileName: 'refs.ris',
      format: 'ris',
      encoding: 'utf-8',
      warnings: [],
      importedBy: userId,
      at: when,
    });
    medlineIds = await store.db
      .transaction()
      .execute((trx) => insertImport(trx, newImport(medline, at), imported(2500, 'M')));
    embaseIds = await store.db
      .transaction()
      .execute((trx) =>
        insertImport(trx, newImport(embase, new Date(at.getTime() + 1000)), imported(3, 'E')),
      );
    // MEDLINE record 1 and Embase record 0 are one study; the MEDLINE record is the primary.
    await store.db.transaction().execute((trx) =>
      createGroups(trx, [
        {
          id: groupId,
          projectId,
          method: 'auto',
          primaryRecordId: medlineIds[1] as string,
          memberIds: [medlineIds[1] as string, embaseIds[0] as string],
          merged,
          actorId: userId,
          at,
        },
      ]),
    );
    // A microsecond the JavaScript Date cannot hold must not make a page repeat.
    await store.db
      .updateTable('records')
      .set({ created_at: '2026-01-01T00:00:00.000123Z' })
      .where('id', 'in', medlineIds)
      .execute();
  });
  afterAll(async () => store?.destroy());

  it('all: every record once, in import and file order, in pages of at most 1,000', async () => {
    const batches = await collect('all');
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 503]);
    const records = batches.flat();
    expect(records.map((r) => r.extra[EXPORT_EXTRA_KEYS.recordId]?.[0])).toEqual([
      ...medlineIds,
      ...embaseIds,
    ]);
    expect(records.slice(0, 3).map((r) => r.title)).toEqual(['M 0', 'M 1', 'M 2']);
    expect(records[1]?.extra).toEqual({
      weft_record_id: [medlineIds[1]],
      weft_search: ['MEDLINE'],
      weft_group_id: [groupId],
    });
    expect(records[2500]?.extra).toEqual({
      weft_record_id: [embaseIds[0]],
      weft_search: ['Embase'],
      weft_group_id: [groupId],
    });
    expect(records[7]?.extra).toEqual({
      N1: ['note 7'],
      weft_record_id: [medlineIds[7]],
      weft_search: ['MEDLINE'],
    });
    expect(await countExportRecords(store.db, projectId, 'all')).toBe(2503);
  });

  it('remaining: the merged copy at its primary record’s place, the other members left out', async () => {
    const records = (await collect('remaining', 700)).flat();
    expect(records).toHaveLength(2502);
    expect(await countExportRecords(store.db, projectId, 'remaining')).toBe(2502);
    expect(records[1]).toEqual({
      ...merged,
      extra: {
        M3: ['x'],
        weft_record_id: [medlineIds[1]],
        weft_search: ['MEDLINE', 'Embase'],
        weft_group_id: [groupId],
      },
    });
    const ids = records.map((r) => r.extra[EXPORT_EXTRA_KEYS.recordId]?.[0]);
    expect(ids).not.toContain(embaseIds[0]);
    expect(ids.slice(-2)).toEqual(embaseIds.slice(1));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('small pages give the same records as large ones', async () => {
    const small = (await collect('all', 7)).flat();
    const large = (await collect('all', 5000)).flat();
    expect(small).toEqual(large);
  });

  it('lists every extra key of the view, provenance last', async () => {
    expect(await listExportExtraKeys(store.db, projectId, 'all')).toEqual([
      'N1',
      'weft_record_id',
      'weft_search',
      'weft_group_id',
    ]);
    expect(await listExportExtraKeys(store.db, projectId, 'remaining')).toEqual([
      'M3',
      'N1',
      'weft_record_id',
      'weft_search',
      'weft_group_id',
    ]);
  });

  it('an empty project exports nothing', async () => {
    const batches: BibliographicRecord[][] = [];
    for await (const batch of exportRecordBatches(store.db, randomUUID(), { view: 'all' }))
      batches.push(batch);
    expect(batches).toEqual([]);
  });
});
