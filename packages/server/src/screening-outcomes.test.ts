import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSeededRandom } from '@weft/core';
import type { UploadResponse } from '@weft/protocol';
import {
  insertCandidates,
  listStages,
  restoreBackup,
  type Store,
  statesSql,
  writeBackup,
} from '@weft/storage';
import { availableBackends, createTestStore } from '@weft/storage/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  numberedRis,
  type ScreeningTeam,
  screeningProject,
  screeningTeam,
} from './testing/screening-fixtures.js';
import type { TestClient } from './testing/test-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

/*
 * The materialised stage outcomes (storage screening/stage-outcomes.ts, ADR 0005) must equal the
 * from-scratch derivation (statesSql) after every command that can change them: a scripted
 * review, then seeded random sequences of decisions, changed decisions, retractions,
 * resolutions, stage mode changes, imports, decision imports, merges and unmerges, removals
 * before screening and restores. A failing
 * step names its seed, number and command so it can be replayed.
 */

type Reviewer = 'lead' | 'ana' | 'ben' | 'cleo';
const REVIEWERS: readonly Reviewer[] = ['lead', 'ana', 'ben', 'cleo'];

interface OutcomeRow {
  stage_id: string;
  record_id: string;
  needed: number;
  in_sample: boolean;
  n: number;
  verdicts: number;
  final: string | null;
  conflict: boolean;
  resolved: boolean;
}

function normalise(row: Record<string, unknown>, stageId: string): OutcomeRow {
  return {
    stage_id: stageId,
    record_id: String(row.record_id),
    needed: Number(row.needed),
    in_sample: Boolean(row.in_sample),
    n: Number(row.n),
    verdicts: Number(row.verdicts),
    final: (row.final as string | null) ?? null,
    conflict: Boolean(row.conflict),
    resolved: Boolean(row.resolved),
  };
}

const byKey = (a: OutcomeRow, b: OutcomeRow) =>
  a.stage_id === b.stage_id
    ? a.record_id < b.record_id
      ? -1
      : a.record_id > b.record_id
        ? 1
        : 0
    : a.stage_id < b.stage_id
      ? -1
      : 1;

describe.each(availableBackends())('materialised stage outcomes on %s', (backend) => {
  let t: TestServer;
  let team: ScreeningTeam;

  beforeAll(async () => {
    t = await startTestServer(backend);
    team = await screeningTeam(t);
  });
  afterAll(async () => t?.close());

  const client = (who: Reviewer): TestClient => team[who];

  /** Every stage's rows derived from scratch (statesSql over the chain). */
  async function derived(projectId: string, store: Store = t.store): Promise<OutcomeRow[]> {
    const stages = await listStages(store.db, projectId);
    const rows: OutcomeRow[] = [];
    for (let i = 0; i < stages.length; i++) {
      const stage = stages[i] as (typeof stages)[number];
      const result = await sql<
        Record<string, unknown>
      >`select * from (${statesSql(stages.slice(0, i + 1))}) s`.execute(t.store.db);
      rows.push(...result.rows.map((row) => normalise(row, stage.id)));
    }
    return rows.sort(byKey);
  }

  async function stored(projectId: string, store: Store = t.store): Promise<OutcomeRow[]> {
    const rows = await store.db
      .selectFrom('stage_outcomes')
      .selectAll()
      .where('project_id', '=', projectId)
      .execute();
    return rows.map((row) => normalise(row as unknown as Record<string, unknown>, row.stage_id)).sort(byKey);
  }

  async function expectInStep(projectId: string, step: string): Promise<OutcomeRow[]> {
    const expected = await derived(projectId);
    expect(await stored(projectId), step).toEqual(expected);
    return expected;
  }

  async function recordIds(projectId: string): Promise<string[]> {
    const rows = await t.store.db
      .selectFrom('records')
      .select('id')
      .where('project_id', '=', projectId)
      // By title (numbered, unique here), not by id: ids are random, and a seeded sequence must
      // pick the same records on every run to be the same sequence.
      .orderBy('title')
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  async function stageRows(projectId: string) {
    return t.store.db
      .selectFrom('stages')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('position')
      .execute();
  }

  async function reasonOf(stageId: string): Promise<string> {
    const row = await t.store.db
      .selectFrom('exclusion_reasons')
      .select('id')
      .where('stage_id', '=', stageId)
      .orderBy('position')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function setMode(
    projectId: string,
    stageId: string,
    mode: 'single' | 'dual' | 'sample',
    percent: number | null,
  ) {
    const stage = (await stageRows(projectId)).find((s) => s.id === stageId);
    if (!stage) throw new Error('no such stage');
    return team.lead.command(
      'stage.update',
      {
        stageId,
        expectedVersion: stage.version,
        name: stage.name,
        mode,
        samplePercent: mode === 'sample' ? percent : null,
        reviewerIds: [],
        reasonRequired: stage.reason_required,
      },
      projectId,
    );
  }

  async function importRis(projectId: string, ris: string) {
    const search = await team.lead.command<{ searchId: string }>(
      'search.create',
      { sourceType: 'database', name: `Search ${Math.random().toString(36).slice(2, 8)}` },
      projectId,
    );
    const upload = await team.lead.upload<UploadResponse>(projectId, 'more.ris', ris);
    return team.lead.command(
      'import.records',
      { searchId: search.body.result.searchId, uploadId: upload.body.uploadId },
      projectId,
    );
  }

  async function importDecisions(
    projectId: string,
    stageId: string,
    reviewer: Reviewer,
    rows: Array<[string, number]>,
  ) {
    const csv = `record_id,title,included\n${rows.map(([id, label], i) => `${id},Record ${i},${label}`).join('\n')}\n`;
    const upload = await team.lead.upload<UploadResponse>(projectId, 'asreview.csv', csv);
    return team.lead.command(
      'screening.import-decisions',
      { stageId, uploadId: upload.body.uploadId, reviewerId: team.ids[reviewer], format: 'asreview-csv' },
      projectId,
    );
  }

  async function queuePairs(projectId: string, pairs: Array<[string, string, number]>) {
    await t.store.db.transaction().execute((trx) =>
      insertCandidates(
        trx,
        projectId,
        pairs.map(([a, b, score]) => ({
          recordA: a,
          recordB: b,
          decision: 'possible' as const,
          score,
          evidence: { evidence: [], reasons: [] },
          status: 'pending' as const,
        })),
        new Date(),
      ),
    );
  }

  it('follows a scripted review: decisions, mode changes, conflicts, retractions, merges, imports', async () => {
    const projectId = await screeningProject(team, 12);
    const r = await recordIds(projectId);
    const [ta, ft] = (await stageRows(projectId)).map((s) => s.id) as [string, string];
    const reason = await reasonOf(ft);
    const ok = async (response: Promise<{ status: number; body: unknown }>, step: string) => {
      const done = await response;
      expect(done.status, `${step}: ${JSON.stringify(done.body)}`).toBe(200);
      return expectInStep(projectId, step);
    };
    const decide = (
      who: Reviewer,
      stageId: string,
      recordId: string,
      decision: string,
      reasonIds: string[] = [],
    ) => client(who).command('screening.decide', { stageId, recordId, decision, reasonIds }, projectId);

    let rows = await expectInStep(projectId, 'after set-up');
    expect(rows.filter((row) => row.stage_id === ta)).toHaveLength(12);
    expect(rows.filter((row) => row.stage_id === ft)).toHaveLength(0);

    await ok(decide('ana', ta, r[0] as string, 'include'), 'ana includes r0');
    await ok(decide('ana', ta, r[1] as string, 'exclude'), 'ana excludes r1');
    await ok(decide('ana', ta, r[2] as string, 'maybe'), 'ana: maybe r2');
    rows = await ok(decide('ana', ta, r[3] as string, 'include'), 'ana includes r3');
    expect(rows.filter((row) => row.stage_id === ft).map((row) => row.record_id)).toEqual(
      [r[0], r[2], r[3]].sort(),
    );
    await ok(decide('ana', ft, r[0] as string, 'include'), 'ana includes r0 at full text');
    await ok(decide('ana', ft, r[2] as string, 'exclude', [reason]), 'ana excludes r2 at full text');

    rows = await ok(setMode(projectId, ta, 'dual', null), 'title/abstract becomes dual');
    expect(rows.filter((row) => row.stage_id === ft)).toHaveLength(0);

    await ok(decide('ben', ta, r[0] as string, 'include'), 'ben agrees on r0');
    await ok(decide('ben', ta, r[1] as string, 'include'), 'ben disagrees on r1');
    rows = await ok(decide('ben', ta, r[3] as string, 'exclude'), 'ben disagrees on r3');
    expect(rows.filter((row) => row.conflict).map((row) => row.record_id)).toEqual([r[1], r[3]].sort());

    await ok(
      team.lead.command(
        'screening.resolve',
        { stageId: ta, recordId: r[1], method: 'consensus', decision: 'include' },
        projectId,
      ),
      'lead resolves r1 by consensus',
    );
    await ok(
      team.cleo.command(
        'screening.resolve',
        { stageId: ta, recordId: r[3], method: 'third-reviewer', decision: 'include' },
        projectId,
      ),
      'cleo resolves r3 as third reviewer',
    );
    rows = await ok(decide('ben', ta, r[1] as string, 'exclude'), 'ben changes r1 (the resolution lapses)');
    expect(rows.find((row) => row.stage_id === ta && row.record_id === r[1])).toMatchObject({
      final: 'exclude',
      resolved: false,
    });
    await ok(
      team.ana.command('screening.retract', { stageId: ta, recordId: r[0] }, projectId),
      'ana retracts r0',
    );

    rows = await ok(setMode(projectId, ta, 'sample', 50), 'title/abstract becomes a 50 % sample');
    expect(rows.some((row) => row.in_sample)).toBe(true);

    const merged = await client('lead').command<{ groupId: string }>(
      'dedup.merge',
      { recordIds: [r[5], r[3]] },
      projectId,
    );
    expect(merged.status).toBe(200);
    await expectInStep(projectId, 'lead merges r5 into r3');
    await ok(
      team.lead.command('dedup.unmerge', { groupId: merged.body.result.groupId }, projectId),
      'lead unmerges them',
    );

    await ok(importRis(projectId, numberedRis(4, 'telehealth')), 'four more records imported');
    rows = await ok(
      team.lead.command(
        'records.remove-before-screening',
        { recordIds: [r[10], r[11]], kind: 'automation', reason: 'RCT classifier' },
        projectId,
      ),
      'lead removes r10 and r11 before screening',
    );
    expect(rows.some((row) => row.record_id === r[10] || row.record_id === r[11])).toBe(false);
    rows = await ok(
      team.lead.command('records.restore-for-screening', { recordIds: [r[11]] }, projectId),
      'lead restores r11',
    );
    expect(rows.some((row) => row.stage_id === ta && row.record_id === r[11])).toBe(true);

    await queuePairs(projectId, [
      [r[3] as string, r[6] as string, 0.95],
      [r[7] as string, r[8] as string, 0.92],
    ]);
    const batch = await team.lead.command<{ batchId: string }>(
      'dedup.merge-above-score',
      { minScore: 0.9, expectedCount: 2 },
      projectId,
    );
    expect(batch.status).toBe(200);
    await expectInStep(projectId, 'bulk merge above 0.9');
    await ok(
      team.lead.command('dedup.undo-merge-batch', { batchId: batch.body.result.batchId }, projectId),
      'bulk merge undone',
    );
    await ok(
      importDecisions(
        projectId,
        ta,
        'cleo',
        r.slice(4, 10).map((id, i) => [id, i % 2]),
      ),
      'cleo’s decisions imported',
    );
    await ok(team.lead.command('dedup.run', {}, projectId), 'dedup run merges the imported DOIs');

    rows = await ok(
      team.lead.command(
        'stage.create',
        { key: 'appraisal', name: 'Appraisal', mode: 'sample', samplePercent: 50, reasonRequired: false },
        projectId,
      ),
      'a third stage in sample mode',
    );
    const before = rows;
    const screened = rows.find((row) => row.stage_id === ta)?.record_id as string;
    const refused = await decide('ana', ta, screened, 'include', [reason]);
    expect(refused.status).toBe(400);
    expect(await expectInStep(projectId, 'a refused decision changes nothing')).toEqual(before);

    // Backups leave the projection out: a restore rebuilds it from the restored facts.
    const dir = mkdtempSync(join(tmpdir(), 'weft-outcomes-backup-'));
    const target = await createTestStore(backend);
    try {
      await writeBackup(t.store, join(dir, 'backup.jsonl.gz'));
      await restoreBackup(target, join(dir, 'backup.jsonl.gz'));
      const restored = await stored(projectId, target);
      expect(restored.length).toBeGreaterThan(0);
      expect(restored).toEqual(await derived(projectId, target));
      expect(restored).toEqual(before);
    } finally {
      await target.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** Kinds of command accepted over all random sequences (checked after them). */
  const acceptedKinds = new Set<string>();
  const kindOf = (action: string) =>
    [
      'decides',
      'retracts',
      'resolves',
      'becomes',
      'unmerge',
      'merge',
      'import three',
      'decisions of',
      'removes',
      'restores',
    ].find((verb) => action.includes(verb)) ?? action;

  it.each([1, 2, 3])('matches the derivation after every step of random review %i', async (seed) => {
    const random = createSeededRandom(seed);
    const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
    const projectId = await screeningProject(team, 16);
    const stageIds = (await stageRows(projectId)).map((s) => s.id);
    let current = await expectInStep(projectId, `seed ${seed}: after set-up`);
    const accepted: string[] = [];
    for (let step = 1; step <= 60; step++) {
      let response: { status: number } | undefined;
      const roll = random();
      const records = await recordIds(projectId);
      const rank = new Map(records.map((id, i) => [id, i]));
      const inOrder = <T>(items: readonly T[], idOf: (item: T) => string) =>
        [...items].sort((a, b) => (rank.get(idOf(a)) ?? 0) - (rank.get(idOf(b)) ?? 0));
      const stageId = pick(stageIds) as string;
      const stageRowsNow = inOrder(
        current.filter((row) => row.stage_id === stageId),
        (row) => row.record_id,
      );
      const eligible = stageRowsNow.map((row) => row.record_id);
      let action: string;
      if (roll < 0.4) {
        const who = pick(REVIEWERS) as Reviewer;
        const recordId = (random() < 0.85 ? pick(eligible) : undefined) ?? (pick(records) as string);
        const decision = pick(['include', 'exclude', 'maybe'] as const) as string;
        const reasonIds =
          decision !== 'include' && stageId === stageIds[1] && random() < 0.9
            ? [await reasonOf(stageId)]
            : [];
        action = `${who} decides ${decision} on ${recordId} at ${stageId}`;
        response = await client(who).command(
          'screening.decide',
          { stageId, recordId, decision, reasonIds },
          projectId,
        );
      } else if (roll < 0.44) {
        // Mostly records nobody decided on yet (the others are refused: they were screened).
        const first = inOrder(
          current.filter((row) => row.stage_id === stageIds[0]),
          (row) => row.record_id,
        );
        const fresh = first.filter((row) => row.n === 0).map((row) => row.record_id);
        const chosen = [...new Set([0, 1, 2].map(() => pick(random() < 0.8 ? fresh : records)))].filter(
          (id): id is string => id !== undefined,
        );
        if (chosen.length === 0) continue;
        const kind = random() < 0.5 ? 'automation' : 'other';
        action = `lead removes ${chosen.join(', ')} before screening (${kind})`;
        response = await team.lead.command(
          'records.remove-before-screening',
          { recordIds: chosen, kind, reason: `reason ${step}` },
          projectId,
        );
      } else if (roll < 0.47) {
        const removed = await t.store.db
          .selectFrom('record_removals')
          .select('record_id')
          .where('project_id', '=', projectId)
          .execute();
        const chosen = pick(inOrder(removed, (row) => row.record_id));
        if (!chosen) continue;
        action = `lead restores ${chosen.record_id}`;
        response = await team.lead.command(
          'records.restore-for-screening',
          { recordIds: [chosen.record_id] },
          projectId,
        );
      } else if (roll < 0.55) {
        const mine = await t.store.db
          .selectFrom('screening_decisions')
          .select(['record_id', 'reviewer_id'])
          .where('project_id', '=', projectId)
          .where('stage_id', '=', stageId)
          .where('superseded_at', 'is', null)
          .execute();
        const chosen = pick(
          [...mine].sort(
            (a, b) =>
              (rank.get(a.record_id) ?? 0) - (rank.get(b.record_id) ?? 0) ||
              REVIEWERS.findIndex((name) => team.ids[name] === a.reviewer_id) -
                REVIEWERS.findIndex((name) => team.ids[name] === b.reviewer_id),
          ),
        );
        const who = REVIEWERS.find((name) => team.ids[name] === chosen?.reviewer_id);
        if (!chosen || !who) continue;
        action = `${who} retracts ${chosen.record_id}`;
        response = await client(who).command(
          'screening.retract',
          { stageId, recordId: chosen.record_id },
          projectId,
        );
      } else if (roll < 0.67) {
        const conflicted = stageRowsNow.filter((row) => row.verdicts > 1);
        const chosen = pick(conflicted);
        if (!chosen) continue;
        const decision = pick(['include', 'exclude', 'maybe'] as const) as string;
        const reasonIds = decision === 'exclude' && stageId === stageIds[1] ? [await reasonOf(stageId)] : [];
        action = `lead resolves ${chosen.record_id} as ${decision}`;
        response = await team.lead.command(
          'screening.resolve',
          { stageId, recordId: chosen.record_id, method: 'consensus', decision, reasonIds },
          projectId,
        );
      } else if (roll < 0.75) {
        const mode = pick(['single', 'dual', 'sample'] as const) as 'single' | 'dual' | 'sample';
        const percent = pick([10, 50, 100]) as number;
        action = `stage ${stageId} becomes ${mode} ${percent}`;
        response = await setMode(projectId, stageId, mode, percent);
      } else if (roll < 0.83) {
        const a = pick(records) as string;
        const b = pick(records.filter((id) => id !== a)) as string;
        action = `merge ${a} and ${b}`;
        response = await team.lead.command('dedup.merge', { recordIds: [a, b] }, projectId);
      } else if (roll < 0.9) {
        const groups = await t.store.db
          .selectFrom('duplicate_groups')
          .select(['id', 'primary_record_id'])
          .where('project_id', '=', projectId)
          .where('dissolved_at', 'is', null)
          .execute();
        const group = pick(inOrder(groups, (g) => g.primary_record_id));
        if (!group) continue;
        action = `unmerge ${group.id}`;
        response = await team.lead.command('dedup.unmerge', { groupId: group.id }, projectId);
      } else if (roll < 0.95) {
        action = 'import three records';
        response = await importRis(projectId, numberedRis(3, `topic ${seed}-${step}`));
      } else {
        const who = pick(REVIEWERS) as Reviewer;
        const chosen = eligible.filter(() => random() < 0.3);
        if (chosen.length === 0) continue;
        action = `decisions of ${who} imported for ${chosen.length} records`;
        response = await importDecisions(
          projectId,
          stageId,
          who,
          chosen.map((id) => [id, random() < 0.5 ? 1 : 0]),
        );
      }
      if (response?.status === 200) {
        accepted.push(action);
        acceptedKinds.add(kindOf(action));
      }
      current = await expectInStep(projectId, `seed ${seed}, step ${step}: ${action}`);
    }
    // Most steps were accepted commands (a refused one must change nothing, checked too), and the
    // sequence reached the states that matter.
    expect(accepted.length).toBeGreaterThan(25);
    const finals = new Set(current.map((row) => row.final));
    expect(finals.has(null)).toBe(true);
    expect(current.some((row) => row.final === 'include' || row.final === 'exclude')).toBe(true);
  });

  it('accepted every kind of command in the random sequences', () => {
    expect([...acceptedKinds].sort()).toEqual(
      [
        'becomes',
        'decides',
        'decisions of',
        'import three',
        'merge',
        'removes',
        'resolves',
        'restores',
        'retracts',
        'unmerge',
      ].sort(),
    );
  });
});
