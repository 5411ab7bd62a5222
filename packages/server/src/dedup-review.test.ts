import type { DuplicatesResponse, UploadResponse } from '@weft/protocol';
import { insertCandidates } from '@weft/storage';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from './testing/test-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

const PASSWORD = 'correct horse battery';

/** Eight clearly different articles: the pairs between them are set by each test, with known scores. */
const TOPICS = [
  'aspirin after stroke',
  'exercise for depression',
  'nurse-led heart failure clinics',
  'school meals and obesity',
  'telehealth in rural diabetes care',
  'smoking cessation in pregnancy',
  'falls prevention in care homes',
  'antibiotic stewardship in primary care',
];
const RIS = TOPICS.map(
  (topic, i) =>
    `TY  - JOUR\nTI  - A study of ${topic}\nAU  - Author${i}, Ann\nPY  - ${2000 + i}\nT2  - Journal ${i}\nER  - \n`,
).join('\n');

type Status = 'pending' | 'duplicate' | 'not-duplicate';

describe.each(availableBackends())('duplicate review: bulk accept and undo on %s', (backend) => {
  let t: TestServer;
  let lead: TestClient;
  let reviewer: TestClient;

  beforeAll(async () => {
    t = await startTestServer(backend);
    lead = t.client();
    await lead.setup('lead', 'Lena Lead', PASSWORD);
    await lead.command('user.create', { username: 'reviewer', displayName: 'Rita', password: PASSWORD });
    reviewer = t.client();
    await reviewer.login('reviewer', PASSWORD);
  });
  afterAll(async () => t?.close());

  /** A project with the eight records and pending pairs r0–r1 0.95, r1–r2 0.91, r3–r4 0.9, r5–r6 0.7, r6–r7 0.5. */
  async function projectWithQueue() {
    const created = await lead.command<{ projectId: string }>('project.create', { name: 'Review' });
    const projectId = created.body.result.projectId;
    await lead.command('member.add', { username: 'reviewer', role: 'reviewer' }, projectId);
    const search = await lead.command<{ searchId: string }>(
      'search.create',
      { sourceType: 'database', name: 'MEDLINE' },
      projectId,
    );
    const upload = await lead.upload<UploadResponse>(projectId, 'eight.ris', RIS);
    const imported = await lead.command(
      'import.records',
      { searchId: search.body.result.searchId, uploadId: upload.body.uploadId },
      projectId,
    );
    expect(imported.status).toBe(200);
    const rows = await t.store.db
      .selectFrom('records')
      .select(['id', 'title'])
      .where('project_id', '=', projectId)
      .execute();
    const r = TOPICS.map((topic) => rows.find((row) => row.title?.includes(topic))?.id as string);
    const scored: Array<[number, number, number]> = [
      [0, 1, 0.95],
      [1, 2, 0.91],
      [3, 4, 0.9],
      [5, 6, 0.7],
      [6, 7, 0.5],
    ];
    await t.store.db.transaction().execute((trx) =>
      insertCandidates(
        trx,
        projectId,
        scored.map(([a, b, score]) => ({
          recordA: r[a] as string,
          recordB: r[b] as string,
          decision: 'possible' as const,
          score,
          evidence: { evidence: [], reasons: [] },
          status: 'pending' as const,
        })),
        new Date(),
      ),
    );
    return { projectId, r };
  }

  async function state(projectId: string, r: string[]) {
    const [pairs, records, events, audit] = await Promise.all([
      t.store.db
        .selectFrom('duplicate_candidates')
        .select(['record_a', 'record_b', 'status'])
        .where('project_id', '=', projectId)
        .execute(),
      t.store.db
        .selectFrom('records')
        .select(['id', 'group_id'])
        .where('project_id', '=', projectId)
        .execute(),
      t.store.db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('project_id', '=', projectId)
        .executeTakeFirstOrThrow(),
      t.store.db
        .selectFrom('audit_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    const name = (id: string) => `r${r.indexOf(id)}`;
    const status: Record<string, Status> = {};
    for (const pair of pairs) {
      const key = [name(pair.record_a), name(pair.record_b)].sort().join('-');
      status[key] = pair.status as Status;
    }
    // Records named by their group's lowest record, so groups compare without their random ids.
    const byGroup = new Map<string, string[]>();
    for (const record of records) {
      if (!record.group_id) continue;
      byGroup.set(record.group_id, [...(byGroup.get(record.group_id) ?? []), name(record.id)].sort());
    }
    const groups = [...byGroup.values()].map((members) => members.join('+')).sort();
    return { status, groups, events: Number(events.n), audit: Number(audit.n) };
  }

  async function queueTotal(projectId: string) {
    const response = await reviewer.request<DuplicatesResponse>(
      'GET',
      `/api/projects/${projectId}/duplicates`,
    );
    return response.body.total;
  }

  it('accepts exactly the queued pairs scoring at least X, in one event, and undoes them as one batch', async () => {
    const { projectId, r } = await projectWithQueue();
    const before = await state(projectId, r);
    expect(await queueTotal(projectId)).toBe(5);
    // What the confirmation dialog counts: the same pairs the command will merge.
    const above = await reviewer.request<DuplicatesResponse>(
      'GET',
      `/api/projects/${projectId}/duplicates?minScore=0.9&limit=1`,
    );
    expect(above.body.total).toBe(3);

    const stale = await lead.command(
      'dedup.merge-above-score',
      { minScore: 0.9, expectedCount: 4 },
      projectId,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('conflict');
    expect((await state(projectId, r)).status).toEqual(before.status);

    const merged = await lead.command<{ batchId: string; pairsMerged: number; groupsCreated: number }>(
      'dedup.merge-above-score',
      { minScore: 0.9, expectedCount: 3 },
      projectId,
    );
    expect(merged.status).toBe(200);
    expect(merged.body.result).toMatchObject({
      pairsMerged: 3,
      groupsCreated: 2,
      recordsMerged: 3,
      pairsSkipped: 0,
    });
    const after = await state(projectId, r);
    expect(after.events).toBe(before.events + 1);
    expect(after.groups).toEqual(['r0+r1+r2', 'r3+r4']);
    expect(after.status).toEqual({
      'r0-r1': 'duplicate',
      'r1-r2': 'duplicate',
      'r3-r4': 'duplicate',
      'r5-r6': 'pending',
      'r6-r7': 'pending',
    });
    expect(await queueTotal(projectId)).toBe(2);
    const event = await t.store.db
      .selectFrom('events')
      .select(['type', 'payload'])
      .where('project_id', '=', projectId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.type).toBe('duplicates.bulk-merged');
    expect(event.payload).toMatchObject({ minScore: 0.9, pairsMerged: 3 });

    const undone = await lead.command(
      'dedup.undo-merge-batch',
      { batchId: merged.body.result.batchId },
      projectId,
    );
    expect(undone.status).toBe(200);
    expect(undone.body.result).toMatchObject({ groupsDissolved: 2, pairsReturned: 3 });
    const restored = await state(projectId, r);
    expect(restored.status).toEqual(before.status);
    expect(restored.groups).toEqual([]);
    expect(await queueTotal(projectId)).toBe(5);

    const again = await lead.command(
      'dedup.undo-merge-batch',
      { batchId: merged.body.result.batchId },
      projectId,
    );
    expect(again.status).toBe(409);
  });

  it('is refused to a reviewer with 403 and an audit entry, and changes nothing', async () => {
    const { projectId, r } = await projectWithQueue();
    const before = await state(projectId, r);
    const refused = await reviewer.command(
      'dedup.merge-above-score',
      { minScore: 0.9, expectedCount: 3 },
      projectId,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    const after = await state(projectId, r);
    expect(after.audit).toBe(before.audit + 1);
    expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 });
    const entry = await t.store.db
      .selectFrom('audit_entries')
      .select(['outcome', 'detail'])
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.outcome).toBe('denied');
    expect(JSON.stringify(entry.detail)).toContain('dedup.merge-above-score');
  });

  it('takes whole groups along and gives them back on undo', async () => {
    const { projectId, r } = await projectWithQueue();
    const single = await reviewer.command('dedup.merge', { recordIds: [r[0], r[1]] }, projectId);
    expect(single.status).toBe(200);
    expect((await state(projectId, r)).groups).toEqual(['r0+r1']);
    const merged = await lead.command<{ batchId: string }>(
      'dedup.merge-above-score',
      { minScore: 0.9, expectedCount: 2 },
      projectId,
    );
    expect(merged.status).toBe(200);
    expect(merged.body.result).toMatchObject({ pairsMerged: 2, recordsMerged: 2 });
    expect((await state(projectId, r)).groups).toEqual(['r0+r1+r2', 'r3+r4']);
    await lead.command('dedup.undo-merge-batch', { batchId: merged.body.result.batchId }, projectId);
    const after = await state(projectId, r);
    expect(after.groups).toEqual(['r0+r1']);
    expect(after.status).toMatchObject({ 'r0-r1': 'duplicate', 'r1-r2': 'pending', 'r3-r4': 'pending' });
  });

  it('never joins records someone kept apart: the weaker pair stays in the queue', async () => {
    const { projectId, r } = await projectWithQueue();
    expect(
      (await reviewer.command('dedup.mark-not-duplicate', { recordIds: [r[0], r[2]] }, projectId)).status,
    ).toBe(200);
    const merged = await lead.command(
      'dedup.merge-above-score',
      { minScore: 0.9, expectedCount: 3 },
      projectId,
    );
    expect(merged.body.result).toMatchObject({ pairsMerged: 2, pairsSkipped: 1 });
    const after = await state(projectId, r);
    expect(after.groups).toEqual(['r0+r1', 'r3+r4']);
    expect(after.status).toMatchObject({ 'r0-r2': 'not-duplicate', 'r1-r2': 'pending' });
  });

  it('takes back a "not a duplicate" answer: the pair returns to the queue', async () => {
    const { projectId, r } = await projectWithQueue();
    const pair = [r[5], r[6]];
    expect((await reviewer.command('dedup.mark-not-duplicate', { recordIds: pair }, projectId)).status).toBe(
      200,
    );
    expect(await queueTotal(projectId)).toBe(4);
    const before = await state(projectId, r);
    const undone = await reviewer.command('dedup.unmark-not-duplicate', { recordIds: pair }, projectId);
    expect(undone.status).toBe(200);
    const after = await state(projectId, r);
    expect(after.status['r5-r6']).toBe('pending');
    expect(after.events).toBe(before.events + 1);
    expect(await queueTotal(projectId)).toBe(5);
    const twice = await reviewer.command('dedup.unmark-not-duplicate', { recordIds: pair }, projectId);
    expect(twice.status).toBe(409);
    expect((await state(projectId, r)).events).toBe(after.events);
  });
});
