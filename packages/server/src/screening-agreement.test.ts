import type { AgreementResponse, StageView } from '@weft/protocol';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ScreeningTeam,
  screeningProject,
  screeningTeam,
  stagesOf,
} from './testing/screening-fixtures.js';
import type { TestClient } from './testing/test-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

describe.each(availableBackends())('screening agreement on %s', (backend) => {
  let t: TestServer;
  let team: ScreeningTeam;

  beforeAll(async () => {
    t = await startTestServer(backend);
    team = await screeningTeam(t);
  });
  afterAll(async () => t?.close());

  async function project(count: number) {
    const projectId = await screeningProject(team, count);
    const s = (await stagesOf(team.lead, projectId))[0] as StageView;
    await team.lead.command(
      'stage.update',
      { stageId: s.id, expectedVersion: s.version, name: s.name, mode: 'dual' },
      projectId,
    );
    const records = await t.store.db
      .selectFrom('records')
      .select('id')
      .where('project_id', '=', projectId)
      .orderBy('id')
      .execute();
    return { projectId, stageId: s.id, recordIds: records.map((r) => r.id) };
  }

  function decide(
    client: TestClient,
    projectId: string,
    stageId: string,
    recordId: string,
    decision: 'include' | 'exclude' | 'maybe',
    reasonIds: string[] = [],
  ) {
    return client.command('screening.decide', { stageId, recordId, decision, reasonIds }, projectId);
  }

  it('computes agreement per reviewer pair and per reason, as worked out by hand', async () => {
    const { projectId, stageId, recordIds } = await project(10);
    const [stage] = await stagesOf(team.lead, projectId);
    const reasons = await team.lead.command<{ reasonIds: string[] }>(
      'stage.set-reasons',
      {
        stageId,
        expectedVersion: stage?.version,
        reasons: [{ label: 'Wrong population' }, { label: 'Wrong design' }],
      },
      projectId,
    );
    const [pop] = reasons.body.result.reasonIds as [string];
    // Ana, Ben: 3 × include/include, 5 × exclude/exclude, 1 × include/exclude, 1 × exclude/include.
    // Among the 5 both excluded, "Wrong population" cited by both on 2, Ana only on 1, Ben only
    // on 1, neither on 1.
    const plan: Array<[string, string, string[], string[]]> = [
      ['include', 'include', [], []],
      ['include', 'include', [], []],
      ['include', 'include', [], []],
      ['exclude', 'exclude', [pop], [pop]],
      ['exclude', 'exclude', [pop], [pop]],
      ['exclude', 'exclude', [pop], []],
      ['exclude', 'exclude', [], [pop]],
      ['exclude', 'exclude', [], []],
      ['include', 'exclude', [], []],
      ['exclude', 'include', [], []],
    ];
    for (const [i, [a, b, ra, rb]] of plan.entries()) {
      const recordId = recordIds[i] as string;
      expect((await decide(team.ana, projectId, stageId, recordId, a as 'include', ra)).status).toBe(200);
      expect((await decide(team.ben, projectId, stageId, recordId, b as 'include', rb)).status).toBe(200);
    }
    const agreement = await team.ben.request<AgreementResponse>(
      'GET',
      `/api/projects/${projectId}/screening/stages/${stageId}/agreement`,
    );
    expect(agreement.status).toBe(200);
    /*
     * By hand. Table (Ana rows, Ben columns; exclude, include) = [[5, 1], [1, 3]], n = 10.
     * p_o = 8/10 = 0.8. Marginals: both raters 0.6 exclude, 0.4 include.
     * Cohen: p_e = 0.6² + 0.4² = 0.52, κ = (0.8 − 0.52)/(1 − 0.52) = 0.28/0.48 = 0.58333.
     * SE (Fleiss, Cohen & Everitt 1969, eq. 13): A = 0.5(0.48 − 1.2·0.2)² + 0.3(0.48 − 0.8·0.2)²
     *   = 0.0288 + 0.03072 = 0.05952; B = 0.2²·(0.1·1² + 0.1·1²) = 0.008;
     *   C = (0.8·0.52 − 2·0.52 + 0.8)² = 0.176² = 0.030976;
     *   SE = √(0.036544)/(0.48²·√10) = 0.191165/0.728590 = 0.262378;
     *   95 % CI = 0.58333 ± 1.95996·0.262378 = [0.06908, 1.09758], shown as [0.06908, 1] (κ ≤ 1).
     * PABAK (Byrt et al. 1993), two categories: 2·0.8 − 1 = 0.6.
     * Gwet's AC1: π = (0.6, 0.4), p_e = Σ π(1 − π)/(q − 1) = 0.24 + 0.24 = 0.48,
     *   AC1 = (0.8 − 0.48)/(1 − 0.48) = 0.32/0.52 = 0.61538.
     * "Wrong population" over the 5 both excluded: [[2, 1], [1, 1]] (cited, not cited): p_o = 0.6,
     *   p_e = 0.6² + 0.4² = 0.52, κ = 0.08/0.48 = 0.16667, PABAK = 0.2.
     */
    const pair = agreement.body.pairs[0];
    expect(agreement.body.pairs).toHaveLength(1);
    expect(pair?.n).toBe(10);
    expect(pair?.percentAgreement).toBeCloseTo(0.8, 10);
    expect(pair?.kappa).toBeCloseTo(0.583333, 5);
    expect(pair?.kappaCi95?.[0]).toBeCloseTo(0.06908, 4);
    expect(pair?.kappaCi95?.[1]).toBe(1);
    expect(pair?.pabak).toBeCloseTo(0.6, 10);
    expect(pair?.gwetAc1).toBeCloseTo(0.615385, 5);
    expect(agreement.body.overall).toMatchObject({ n: 10 });
    expect(agreement.body.overall?.kappa).toBeCloseTo(0.583333, 5);
    const population = pair?.perReason.find((r) => r.reasonId === pop);
    expect(population?.n).toBe(5);
    expect(population?.kappa).toBeCloseTo(0.166667, 5);
    expect(population?.pabak).toBeCloseTo(0.2, 10);
    expect(new Set(pair?.reviewerIds)).toEqual(new Set([team.ids.ana, team.ids.ben]));
  });
});
