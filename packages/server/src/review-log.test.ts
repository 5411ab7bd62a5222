import type { RecordsResponse, ReviewLogResponse } from '@weft/protocol';
import { REVIEW_LOG_CSV_COLUMNS } from '@weft/protocol';
import { availableBackends } from '@weft/storage/testing';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SCREENING_PASSWORD,
  type ScreeningTeam,
  screeningProject,
  screeningTeam,
  stagesOf,
} from './testing/screening-fixtures.js';
import type { TestClient } from './testing/test-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

const NOTE = 'CLEO-RESOLUTION-NOTE-4417';

/*
 * The review log of a small screening project: set up, switched to dual screening, one conflict
 * (Ana include, Ben exclude) resolved by Cleo as third reviewer (exclude). Ana and Ben are
 * reviewers: the log must never show them Cleo's verdict, as the event feed does not.
 */
describe.each(availableBackends())('review log on %s', (backend) => {
  let t: TestServer;
  let team: ScreeningTeam;
  let outsider: TestClient;
  let projectId: string;

  beforeAll(async () => {
    t = await startTestServer(backend);
    team = await screeningTeam(t);
    projectId = await screeningProject(team, 4);
    await team.lead.command(
      'user.create',
      { username: 'olga', displayName: 'Olga Outsider', password: SCREENING_PASSWORD },
      undefined,
    );
    outsider = t.client();
    await outsider.login('olga', SCREENING_PASSWORD);

    const [stage] = await stagesOf(team.lead, projectId);
    if (!stage) throw new Error('no stage');
    const updated = await team.lead.command(
      'stage.update',
      {
        stageId: stage.id,
        expectedVersion: stage.version,
        name: stage.name,
        mode: 'dual',
        reviewerIds: [],
        reasonRequired: false,
      },
      projectId,
    );
    expect(updated.status).toBe(200);
    const next = await team.ana.request<{ records: Array<{ recordId: string }> }>(
      'GET',
      `/api/projects/${projectId}/screening/stages/${stage.id}/next?count=1`,
    );
    const recordId = next.body.records[0]?.recordId;
    for (const [client, decision] of [
      [team.ana, 'include'],
      [team.ben, 'exclude'],
    ] as const) {
      const decided = await client.command(
        'screening.decide',
        { stageId: stage.id, recordId, decision },
        projectId,
      );
      expect(decided.status).toBe(200);
    }
    const resolved = await team.cleo.command(
      'screening.resolve',
      { stageId: stage.id, recordId, method: 'third-reviewer', decision: 'exclude', note: NOTE },
      projectId,
    );
    expect(resolved.status).toBe(200);
  });
  afterAll(async () => t?.close());

  const log = (client: TestClient, query = '') =>
    client.request<ReviewLogResponse>('GET', `/api/projects/${projectId}/review-log${query}`);

  it('lists the events that matter for reporting, in order, each with its sentence', async () => {
    const response = await log(team.lead);
    expect(response.status).toBe(200);
    const { entries, total } = response.body;
    expect(total).toBe(entries.length);
    const seqs = entries.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const types = entries.map((e) => e.eventType);
    expect(types[0]).toBe('project.created');
    for (const type of [
      'member.added',
      'search.created',
      'records.imported',
      'screening.stages-created',
      'stage.updated',
      'screening.resolved',
    ])
      expect(types).toContain(type);
    // Single decisions are the screening pages' business, not the log's.
    expect(types).not.toContain('screening.decided');
    const imported = entries.find((e) => e.eventType === 'records.imported');
    expect(imported).toMatchObject({ actorName: 'Lena Lead', group: 'identification' });
    expect(imported?.description).toMatch(/^Lena Lead imported 4 records/);
    const resolution = entries.find((e) => e.eventType === 'screening.resolved');
    expect(resolution).toMatchObject({
      actorName: 'Cleo Reviewer',
      group: 'screening',
      detail: 'Verdict: exclude',
    });
    expect(resolution?.description).toMatch(/resolved a conflict as third reviewer/);
  });

  it('filters by group, by date and by words, and pages', async () => {
    const identification = await log(team.lead, '?types=identification');
    expect(new Set(identification.body.entries.map((e) => e.eventType))).toEqual(
      new Set(['search.created', 'records.imported']),
    );
    const two = await log(team.lead, '?types=screening-setup,team');
    expect(new Set(two.body.entries.map((e) => e.group))).toEqual(new Set(['screening-setup', 'team']));

    const all = await log(team.lead);
    const today = new Date().toISOString().slice(0, 10);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    expect((await log(team.lead, `?from=${today}&to=${today}`)).body.total).toBe(all.body.total);
    expect((await log(team.lead, `?from=${day(1)}`)).body.total).toBe(0);
    expect((await log(team.lead, `?to=${day(-1)}`)).body.total).toBe(0);

    const words = await log(team.lead, '?q=IMPORTED%20records');
    expect(words.body.entries.map((e) => e.eventType)).toEqual(['records.imported']);
    const byActor = await log(team.lead, '?q=cleo');
    expect(byActor.body.entries.map((e) => e.eventType)).toEqual(['member.added', 'screening.resolved']);

    const page = await log(team.lead, '?offset=2&limit=3');
    expect(page.body.total).toBe(all.body.total);
    expect(page.body.entries).toEqual(all.body.entries.slice(2, 5));

    expect((await log(team.lead, '?types=decisions')).status).toBe(400);
    expect((await log(team.lead, '?from=yesterday')).status).toBe(400);
  });

  it("never shows a reviewer another's verdict, in JSON or CSV", async () => {
    for (const reviewer of [team.ana, team.ben, team.viewer]) {
      const response = await log(reviewer);
      expect(response.status).toBe(200);
      const resolution = response.body.entries.find((e) => e.eventType === 'screening.resolved');
      expect(resolution).toMatchObject({ actorName: 'Cleo Reviewer', detail: null });
      const text = JSON.stringify(response.body);
      expect(text).not.toContain('Verdict');
      expect(text).not.toContain(NOTE);
      const csv = await reviewer.download(`/api/projects/${projectId}/review-log.csv`);
      expect(csv.bytes.toString('utf8')).not.toContain('Verdict');
    }
    // Cleo sees her own verdict.
    const own = await log(team.cleo, '?q=third');
    expect(own.body.entries[0]?.detail).toBe('Verdict: exclude');
  });

  it('exports the filtered log as CSV with a BOM and fixed columns', async () => {
    const csv = await team.lead.download(
      `/api/projects/${projectId}/review-log.csv?types=identification,screening`,
    );
    expect(csv.status).toBe(200);
    expect(csv.contentType).toMatch(/^text\/csv/);
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = parse(text.slice(1)) as string[][];
    expect(rows[0]).toEqual([...REVIEW_LOG_CSV_COLUMNS]);
    const json = await log(team.lead, '?types=identification,screening');
    expect(rows.length - 1).toBe(json.body.total);
    const imported = rows.find((r) => r[4] === 'records.imported');
    expect(imported?.[2]).toBe('Lena Lead');
    expect(imported?.[3]).toBe('identification');
    expect(imported?.[5]).toMatch(/imported 4 records/);
    expect(rows.find((r) => r[4] === 'screening.resolved')?.[6]).toBe('Verdict: exclude');
  });

  it('refuses a non-member and an anonymous caller', async () => {
    expect((await log(outsider)).status).toBe(403);
    expect((await outsider.download(`/api/projects/${projectId}/review-log.csv`)).status).toBe(403);
    expect((await log(t.client())).status).toBe(401);
  });

  // Last: it stops the stage, which the tests above do not expect.
  it('names the records an act was about, and gives a stop its rationale', async () => {
    const records = await team.lead.request<RecordsResponse>('GET', `/api/projects/${projectId}/records`);
    const [a, b] = records.body.records;
    if (!a || !b) throw new Error('two records');
    const distinct = await team.lead.command(
      'dedup.mark-not-duplicate',
      { recordIds: [a.id, b.id] },
      projectId,
    );
    expect(distinct.status).toBe(200);
    const [stage] = await stagesOf(team.lead, projectId);
    const rationale = 'Every relevant record found: 200 irrelevant in a row at the end of the queue.';
    expect(
      (await team.lead.command('stage.stop', { stageId: stage?.id, note: rationale }, projectId)).status,
    ).toBe(200);
    // Reviewers read the same sentences: naming records is not a verdict.
    for (const reader of [team.lead, team.ana]) {
      const { entries } = (await log(reader)).body;
      const marked = entries.find((e) => e.eventType === 'duplicates.marked-distinct');
      expect(marked?.description).toContain(`“${a.record.title?.slice(0, 20)}`);
      expect(marked?.description).toMatch(
        /^Lena Lead marked “Study \d+ .*” and “Study \d+ .*” as not duplicates$/,
      );
      const stopped = entries.find((e) => e.eventType === 'stage.stopped');
      expect(stopped?.detail).toBe(`Rationale: ${rationale}`);
    }
  });
});
