import type { NextRecordsResponse, StageDashboardResponse } from '@weft/protocol';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ScreeningTeam,
  screeningProject,
  screeningTeam,
  stagesOf,
} from './testing/screening-fixtures.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

describe.each(availableBackends())('screening stopping evidence on %s', (backend) => {
  let t: TestServer;
  let team: ScreeningTeam;

  beforeAll(async () => {
    t = await startTestServer(backend);
    team = await screeningTeam(t);
  });
  afterAll(async () => t?.close());

  it('computes the Callaghan & Müller-Hansen test on the random sample screened since it started', async () => {
    const projectId = await screeningProject(team, 20);
    const [stage] = await stagesOf(team.lead, projectId);
    const stageId = stage?.id as string;
    const base = `/api/projects/${projectId}/screening/stages/${stageId}`;
    const screen = async (count: number, verdicts: Array<'include' | 'exclude'>) => {
      const next = await team.ana.request<NextRecordsResponse>('GET', `${base}/next?count=${count}`);
      for (const [i, record] of next.body.records.entries()) {
        const response = await team.ana.command(
          'screening.decide',
          { stageId, recordId: record.recordId, decision: verdicts[i] ?? 'exclude' },
          projectId,
        );
        expect(response.status).toBe(200);
      }
      return next.body;
    };
    // Prioritised phase: 5 screened, the first 2 relevant.
    await screen(5, ['include', 'include']);
    let dashboard = await team.lead.request<StageDashboardResponse>('GET', `${base}/dashboard`);
    expect(dashboard.body.evidence).toMatchObject({
      screened: 5,
      includes: 2,
      sinceLastInclude: 3,
      stoppingTest: null,
      estimatedRemainingRelevant: null,
    });
    expect(dashboard.body.evidence.model.state).toBe('waiting-for-labels');

    const started = await team.lead.command<{ seed: number }>(
      'stage.start-stopping-sample',
      { stageId, seed: 99 },
      projectId,
    );
    expect(started.body.result.seed).toBe(99);
    // The queue is now a seeded random order of the remaining 15, the same for every reviewer.
    const anaOrder = await team.ana.request<NextRecordsResponse>('GET', `${base}/next?count=15`);
    const benOrder = await team.ben.request<NextRecordsResponse>('GET', `${base}/next?count=15`);
    expect(anaOrder.body.order).toBe('random');
    expect(anaOrder.body.records.map((r) => r.recordId)).toEqual(
      benOrder.body.records.map((r) => r.recordId),
    );
    // Sample: 10 records, none relevant.
    await screen(10, []);
    dashboard = await team.lead.request<StageDashboardResponse>('GET', `${base}/dashboard`);
    /*
     * By hand (Callaghan & Müller-Hansen 2020, Systematic Reviews 9:273, eq. for K_tar): N = 20,
     * 5 screened before the sample with ρ_AL = 2 relevant, so 15 remained; the sample has n = 10,
     * k = 0. K_tar = ⌊(2 + 0)/0.95⌋ − 2 + 1 = 2 − 1 = 1 relevant record left under H0 (recall < 95 %).
     * p = P(X ≤ 0) for X ~ Hypergeometric(N = 15, K = 1, n = 10) = C(14,10)/C(15,10) = 5/15 = 1/3:
     * the test cannot reject H0 yet. Estimated relevant remaining: 0/10 × (15 − 10) = 0.
     */
    expect(dashboard.body.evidence).toMatchObject({ screened: 15, includes: 2, sinceLastInclude: 13 });
    expect(dashboard.body.evidence.stoppingTest).toMatchObject({
      targetRecall: 0.95,
      sampleSize: 10,
      includesInSample: 0,
      canStop: false,
    });
    expect(dashboard.body.evidence.stoppingTest?.pValue).toBeCloseTo(1 / 3, 10);
    expect(dashboard.body.evidence.estimatedRemainingRelevant).toBe(0);

    // The lead stops anyway; the evidence shown is kept with the decision and in the event log.
    const stop = await team.lead.command('stage.stop', { stageId, note: 'Budget exhausted' }, projectId);
    expect(stop.status).toBe(200);
    dashboard = await team.lead.request<StageDashboardResponse>('GET', `${base}/dashboard`);
    expect(dashboard.body.stops[0]?.evidence.stoppingTest?.pValue).toBeCloseTo(1 / 3, 10);
    const event = await t.store.db
      .selectFrom('events')
      .select('payload')
      .where('project_id', '=', projectId)
      .where('type', '=', 'stage.stopped')
      .executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({ note: 'Budget exhausted', evidence: { screened: 15 } });
    // Reviewers see only their own line of the per-reviewer counts.
    const benView = await team.ben.request<StageDashboardResponse>('GET', `${base}/dashboard`);
    expect(benView.body.reviewers).toEqual([]);
    expect(dashboard.body.reviewers).toEqual([
      { reviewerId: team.ids.ana, name: 'Ana Reviewer', decisions: 15 },
    ]);
  });
});
