import type {
  IdentificationResponse,
  NextRecordsResponse,
  PrismaBoxRecordsResponse,
  PrismaResponse,
  RecordsResponse,
  ReviewLogResponse,
} from '@weft/protocol';
import { listStages, stageCorpus } from '@weft/storage';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ScreeningTeam,
  screeningProject,
  screeningTeam,
  stagesOf,
} from './testing/screening-fixtures.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

/*
 * Records removed before screening for another reason than duplication (PRISMA 2020's "records
 * marked as ineligible by automation tools" and "records removed for other reasons"), driven
 * through the API: the commands, their refusals (each changes nothing), the screening pool, the
 * PRISMA boxes, the records list and the review log.
 */
describe.each(availableBackends())('records removed before screening on %s', (backend) => {
  let t: TestServer;
  let team: ScreeningTeam;

  beforeAll(async () => {
    t = await startTestServer(backend);
    team = await screeningTeam(t);
  });
  afterAll(async () => t?.close());

  async function recordIds(projectId: string): Promise<string[]> {
    const rows = await t.store.db
      .selectFrom('records')
      .select('id')
      .where('project_id', '=', projectId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Everything a refused command must leave alone. */
  async function snapshot(projectId: string) {
    const [removals, outcomes, events] = await Promise.all([
      t.store.db.selectFrom('record_removals').selectAll().where('project_id', '=', projectId).execute(),
      t.store.db
        .selectFrom('stage_outcomes')
        .select(['stage_id', 'record_id'])
        .where('project_id', '=', projectId)
        .orderBy('stage_id')
        .orderBy('record_id')
        .execute(),
      t.store.db.selectFrom('events').select('seq').where('project_id', '=', projectId).execute(),
    ]);
    return { removals, outcomes, events: events.length };
  }

  const prisma = async (projectId: string) =>
    (await team.viewer.request<PrismaResponse>('GET', `/api/projects/${projectId}/prisma`)).body;

  it('removes records from every stage’s pool, counts them in their PRISMA box and restores them', async () => {
    const projectId = await screeningProject(team, 10);
    const r = await recordIds(projectId);
    const [ta] = await stagesOf(team.lead, projectId);
    if (!ta) throw new Error('no stage');

    const removed = await team.lead.command<{ recordIds: string[] }>(
      'records.remove-before-screening',
      { recordIds: [r[0], r[1]], kind: 'automation', reason: '  RCT classifier: not an RCT ' },
      projectId,
    );
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.result.recordIds).toEqual([r[0], r[1]]);
    const other = await team.lead.command(
      'records.remove-before-screening',
      { recordIds: [r[2]], kind: 'other', reason: 'Retracted' },
      projectId,
    );
    expect(other.status).toBe(200);

    // Out of the queue, the counts and the screening pool.
    const next = await team.ana.request<NextRecordsResponse>(
      'GET',
      `/api/projects/${projectId}/screening/stages/${ta.id}/next?count=20`,
    );
    expect(next.body.progress.eligible).toBe(7);
    expect(next.body.records.map((x) => x.recordId)).not.toContain(r[0]);
    expect(next.body.records).toHaveLength(7);
    const decided = await team.ana.command(
      'screening.decide',
      { stageId: ta.id, recordId: r[2], decision: 'include', reasonIds: [] },
      projectId,
    );
    expect(decided.status).toBe(404);
    expect(JSON.stringify(decided.body)).toContain('removed before screening');

    // The PRISMA boxes (record-level drill-down lists them).
    const flow = await prisma(projectId);
    expect(flow.counts).toMatchObject({
      database_results: 10,
      duplicates: 0,
      excluded_automatic: 2,
      excluded_other: 1,
      records_screened: 7,
    });
    const box = async (name: string) =>
      (
        await team.viewer.request<PrismaBoxRecordsResponse>(
          'GET',
          `/api/projects/${projectId}/prisma/records?box=${name}`,
        )
      ).body;
    expect((await box('excluded_automatic')).records.map((x) => x.id).sort()).toEqual([r[0], r[1]].sort());
    const otherBox = await box('excluded_other');
    expect(otherBox.records.map((x) => x.id)).toEqual([r[2]]);
    expect(otherBox.records[0]?.removal).toMatchObject({ kind: 'other', reason: 'Retracted' });

    // Marked in the records list, with a filter; the identification counts leave them out.
    const list = await team.viewer.request<RecordsResponse>(
      'GET',
      `/api/projects/${projectId}/records?view=removed`,
    );
    expect(list.body.total).toBe(3);
    expect(list.body.records.find((x) => x.id === r[0])?.removal).toMatchObject({
      kind: 'automation',
      reason: 'RCT classifier: not an RCT',
    });
    const remaining = await team.viewer.request<RecordsResponse>(
      'GET',
      `/api/projects/${projectId}/records?view=remaining`,
    );
    expect(remaining.body.total).toBe(7);
    const counts = await team.viewer.request<IdentificationResponse>(
      'GET',
      `/api/projects/${projectId}/identification`,
    );
    expect(counts.body).toMatchObject({ identified: 10, removedBeforeScreening: 3, remaining: 7 });
    const exported = await team.viewer.download(
      `/api/projects/${projectId}/records/export?format=ris&view=remaining`,
    );
    expect(exported.bytes.toString('utf8').match(/^TY {2}- /gm)).toHaveLength(7);
    // Nor does the prioritiser rank them.
    const corpus = await stageCorpus(t.store.db, (await listStages(t.store.db, projectId)).slice(0, 1));
    expect(corpus.recordIds).toHaveLength(7);
    expect(corpus.recordIds).not.toContain(r[0]);

    // The review log lists both, in words.
    const log = await team.viewer.request<ReviewLogResponse>('GET', `/api/projects/${projectId}/review-log`);
    const words = log.body.entries.filter((e) => e.eventType === 'records.removed-before-screening');
    expect(words.map((e) => e.description)).toEqual([
      expect.stringContaining(
        'removed 2 records before screening as marked ineligible by an automation tool: “RCT classifier: not an RCT”',
      ),
      expect.stringContaining('removed 1 record before screening for another reason: “Retracted”'),
    ]);

    // Restored: back in the pool and out of the boxes.
    const restored = await team.lead.command(
      'records.restore-for-screening',
      { recordIds: [r[0], r[2]] },
      projectId,
    );
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    const after = await team.ana.request<NextRecordsResponse>(
      'GET',
      `/api/projects/${projectId}/screening/stages/${ta.id}/next?count=20`,
    );
    expect(after.body.progress.eligible).toBe(9);
    expect((await prisma(projectId)).counts).toMatchObject({
      excluded_automatic: 1,
      excluded_other: 0,
      records_screened: 9,
    });
    const restoredLog = await team.viewer.request<ReviewLogResponse>(
      'GET',
      `/api/projects/${projectId}/review-log`,
    );
    expect(
      restoredLog.body.entries.find((e) => e.eventType === 'records.restored-for-screening')?.description,
    ).toContain('restored 2 records removed before screening');
  });

  it('refuses unknown, merged, screened, already removed and not removed records, changing nothing', async () => {
    const projectId = await screeningProject(team, 8);
    const r = await recordIds(projectId);
    const [ta] = await stagesOf(team.lead, projectId);
    if (!ta) throw new Error('no stage');
    const merged = await team.lead.command<{ primaryRecordId: string }>(
      'dedup.merge',
      { recordIds: [r[0], r[1]] },
      projectId,
    );
    expect(merged.status).toBe(200);
    const folded = merged.body.result.primaryRecordId === r[0] ? r[1] : r[0];
    expect(
      (
        await team.ana.command(
          'screening.decide',
          { stageId: ta.id, recordId: r[2], decision: 'exclude', reasonIds: [] },
          projectId,
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await team.lead.command(
          'records.remove-before-screening',
          { recordIds: [r[3]], kind: 'other', reason: 'Outside the date limits' },
          projectId,
        )
      ).status,
    ).toBe(200);

    const before = await snapshot(projectId);
    const unknown = '00000000-0000-4000-8000-000000000099';
    const cases: Array<[string, string, unknown, number, RegExp]> = [
      [
        'an unknown record',
        'records.remove-before-screening',
        { recordIds: [r[4], unknown], kind: 'other', reason: 'x' },
        404,
        new RegExp(`Record ${unknown} does not exist`),
      ],
      [
        'a record folded into another',
        'records.remove-before-screening',
        { recordIds: [r[4], folded], kind: 'other', reason: 'x' },
        409,
        /merged into another record as a duplicate: remove the record that remains instead/,
      ],
      [
        'a screened record',
        'records.remove-before-screening',
        { recordIds: [r[4], r[2]], kind: 'automation', reason: 'x' },
        409,
        /was screened: exclude it at its stage instead/,
      ],
      [
        'an already removed record',
        'records.remove-before-screening',
        { recordIds: [r[4], r[3]], kind: 'other', reason: 'x' },
        409,
        /already removed before screening/,
      ],
      [
        'a blank reason',
        'records.remove-before-screening',
        { recordIds: [r[4]], kind: 'other', reason: '   ' },
        400,
        /reason/,
      ],
      [
        'a record not removed',
        'records.restore-for-screening',
        { recordIds: [r[3], r[4]] },
        409,
        /not removed before screening: nothing to restore/,
      ],
      [
        'a reviewer',
        'records.remove-before-screening',
        { recordIds: [r[4]], kind: 'other', reason: 'x' },
        403,
        /./,
      ],
    ];
    for (const [what, type, payload, status, message] of cases) {
      const client = what === 'a reviewer' ? team.ana : team.lead;
      const response = await client.command(type as 'records.remove-before-screening', payload, projectId);
      expect(response.status, `${what}: ${JSON.stringify(response.body)}`).toBe(status);
      expect(JSON.stringify(response.body), what).toMatch(message);
      expect(await snapshot(projectId), `${what} changes nothing`).toEqual(before);
    }
  });
});
