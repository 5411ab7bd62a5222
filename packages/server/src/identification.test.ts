import type {
  DuplicatesResponse,
  IdentificationResponse,
  RecordsResponse,
  SearchesResponse,
  UploadResponse,
} from '@weft/protocol';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_RIS, EMBASE_RIS, MEDLINE_RIS, UPDATE_RIS } from './testing/identification-fixtures.js';
import type { TestClient } from './testing/test-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

const PASSWORD = 'correct horse battery';

interface ImportResult {
  importId: string;
  recordCount: number;
  warnings: Array<{ message: string; line?: number }>;
  countMismatch: { reported: number; imported: number } | null;
}

describe.each(availableBackends())('identification on %s', (backend) => {
  let t: TestServer;
  let lead: TestClient;
  let reviewer: TestClient;
  let viewer: TestClient;

  beforeAll(async () => {
    t = await startTestServer(backend);
    lead = t.client();
    await lead.setup('lead', 'Lena Lead', PASSWORD);
    for (const name of ['reviewer', 'viewer']) {
      await lead.command('user.create', { username: name, displayName: name, password: PASSWORD });
    }
    reviewer = t.client();
    viewer = t.client();
    await reviewer.login('reviewer', PASSWORD);
    await viewer.login('viewer', PASSWORD);
  });
  afterAll(async () => t?.close());

  async function newProject(): Promise<string> {
    const created = await lead.command<{ projectId: string }>('project.create', { name: 'Identification' });
    const projectId = created.body.result.projectId;
    await lead.command('member.add', { username: 'reviewer', role: 'reviewer' }, projectId);
    await lead.command('member.add', { username: 'viewer', role: 'viewer' }, projectId);
    return projectId;
  }

  async function createSearch(projectId: string, name: string, reportedCount: number | null = null) {
    const response = await lead.command<{ searchId: string }>(
      'search.create',
      {
        sourceType: 'database',
        name,
        platform: 'Ovid',
        dateRun: '2020-03-01',
        query: 'stroke AND aspirin',
        reportedCount,
      },
      projectId,
    );
    expect(response.status).toBe(200);
    return response.body.result.searchId;
  }

  async function importText(projectId: string, searchId: string, fileName: string, text: string) {
    const upload = await lead.upload<UploadResponse>(projectId, fileName, text);
    expect(upload.status).toBe(200);
    return lead.command<ImportResult>(
      'import.records',
      { searchId, uploadId: upload.body.uploadId },
      projectId,
    );
  }

  async function count(table: 'records' | 'source_records' | 'imports' | 'events', projectId: string) {
    const row = await t.store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('project_id', '=', projectId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function records(projectId: string, query = '') {
    const response = await viewer.request<RecordsResponse>(
      'GET',
      `/api/projects/${projectId}/records${query}`,
    );
    expect(response.status).toBe(200);
    return response.body;
  }

  async function identification(projectId: string) {
    const response = await viewer.request<IdentificationResponse>(
      'GET',
      `/api/projects/${projectId}/identification`,
    );
    expect(response.status).toBe(200);
    return response.body;
  }

  async function queue(projectId: string) {
    const response = await reviewer.request<DuplicatesResponse>(
      'GET',
      `/api/projects/${projectId}/duplicates`,
    );
    expect(response.status).toBe(200);
    return response.body;
  }

  it('imports a file: records, verbatim source records and one event', async () => {
    const projectId = await newProject();
    const searchId = await createSearch(projectId, 'MEDLINE via Ovid', 3);
    const imported = await importText(projectId, searchId, 'medline.ris', MEDLINE_RIS);
    expect(imported.status).toBe(200);
    expect(imported.body.result).toMatchObject({ recordCount: 3, countMismatch: null, format: 'ris' });
    expect(typeof imported.body.seq).toBe('number');

    const page = await records(projectId, '?sort=title&order=asc');
    expect(page.total).toBe(3);
    expect(page.records.map((r) => r.record.title)).toEqual([
      'Effects of aspirin on stroke recurrence in older adults: a randomised trial',
      'Nurse-led clinics for heart failure: a cost analysis',
      'Physical activity and depression among adolescents in rural settings',
    ]);
    const sources = await t.store.db
      .selectFrom('source_records')
      .select(['text', 'position', 'line'])
      .where('project_id', '=', projectId)
      .orderBy('position')
      .execute();
    expect(sources.map((s) => s.line)).toEqual([1, 14, 25]);
    // Verbatim: every source record is a slice of the file as uploaded.
    for (const source of sources) expect(MEDLINE_RIS).toContain(source.text.trim());
    expect(sources[0]?.text).toContain('DO  - 10.1161/STROKEAHA.119.000001');

    const events = await t.store.db
      .selectFrom('events')
      .select(['type', 'payload'])
      .where('project_id', '=', projectId)
      .where('type', '=', 'records.imported')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toMatchObject({ searchId, fileName: 'medline.ris', recordCount: 3 });

    const searches = await viewer.request<SearchesResponse>('GET', `/api/projects/${projectId}/searches`);
    expect(searches.body.searches).toMatchObject([
      {
        id: searchId,
        name: 'MEDLINE via Ovid',
        dateRun: '2020-03-01',
        reportedCount: 3,
        importCount: 1,
        recordCount: 3,
      },
    ]);

    const found = await records(projectId, '?q=aspirin%20stroke');
    expect(found.total).toBe(1);
    const source = await viewer.request<{ source: { text: string; fileName: string } }>(
      'GET',
      `/api/projects/${projectId}/records/${found.records[0]?.id}/source`,
    );
    expect(source.body.source.fileName).toBe('medline.ris');
    expect(source.body.source.text).toContain('TI  - Effects of aspirin');
  });

  it('refuses a malformed file with its name and line, and stores nothing', async () => {
    const projectId = await newProject();
    const searchId = await createSearch(projectId, 'Embase');
    const before = await Promise.all([
      count('records', projectId),
      count('imports', projectId),
      count('events', projectId),
    ]);
    const response = await importText(projectId, searchId, 'broken.ris', BROKEN_RIS);
    expect(response.status).toBe(400);
    expect(response.body.detail).toBe(
      "broken.ris, line 5: expected a tag like 'TY  - ' between records, found 'this line is not a tag'",
    );
    const after = await Promise.all([
      count('records', projectId),
      count('imports', projectId),
      count('events', projectId),
    ]);
    expect(after).toEqual(before);
    expect(await count('source_records', projectId)).toBe(0);
  });

  it('warns when the import differs from the count the database reported', async () => {
    const projectId = await newProject();
    const searchId = await createSearch(projectId, 'Embase via Elsevier', 10);
    const response = await importText(projectId, searchId, 'embase.ris', EMBASE_RIS);
    expect(response.status).toBe(200);
    expect(response.body.result.countMismatch).toEqual({ reported: 10, imported: 2 });
    expect(response.body.result.warnings[0]?.message).toBe(
      'Embase via Elsevier reported 10 records but 2 have been imported into it.',
    );
  });

  it('an upload is imported once; only leads import, reviewers answer duplicate questions', async () => {
    const projectId = await newProject();
    const searchId = await createSearch(projectId, 'CINAHL');
    const upload = await lead.upload<UploadResponse>(projectId, 'cinahl.ris', MEDLINE_RIS);
    const byReviewer = await reviewer.command(
      'import.records',
      { searchId, uploadId: upload.body.uploadId },
      projectId,
    );
    expect(byReviewer.status).toBe(403);
    expect((await reviewer.upload(projectId, 'x.ris', MEDLINE_RIS)).status).toBe(403);
    const first = await lead.command(
      'import.records',
      { searchId, uploadId: upload.body.uploadId },
      projectId,
    );
    expect(first.status).toBe(200);
    const again = await lead.command(
      'import.records',
      { searchId, uploadId: upload.body.uploadId },
      projectId,
    );
    expect(again.status).toBe(409);
  });

  it('dedup.run merges certain duplicates, queues possible ones, and the numbers follow', async () => {
    const projectId = await newProject();
    const medline = await createSearch(projectId, 'MEDLINE');
    const embase = await createSearch(projectId, 'Embase');
    await importText(projectId, medline, 'medline.ris', MEDLINE_RIS);
    await importText(projectId, embase, 'embase.ris', EMBASE_RIS);
    expect((await reviewer.command('dedup.run', {}, projectId)).status).toBe(403);
    const run = await lead.command<{
      groupsCreated: number;
      recordsMergedAutomatically: number;
      pairsQueued: number;
    }>('dedup.run', {}, projectId);
    expect(run.status).toBe(200);
    expect(run.body.result).toMatchObject({
      recordsCompared: 5,
      groupsCreated: 1,
      recordsMergedAutomatically: 1,
      pairsQueued: 1,
    });

    const grouped = await records(projectId, '?view=grouped');
    expect(grouped.total).toBe(2);
    expect(new Set(grouped.records.map((r) => r.groupId)).size).toBe(1);
    expect(grouped.records.filter((r) => r.isPrimary)).toHaveLength(1);
    expect((await records(projectId, '?view=remaining')).total).toBe(4);

    const pending = await queue(projectId);
    expect(pending.total).toBe(1);
    const [pair] = pending.candidates;
    expect(pair?.decision).toBe('possible');
    expect([pair?.a.record.year, pair?.b.record.year].sort()).toEqual([2020, 2021]);
    expect(pair?.evidence).toMatchObject({ reasons: ['different years'] });

    expect(await identification(projectId)).toMatchObject({
      searches: [
        { name: 'MEDLINE', imported: 3 },
        { name: 'Embase', imported: 2 },
      ],
      bySourceType: { database: 5 },
      identified: 5,
      duplicatesRemovedAutomatically: 1,
      duplicatesRemovedManually: 0,
      pendingDuplicatePairs: 1,
      remaining: 4,
    });

    // Running again changes nothing: the group and the queued pair are already there.
    const rerun = await lead.command('dedup.run', {}, projectId);
    expect(rerun.body.result).toMatchObject({
      groupsCreated: 0,
      recordsMergedAutomatically: 0,
      pairsQueued: 0,
    });
  });

  it('merge and unmerge round trip keeps every record and source record', async () => {
    const projectId = await newProject();
    const medline = await createSearch(projectId, 'MEDLINE');
    const embase = await createSearch(projectId, 'Embase');
    await importText(projectId, medline, 'medline.ris', MEDLINE_RIS);
    await importText(projectId, embase, 'embase.ris', EMBASE_RIS);
    await lead.command('dedup.run', {}, projectId);
    const [pair] = (await queue(projectId)).candidates;
    if (!pair) throw new Error('expected a queued pair');
    expect(
      (await viewer.command('dedup.merge', { recordIds: [pair.a.id, pair.b.id] }, projectId)).status,
    ).toBe(403);

    const merged = await reviewer.command<{ groupId: string }>(
      'dedup.merge',
      { recordIds: [pair.a.id, pair.b.id] },
      projectId,
    );
    expect(merged.status).toBe(200);
    expect((await queue(projectId)).total).toBe(0);
    expect(await identification(projectId)).toMatchObject({
      duplicatesRemovedAutomatically: 1,
      duplicatesRemovedManually: 1,
      remaining: 3,
    });

    const unmerged = await reviewer.command<{ recordIds: string[] }>(
      'dedup.unmerge',
      { groupId: merged.body.result.groupId },
      projectId,
    );
    expect(unmerged.status).toBe(200);
    expect(unmerged.body.result.recordIds.sort()).toEqual([pair.a.id, pair.b.id].sort());
    expect(
      (await reviewer.command('dedup.unmerge', { groupId: merged.body.result.groupId }, projectId)).status,
    ).toBe(409);
    // The question is open again, nothing was lost.
    expect((await queue(projectId)).total).toBe(1);
    expect(await count('records', projectId)).toBe(5);
    expect(await count('source_records', projectId)).toBe(5);
    expect(await identification(projectId)).toMatchObject({ duplicatesRemovedManually: 0, remaining: 4 });
    const history = await t.store.db
      .selectFrom('duplicate_groups')
      .select(['method', 'dissolved_reason'])
      .where('project_id', '=', projectId)
      .orderBy('created_at')
      .execute();
    expect(history).toEqual([
      { method: 'auto', dissolved_reason: null },
      { method: 'manual', dissolved_reason: 'unmerged' },
    ]);
    const types = await t.store.db
      .selectFrom('events')
      .select('type')
      .where('project_id', '=', projectId)
      .where('type', 'like', 'duplicates.%')
      .orderBy('seq')
      .execute();
    expect(types.map((e) => e.type)).toEqual([
      'duplicates.detected',
      'duplicates.merged',
      'duplicates.unmerged',
    ]);
  });

  it('"not a duplicate" is remembered across a later import and run', async () => {
    const projectId = await newProject();
    const medline = await createSearch(projectId, 'MEDLINE');
    const embase = await createSearch(projectId, 'Embase');
    await importText(projectId, medline, 'medline.ris', MEDLINE_RIS);
    await importText(projectId, embase, 'embase.ris', EMBASE_RIS);
    await lead.command('dedup.run', {}, projectId);
    const [pair] = (await queue(projectId)).candidates;
    if (!pair) throw new Error('expected a queued pair');
    const answered = await reviewer.command(
      'dedup.mark-not-duplicate',
      { recordIds: [pair.b.id, pair.a.id] },
      projectId,
    );
    expect(answered.status).toBe(200);
    expect((await queue(projectId)).total).toBe(0);

    await importText(projectId, embase, 'embase-update.ris', UPDATE_RIS);
    const run = await lead.command<{ pairsRemembered: number }>('dedup.run', {}, projectId);
    expect(run.body.result.pairsRemembered).toBe(1);
    const distinct = await reviewer.request<DuplicatesResponse>(
      'GET',
      `/api/projects/${projectId}/duplicates?status=not-duplicate`,
    );
    expect(distinct.body.candidates.map((c) => [c.a.id, c.b.id].sort())).toEqual([
      [pair.a.id, pair.b.id].sort(),
    ]);
    // The two answered records never end up in one group, whatever the new record matched.
    const all = await records(projectId, '?limit=500');
    const groupOf = new Map(all.records.map((r) => [r.id, r.groupId]));
    const ga = groupOf.get(pair.a.id);
    expect(ga === null || ga !== groupOf.get(pair.b.id)).toBe(true);
    const numbers = await identification(projectId);
    expect(numbers.identified).toBe(6);
    expect(numbers.remaining).toBe(
      6 - numbers.duplicatesRemovedAutomatically - numbers.duplicatesRemovedManually,
    );
  });

  it('search.update checks the version it edited', async () => {
    const projectId = await newProject();
    const searchId = await createSearch(projectId, 'PsycINFO');
    const fields = { searchId, sourceType: 'database', name: 'PsycINFO via Ovid', reportedCount: 12 };
    const updated = await lead.command<{ version: number }>(
      'search.update',
      { ...fields, expectedVersion: 1 },
      projectId,
    );
    expect(updated.body.result.version).toBe(2);
    const stale = await lead.command('search.update', { ...fields, expectedVersion: 1 }, projectId);
    expect(stale.status).toBe(409);
    const searches = await viewer.request<SearchesResponse>('GET', `/api/projects/${projectId}/searches`);
    expect(searches.body.searches[0]).toMatchObject({
      name: 'PsycINFO via Ovid',
      reportedCount: 12,
      version: 2,
    });
  });
});
