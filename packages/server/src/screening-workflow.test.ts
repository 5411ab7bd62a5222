import type {
  ConflictsResponse,
  DecisionHistoryResponse,
  NextRecordsResponse,
  ScreeningListResponse,
  StageDashboardResponse,
  StageView,
} from '@weft/protocol';
import { drawSampleIds, hashFraction } from '@weft/storage';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  numberedRis,
  type ScreeningTeam,
  screeningProject,
  screeningTeam,
  stagesOf,
} from './testing/screening-fixtures.js';
import type { TestClient } from './testing/test-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

describe.each(availableBackends())('screening workflow on %s', (backend) => {
  let t: TestServer;
  let team: ScreeningTeam;

  beforeAll(async () => {
    t = await startTestServer(backend);
    team = await screeningTeam(t);
  });
  afterAll(async () => t?.close());

  /** A project with `count` records whose title/abstract stage is switched to `mode`. */
  async function project(count: number, mode: 'single' | 'dual' | 'sample' = 'dual', samplePercent?: number) {
    const projectId = await screeningProject(team, count);
    const [stage] = await stagesOf(team.lead, projectId);
    const s = stage as StageView;
    if (mode !== 'single') {
      const updated = await team.lead.command(
        'stage.update',
        {
          stageId: s.id,
          expectedVersion: s.version,
          name: s.name,
          mode,
          samplePercent: samplePercent ?? null,
        },
        projectId,
      );
      expect(updated.status).toBe(200);
    }
    const records = await t.store.db
      .selectFrom('records')
      .select('id')
      .where('project_id', '=', projectId)
      .orderBy('id')
      .execute();
    return { projectId, stageId: s.id, recordIds: records.map((r) => r.id) };
  }

  async function decide(
    client: TestClient,
    projectId: string,
    stageId: string,
    recordId: string,
    decision: 'include' | 'exclude' | 'maybe',
    reasonIds: string[] = [],
  ) {
    return client.command<{ decisionId: string }>(
      'screening.decide',
      { stageId, recordId, decision, reasonIds },
      projectId,
    );
  }

  async function tableCounts(projectId: string) {
    const db = t.store.db;
    const n = async (table: 'events' | 'screening_decisions' | 'screening_resolutions' | 'audit_entries') => {
      let query = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
      if (table !== 'audit_entries') query = query.where('project_id', '=', projectId);
      return Number((await query.executeTakeFirstOrThrow()).n);
    };
    return {
      events: await n('events'),
      decisions: await n('screening_decisions'),
      resolutions: await n('screening_resolutions'),
      audit: await n('audit_entries'),
    };
  }

  it('draws the dual-screening sample reproducibly from its recorded seed, and stores it', async () => {
    const { projectId, stageId, recordIds } = await project(20, 'sample', 30);
    const storedSample = async () =>
      (
        await t.store.db
          .selectFrom('screening_sample')
          .select('record_id')
          .where('stage_id', '=', stageId)
          .where('in_sample', '=', true)
          .orderBy('record_id')
          .execute()
      ).map((r) => r.record_id);
    const first = await storedSample();
    const [stage] = await stagesOf(team.lead, projectId);
    const seed = stage?.sampleSeed as number;
    // round(30 % × 20) = 6 records, exactly those core's seeded draw picks from the sorted ids.
    expect(first).toHaveLength(6);
    expect(first).toEqual(drawSampleIds(recordIds, 30, seed).sort());
    // The seed is in the event log, so the draw can be repeated from the audit trail.
    const event = await t.store.db
      .selectFrom('events')
      .select('payload')
      .where('project_id', '=', projectId)
      .where('type', '=', 'stage.updated')
      .executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({
      sampleSeed: seed,
      samplePercent: 30,
      sample: { eligible: 20, drawn: 6 },
    });
    // Redrawn at 50 % and back at 30 % before anyone screened: the same seed gives the same sample.
    for (const percent of [50, 30]) {
      const current = (await stagesOf(team.lead, projectId))[0] as StageView;
      const updated = await team.lead.command(
        'stage.update',
        {
          stageId,
          expectedVersion: current.version,
          name: current.name,
          mode: 'sample',
          samplePercent: percent,
        },
        projectId,
      );
      expect(updated.status).toBe(200);
      expect(await storedSample()).toHaveLength(percent === 50 ? 10 : 6);
    }
    expect(await storedSample()).toEqual(first);
    // The list marks exactly the stored records as dual-screened.
    const listUrl = `/api/projects/${projectId}/screening/stages/${stageId}/records?limit=200`;
    const list = await team.lead.request<ScreeningListResponse>('GET', listUrl);
    expect(
      list.body.items
        .filter((i) => i.record.dual)
        .map((i) => i.record.recordId)
        .sort(),
    ).toEqual(first);
    // Records imported later join the sample by the per-record rule hash(seed, id) < 30 %.
    const search = await t.store.db
      .selectFrom('searches')
      .select('id')
      .where('project_id', '=', projectId)
      .executeTakeFirstOrThrow();
    const upload = await team.lead.upload<{ uploadId: string }>(
      projectId,
      'more.ris',
      numberedRis(40, 'integration'),
    );
    await team.lead.command(
      'import.records',
      { searchId: search.id, uploadId: upload.body.uploadId },
      projectId,
    );
    const after = await team.lead.request<ScreeningListResponse>('GET', listUrl);
    expect(after.body.total).toBe(60);
    for (const item of after.body.items) {
      const id = item.record.recordId;
      const expected = first.includes(id) || (!recordIds.includes(id) && hashFraction(seed, id) < 0.3);
      expect({ id, dual: item.record.dual }).toEqual({ id, dual: expected });
    }
    // Once screening has begun, the percentage cannot change (the draw happened once).
    expect((await decide(team.ana, projectId, stageId, first[0] as string, 'include')).status).toBe(200);
    const current = (await stagesOf(team.lead, projectId))[0] as StageView;
    const refused = await team.lead.command(
      'stage.update',
      { stageId, expectedVersion: current.version, name: current.name, mode: 'sample', samplePercent: 50 },
      projectId,
    );
    expect(refused.status).toBe(409);
  });

  it('in sample mode asks two reviewers for sampled records and one for the rest', async () => {
    const { projectId, stageId } = await project(10, 'sample', 50);
    const list = await team.lead.request<ScreeningListResponse>(
      'GET',
      `/api/projects/${projectId}/screening/stages/${stageId}/records?limit=50`,
    );
    const dual = list.body.items.filter((i) => i.record.dual).map((i) => i.record.recordId);
    const single = list.body.items.filter((i) => !i.record.dual).map((i) => i.record.recordId);
    expect(dual).toHaveLength(5);
    await decide(team.ana, projectId, stageId, dual[0] as string, 'include');
    await decide(team.ana, projectId, stageId, single[0] as string, 'include');
    const benQueue = await team.ben.request<NextRecordsResponse>(
      'GET',
      `/api/projects/${projectId}/screening/stages/${stageId}/next?count=50`,
    );
    const queued = benQueue.body.records.map((r) => r.recordId);
    expect(queued).toContain(dual[0]);
    expect(queued).not.toContain(single[0]);
    expect(queued).toHaveLength(9);
    expect(benQueue.body.progress).toMatchObject({ eligible: 10, decided: 1, dualScreened: 5, myQueue: 9 });
  });

  it('detects conflicts and resolves them by a third reviewer or by the lead’s consensus', async () => {
    const { projectId, stageId, recordIds } = await project(4);
    const [r1, r2] = recordIds as [string, string];
    await decide(team.ana, projectId, stageId, r1, 'include');
    await decide(team.ben, projectId, stageId, r1, 'exclude');
    await decide(team.ana, projectId, stageId, r2, 'exclude');
    await decide(team.ben, projectId, stageId, r2, 'maybe');
    const conflictsUrl = `/api/projects/${projectId}/screening/stages/${stageId}/conflicts`;
    let conflicts = await team.lead.request<ConflictsResponse>('GET', conflictsUrl);
    expect(conflicts.body.unresolved).toBe(2);
    expect(conflicts.body.conflicts.map((c) => c.decisions.length)).toEqual([2, 2]);

    // Ana made one of the two decisions: she may not settle it as "third reviewer". The refusal
    // changes nothing and leaves one audit entry.
    const before = await tableCounts(projectId);
    const refused = await team.ana.command(
      'screening.resolve',
      { stageId, recordId: r1, method: 'third-reviewer', decision: 'include' },
      projectId,
    );
    expect(refused.status).toBe(403);
    const after = await tableCounts(projectId);
    expect(after).toEqual({ ...before, audit: before.audit + 1 });
    // A reviewer cannot record a consensus either.
    expect(
      (
        await team.cleo.command(
          'screening.resolve',
          { stageId, recordId: r1, method: 'consensus', decision: 'include' },
          projectId,
        )
      ).status,
    ).toBe(403);

    const third = await team.cleo.command<{ resolutionId: string }>(
      'screening.resolve',
      { stageId, recordId: r1, method: 'third-reviewer', decision: 'include' },
      projectId,
    );
    expect(third.status).toBe(200);
    const consensus = await team.lead.command(
      'screening.resolve',
      {
        stageId,
        recordId: r2,
        method: 'consensus',
        decision: 'exclude',
        participantIds: [team.ids.ana, team.ids.ben, team.ids.lead],
        note: 'Discussed at the team meeting',
      },
      projectId,
    );
    expect(consensus.status).toBe(200);
    conflicts = await team.lead.request<ConflictsResponse>('GET', conflictsUrl);
    expect(conflicts.body.unresolved).toBe(0);
    const byRecord = new Map(conflicts.body.conflicts.map((c) => [c.record.recordId, c.resolution]));
    expect(byRecord.get(r1)).toMatchObject({
      method: 'third-reviewer',
      decision: 'include',
      participantIds: [team.ids.cleo],
    });
    expect(byRecord.get(r2)).toMatchObject({ method: 'consensus', decision: 'exclude' });
    const list = await team.lead.request<ScreeningListResponse>(
      'GET',
      `/api/projects/${projectId}/screening/stages/${stageId}/records?limit=50`,
    );
    const finals = new Map(list.body.items.map((i) => [i.record.recordId, i.finalDecision]));
    expect([finals.get(r1), finals.get(r2)]).toEqual(['include', 'exclude']);

    // A new decision by one of the two reopens the conflict; the resolution stays in the history.
    await decide(team.ben, projectId, stageId, r2, 'include');
    conflicts = await team.lead.request<ConflictsResponse>('GET', conflictsUrl);
    expect(conflicts.body.unresolved).toBe(1);
    const history = await team.lead.request<DecisionHistoryResponse>(
      'GET',
      `/api/projects/${projectId}/screening/stages/${stageId}/records/${r2}/history`,
    );
    expect(history.body.resolutions).toHaveLength(1);
    expect(history.body.decisions.map((d) => d.decision)).toEqual(['exclude', 'maybe', 'include']);
  });

  it('keeps a changed decision as a new event with the history for the lead; retracting is undoable', async () => {
    const { projectId, stageId, recordIds } = await project(3, 'single');
    const recordId = recordIds[0] as string;
    const first = await decide(team.ana, projectId, stageId, recordId, 'include');
    const second = await decide(team.ana, projectId, stageId, recordId, 'exclude');
    expect(second.body.seq).toBe((first.body.seq as number) + 1);
    const events = await t.store.db
      .selectFrom('events')
      .select(['type', 'payload'])
      .where('project_id', '=', projectId)
      .where('type', '=', 'screening.decided')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => (e.payload as { decision: string; changed: boolean }).decision)).toEqual([
      'include',
      'exclude',
    ]);
    expect(events.map((e) => (e.payload as { changed: boolean }).changed)).toEqual([false, true]);
    const retract = await team.ana.command('screening.retract', { stageId, recordId }, projectId);
    expect(retract.status).toBe(200);
    const historyUrl = `/api/projects/${projectId}/screening/stages/${stageId}/records/${recordId}/history`;
    const history = await team.lead.request<DecisionHistoryResponse>('GET', historyUrl);
    expect(history.body.decisions.map((d) => [d.decision, d.retracted])).toEqual([
      ['include', false],
      ['exclude', true],
    ]);
    // Nothing left to retract: refused, and the record is back in the queue.
    expect((await team.ana.command('screening.retract', { stageId, recordId }, projectId)).status).toBe(409);
    const next = await team.ben.request<NextRecordsResponse>(
      'GET',
      `/api/projects/${projectId}/screening/stages/${stageId}/next?count=10`,
    );
    expect(next.body.records.map((r) => r.recordId)).toContain(recordId);
    // Another reviewer sees none of it in the history.
    const benHistory = await team.ben.request<DecisionHistoryResponse>('GET', historyUrl);
    expect(benHistory.body.decisions).toEqual([]);
  });

  it('requires exclusion reasons at full text, and only the stage’s own', async () => {
    const { projectId, stageId, recordIds } = await project(3, 'single');
    const [, fullText] = await stagesOf(team.lead, projectId);
    const recordId = recordIds[0] as string;
    // Not yet eligible at full text: it has not passed title/abstract.
    expect((await decide(team.ana, projectId, fullText?.id as string, recordId, 'exclude')).status).toBe(404);
    await decide(team.ana, projectId, stageId, recordId, 'include');
    const noReason = await decide(team.ana, projectId, fullText?.id as string, recordId, 'exclude');
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('validation');
    expect(noReason.body.detail).toMatch(/at least one reason/);
    const otherStageReason = await decide(team.ana, projectId, fullText?.id as string, recordId, 'exclude', [
      stageId,
    ]);
    expect(otherStageReason.status).toBe(400);
    const reasonId = fullText?.reasons[3]?.id as string;
    expect(fullText?.reasons.map((r) => r.label)).toContain('Wrong study design');
    const ok = await decide(team.ana, projectId, fullText?.id as string, recordId, 'exclude', [reasonId]);
    expect(ok.status).toBe(200);
    const [, after] = await stagesOf(team.lead, projectId);
    expect(after?.reasons.find((r) => r.id === reasonId)?.excludedCount).toBe(1);
    expect(after?.progress).toMatchObject({ eligible: 1, excluded: 1 });
    // Eligibility chains on: a third stage takes what full text included (or kept as maybe).
    const third = await team.lead.command<{ stageId: string }>(
      'stage.create',
      { key: 'appraisal', name: 'Appraisal', mode: 'single' },
      projectId,
    );
    const passing = recordIds[1] as string;
    await decide(team.ben, projectId, stageId, passing, 'maybe');
    await decide(team.ben, projectId, fullText?.id as string, passing, 'include');
    const stages = await stagesOf(team.lead, projectId);
    expect(stages.map((s) => [s.key, s.progress.eligible])).toEqual([
      ['title-abstract', 3],
      ['full-text', 2],
      ['appraisal', 1],
    ]);
    expect(stages[2]?.id).toBe(third.body.result.stageId);
  });

  it('closes a stage only without conflicts, and with undecided records only after a recorded stop', async () => {
    const { projectId, stageId, recordIds } = await project(4);
    const [r1, r2] = recordIds as [string, string];
    await decide(team.ana, projectId, stageId, r1, 'include');
    await decide(team.ben, projectId, stageId, r1, 'exclude');
    await decide(team.ana, projectId, stageId, r2, 'exclude');
    await decide(team.ben, projectId, stageId, r2, 'exclude');
    const version = async () => (await stagesOf(team.lead, projectId))[0]?.version as number;
    const withConflict = await team.lead.command(
      'stage.close',
      { stageId, expectedVersion: await version() },
      projectId,
    );
    expect(withConflict.status).toBe(409);
    expect(withConflict.body.detail).toMatch(/1 conflict is unresolved/);
    await team.cleo.command(
      'screening.resolve',
      { stageId, recordId: r1, method: 'third-reviewer', decision: 'include' },
      projectId,
    );
    const undecided = await team.lead.command(
      'stage.close',
      { stageId, expectedVersion: await version() },
      projectId,
    );
    expect(undecided.status).toBe(409);
    expect(undecided.body.detail).toMatch(/2 records still wait for a decision/);

    await team.lead.command('stage.start-stopping-sample', { stageId, seed: 7 }, projectId);
    const stop = await team.lead.command<{ evidence: { screened: number; includes: number } }>(
      'stage.stop',
      { stageId, note: 'Stopping test passed' },
      projectId,
    );
    expect(stop.status).toBe(200);
    expect(stop.body.result.evidence).toMatchObject({ screened: 2, includes: 1 });
    const dashboard = await team.lead.request<StageDashboardResponse>(
      'GET',
      `/api/projects/${projectId}/screening/stages/${stageId}/dashboard`,
    );
    expect(dashboard.body.stops).toHaveLength(1);
    expect(dashboard.body.stops[0]).toMatchObject({ note: 'Stopping test passed', by: 'Lena Lead' });
    expect(dashboard.body.stage.status).toBe('stopped');

    const closed = await team.lead.command<{ version: number }>(
      'stage.close',
      { stageId, expectedVersion: await version() },
      projectId,
    );
    expect(closed.status).toBe(200);
    // A closed stage refuses decisions.
    const late = await decide(team.ana, projectId, stageId, recordIds[2] as string, 'include');
    expect(late.status).toBe(409);
    const reopened = await team.lead.command(
      'stage.reopen',
      { stageId, expectedVersion: closed.body.result.version },
      projectId,
    );
    expect(reopened.status).toBe(200);
    expect((await stagesOf(team.lead, projectId))[0]?.status).toBe('stopped');
  });
});
