import type {
  ConflictsResponse,
  DecisionHistoryResponse,
  EventsResponse,
  NextRecordsResponse,
  ScreeningListResponse,
  StageDashboardResponse,
} from '@weft/protocol';
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

const SECRET = 'ANA-PRIVATE-NOTE-7731';

/**
 * Blinding through the API: until both required decisions on a record exist, nothing reviewer
 * Ben can ask for — queue, list, history, conflicts, exports, the JSON event feed and the
 * WebSocket — contains reviewer Ana's decision on it. Ana's verdict is "maybe" with a unique
 * note, so any leak shows up as that note, her decision id, or a "maybe" verdict.
 */
describe.each(availableBackends())('screening blinding on %s', (backend) => {
  let t: TestServer;
  let team: ScreeningTeam;
  let projectId: string;
  let stageId: string;
  let recordId: string;
  let anaDecisionId: string;

  beforeAll(async () => {
    t = await startTestServer(backend);
    team = await screeningTeam(t);
    projectId = await screeningProject(team, 6);
    const [titleAbstract] = await stagesOf(team.lead, projectId);
    if (!titleAbstract) throw new Error('no stage');
    stageId = titleAbstract.id;
    const updated = await team.lead.command(
      'stage.update',
      {
        stageId,
        expectedVersion: titleAbstract.version,
        name: titleAbstract.name,
        mode: 'dual',
        reviewerIds: [],
        reasonRequired: false,
      },
      projectId,
    );
    expect(updated.status).toBe(200);
  });
  afterAll(async () => t?.close());

  const base = () => `/api/projects/${projectId}/screening/stages/${stageId}`;

  async function everythingBenSees(ben: TestClient): Promise<string[]> {
    const texts: string[] = [];
    for (const path of [
      '/next?count=10',
      '/records?limit=50',
      `/records?q=Study`,
      `/records?decision=maybe`,
      `/records/${recordId}/history`,
      '/conflicts',
      '/agreement',
      '/dashboard',
    ]) {
      const response = await ben.request('GET', `${base()}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      texts.push(JSON.stringify(response.body));
    }
    for (const path of [
      '/decisions.csv?format=asreview-csv',
      '/decisions.csv?format=rayyan-csv',
      '/decisions.ris',
    ]) {
      const response = await fetch(`${ben.baseUrl}${base()}${path}`, {
        headers: { cookie: (ben as unknown as { cookie: string }).cookie },
      });
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      texts.push(await response.text());
    }
    const events = await ben.request<EventsResponse>('GET', `/api/projects/${projectId}/events`);
    texts.push(JSON.stringify(events.body));
    return texts;
  }

  it("hides Ana's decision from Ben everywhere until Ben has decided too", async () => {
    const anaFeed = team.ana.openFeed(projectId);
    const benFeed = team.ben.openFeed(projectId);
    await Promise.all([anaFeed.opened, benFeed.opened]);

    const queue = await team.ana.request<NextRecordsResponse>('GET', `${base()}/next?count=1`);
    recordId = queue.body.records[0]?.recordId as string;
    const decided = await team.ana.command<{ decisionId: string }>(
      'screening.decide',
      { stageId, recordId, decision: 'maybe', note: SECRET },
      projectId,
    );
    expect(decided.status).toBe(200);
    anaDecisionId = decided.body.result.decisionId;

    await expect.poll(() => benFeed.events.some((e) => e.eventType === 'screening.decided')).toBe(true);
    await expect.poll(() => anaFeed.events.some((e) => e.eventType === 'screening.decided')).toBe(true);

    const leaks = (text: string) =>
      text.includes(SECRET) || text.includes(anaDecisionId) || /"decision":"maybe"/.test(text);
    for (const text of await everythingBenSees(team.ben)) expect(leaks(text), text.slice(0, 300)).toBe(false);
    const benLive = benFeed.events.find((e) => e.eventType === 'screening.decided');
    expect(benLive?.payload).not.toHaveProperty('decision');
    expect(benLive?.payload).not.toHaveProperty('note');
    expect(benLive?.payload).toMatchObject({ recordId, blinded: true });
    // Ana herself, and the lead, see her verdict in the feed.
    expect(anaFeed.events.find((e) => e.eventType === 'screening.decided')?.payload).toMatchObject({
      decision: 'maybe',
      note: SECRET,
    });
    const leadEvents = await team.lead.request<EventsResponse>('GET', `/api/projects/${projectId}/events`);
    expect(leadEvents.body.events.find((e) => e.eventType === 'screening.decided')?.payload).toMatchObject({
      decision: 'maybe',
    });

    // A model's score of the record Ana decided (it trains on her label) is withheld from Ben.
    const all = await t.store.db
      .selectFrom('records')
      .select('id')
      .where('project_id', '=', projectId)
      .execute();
    await t.store.db
      .insertInto('screening_rankings')
      .values(
        all.map((r, i) => ({
          stage_id: stageId,
          record_id: r.id,
          score: 1 - i / 10,
          rank: i + 1,
          model_version: 1,
        })),
      )
      .onConflict((oc) => oc.columns(['stage_id', 'record_id']).doNothing())
      .execute();
    const scored = await team.ben.request<NextRecordsResponse>('GET', `${base()}/next?count=10`);
    expect(scored.body.order).toBe('ranked');
    for (const record of scored.body.records)
      expect({ id: record.recordId, hidden: record.score === null }).toEqual({
        id: record.recordId,
        hidden: record.recordId === recordId,
      });

    // The record is still in Ben's queue (dual screening needs his decision), without Ana's.
    const benQueue = await team.ben.request<NextRecordsResponse>('GET', `${base()}/next?count=10`);
    expect(benQueue.body.records.map((r) => r.recordId)).toContain(recordId);
    // Filtering by Ana's decisions is refused while blinded, and leaves an audit entry.
    const filtered = await team.ben.request('GET', `${base()}/records?reviewerId=${team.ids.ana}`);
    expect(filtered.status).toBe(403);

    // Counts built from single decisions would betray her verdict: Ben's dashboard counts finals only.
    const benDashboard = await team.ben.request<StageDashboardResponse>('GET', `${base()}/dashboard`);
    expect(benDashboard.body.evidence).toMatchObject({ screened: 0, includes: 0 });
    expect(benDashboard.body.evidence.model).toMatchObject({ includes: 0, excludes: 0 });
    const leadDashboard = await team.lead.request<StageDashboardResponse>('GET', `${base()}/dashboard`);
    expect(leadDashboard.body.evidence).toMatchObject({ screened: 1, includes: 1 });

    // The lead sees Ana's decision at once.
    const leadList = await team.lead.request<ScreeningListResponse>('GET', `${base()}/records?limit=50`);
    const leadItem = leadList.body.items.find((i) => i.record.recordId === recordId);
    expect(leadItem?.decisions?.map((d) => d.decision)).toEqual(['maybe']);

    // Once Ben has decided, both decisions are visible to both (and they conflict).
    const benDecided = await team.ben.command(
      'screening.decide',
      { stageId, recordId, decision: 'exclude' },
      projectId,
    );
    expect(benDecided.status).toBe(200);
    const benList = await team.ben.request<ScreeningListResponse>('GET', `${base()}/records?limit=50`);
    const benItem = benList.body.items.find((i) => i.record.recordId === recordId);
    expect(benItem?.decisions?.map((d) => d.decision).sort()).toEqual(['exclude', 'maybe']);
    expect(benItem?.conflict).toBe(true);
    const conflicts = await team.ben.request<ConflictsResponse>('GET', `${base()}/conflicts`);
    expect(conflicts.body.unresolved).toBe(1);
    // History stays the lead's: Ben sees only his own entries.
    const history = await team.ben.request<DecisionHistoryResponse>(
      'GET',
      `${base()}/records/${recordId}/history`,
    );
    expect(history.body.decisions.map((d) => d.reviewerId)).toEqual([team.ids.ben]);
    // The feed keeps hiding verdicts from reviewers (it does not know what each has decided).
    const benEvents = await team.ben.request<EventsResponse>('GET', `/api/projects/${projectId}/events`);
    const anaEvent = benEvents.body.events.find(
      (e) => e.eventType === 'screening.decided' && e.actorId === team.ids.ana,
    );
    expect(anaEvent?.payload).not.toHaveProperty('decision');
    anaFeed.close();
    benFeed.close();
  });

  it('shows other decisions to everyone once the lead unblinds the stage', async () => {
    const cleoView = await team.cleo.request<ScreeningListResponse>('GET', `${base()}/records?limit=50`);
    const other = cleoView.body.items.filter((i) => i.decisions !== null);
    // Only the record both decided is visible before unblinding.
    expect(other.map((i) => i.record.recordId)).toEqual([recordId]);
    const [stage] = await stagesOf(team.lead, projectId);
    const unblind = await team.lead.command('stage.unblind', { stageId: stage?.id }, projectId);
    expect(unblind.status).toBe(200);
    const after = await team.cleo.request<ScreeningListResponse>('GET', `${base()}/records?limit=50`);
    expect(after.body.items.every((i) => i.decisions !== null)).toBe(true);
  });
});
