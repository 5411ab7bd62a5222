import { randomUUID } from 'node:crypto';
import { emptyRecord } from '@weft/core';
import {
  appendEvent,
  insertDecisions,
  insertImport,
  insertSearch,
  insertStage,
  listRanking,
  PRIORITISER_ACTOR,
  rebuildStageOutcomes,
  saveModelRun,
  type Verdict,
} from '@weft/storage';
import {
  availableBackends,
  createTestStore,
  seedUserAndProject,
  type TestStore,
} from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prioritiser, type TrainedRun } from './prioritiser.js';

const TITLES = [
  'Cats and kittens at home: feline behaviour in domestic cats',
  'Dog walking and canine exercise in city parks',
  'Feline nutrition: what cats eat and why kittens need taurine',
  'Training puppies: canine obedience and dog behaviour',
  'Cat ownership, feline welfare and indoor cats',
  'Dogs at work: canine assistance and guide dogs',
  'Kittens and cats: feline play behaviour observed at home',
  'Sheep dogs and herding: canine instinct in working dogs',
];

describe.each(availableBackends())('prioritiser on %s', (backend) => {
  let store: TestStore;
  let prioritiser: Prioritiser;
  const runs: TrainedRun[] = [];
  const errors: unknown[] = [];
  const userId = randomUUID();
  const projectId = randomUUID();
  const stageId = randomUUID();
  let recordIds: string[] = [];
  const idOf = (title: string) => recordIds[TITLES.indexOf(title)] as string;

  beforeAll(async () => {
    store = await createTestStore(backend);
    const at = new Date();
    await seedUserAndProject(store.db, {
      userId,
      projectId,
      at,
      username: 'ana',
      displayName: 'Ana',
      isAdmin: false,
    });
    const searchId = randomUUID();
    await insertSearch(store.db, {
      id: searchId,
      projectId,
      createdBy: userId,
      at,
      sourceType: 'database',
      name: 'MEDLINE',
      platform: 'Ovid',
      dateRun: '2020-03-01',
      query: 'q',
      reportedCount: null,
      notes: '',
    });
    recordIds = await store.db.transaction().execute((trx) =>
      insertImport(
        trx,
        {
          id: randomUUID(),
          projectId,
          searchId,
          uploadId: null,
          fileName: 'pets.ris',
          format: 'ris',
          encoding: 'utf-8',
          warnings: [],
          importedBy: userId,
          at,
        },
        TITLES.map((title, i) => ({
          record: { ...emptyRecord(), title },
          sourceText: title,
          line: i + 1,
          position: i + 1,
        })),
      ),
    );
    await insertStage(store.db, {
      id: stageId,
      projectId,
      key: 'title-abstract',
      name: 'Title and abstract',
      position: 1,
      mode: 'single',
      samplePercent: null,
      sampleSeed: 42,
      reviewerIds: [],
      reasonRequired: false,
      at,
    });
    // As stage creation does: every eligible record gets its (undecided) outcome row.
    await rebuildStageOutcomes(store.db, projectId);
    prioritiser = new Prioritiser(store, {
      minIntervalMs: 400,
      // Long enough that the burst below (three commits in a row) lands inside one wait.
      debounceMs: 300,
      onTrained: (run) => runs.push(run),
      onError: (error) => errors.push(error),
    });
    await prioritiser.start();
  });
  afterAll(async () => {
    await prioritiser?.stop();
    await store?.destroy();
  });

  /** A decision as screening.decide records it: the row and an event naming the stage. */
  async function decide(entries: [string, Verdict][]) {
    await store.db.transaction().execute(async (trx) => {
      const at = new Date();
      await insertDecisions(
        trx,
        entries.map(([title, decision]) => ({
          projectId,
          stageId,
          recordId: idOf(title),
          reviewerId: userId,
          decision,
          source: 'weft' as const,
          at,
        })),
      );
      await appendEvent(trx, {
        projectId,
        commandId: randomUUID(),
        actorId: userId,
        actorName: 'Ana',
        eventType: 'screening.decided',
        payload: { stageId, recordIds: entries.map(([title]) => idOf(title)) },
        at,
      });
    });
  }

  /** LISTEN delivery is asynchronous: wait until the prioritiser has scheduled and finished. */
  async function settle() {
    await new Promise((resolve) => setTimeout(resolve, 150));
    await prioritiser.idle();
  }

  const modelRuns = () =>
    store.db
      .selectFrom('model_runs')
      .selectAll()
      .where('stage_id', '=', stageId)
      .orderBy('version')
      .execute();

  it('trains no model before there is one include and one exclude', async () => {
    await decide([[TITLES[0] as string, 'include']]);
    await settle();
    await decide([[TITLES[2] as string, 'maybe']]);
    await settle();
    expect(await modelRuns()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('after an exclude, ranks the unscreened cat records above the dog records and logs the model', async () => {
    await decide([[TITLES[1] as string, 'exclude']]);
    await settle();
    expect(errors).toEqual([]);
    const [run] = await modelRuns();
    expect(run).toMatchObject({ version: 1, includes: 2, excludes: 1, label_count: 3, state: 'ready' });
    expect(run?.settings).toMatchObject({ model: { classifier: { kind: 'svm', c: 0.11 } }, seed: 42 });
    const ranking = await listRanking(store.db, stageId);
    expect(ranking).toHaveLength(TITLES.length);
    const unscreened = ranking.filter((r) => ![0, 1, 2].map((i) => recordIds[i]).includes(r.recordId));
    const titles = unscreened.map((r) => TITLES[recordIds.indexOf(r.recordId)]);
    expect(titles.slice(0, 2).sort()).toEqual([TITLES[4], TITLES[6]].sort());
    const events = await store.db
      .selectFrom('events')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('type', '=', 'model.trained')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_id: PRIORITISER_ACTOR.id, actor_name: PRIORITISER_ACTOR.name });
    expect(events[0]?.payload).toMatchObject({ stageId, version: 1, includes: 2, excludes: 1 });
  });

  it('coalesces a burst of decisions into one retrain, reusing the records the worker holds', async () => {
    const before = runs.length;
    for (const [title, verdict] of [
      [TITLES[3], 'exclude'],
      [TITLES[4], 'include'],
      [TITLES[5], 'exclude'],
    ] as [string, Verdict][]) {
      await decide([[title, verdict]]);
    }
    await settle();
    expect(errors).toEqual([]);
    expect(runs.length - before).toBe(1);
    const last = runs[runs.length - 1] as TrainedRun;
    expect(last).toMatchObject({ version: 2, includes: 3, excludes: 3, records: TITLES.length });
    expect(last.timings.vectoriseMs).toBe(0);
    expect((await modelRuns()).map((r) => r.version)).toEqual([1, 2]);
  });

  it('stores only the best-scored records up to the limit, ranked from 1', async () => {
    const scores = recordIds.map((_, i) => i);
    const saved = await saveModelRun(store.db, {
      projectId,
      stageId,
      settings: {},
      includes: 1,
      excludes: 1,
      trainedAt: new Date(),
      recordIds,
      scores,
      limit: 3,
    });
    const ranking = await listRanking(store.db, stageId);
    expect(ranking.map((r) => [r.recordId, r.rank, r.modelVersion])).toEqual(
      [7, 6, 5].map((i, k) => [recordIds[i], k + 1, saved?.version]),
    );
  });

  // Only a server has concurrent transactions: the embedded store runs one at a time.
  it.runIf(backend === 'postgres')(
    'saves a run while a command holds the project and then locks the stage, without a deadlock',
    async () => {
      // A command's order: the project row, then the stage row. The run must wait for the project
      // rather than hold the stage the command is about to lock (PostgreSQL aborted one of them).
      let saving: Promise<unknown> | undefined;
      await store.db.transaction().execute(async (trx) => {
        await trx.selectFrom('projects').select('id').where('id', '=', projectId).forUpdate().execute();
        saving = saveModelRun(store.db, {
          projectId,
          stageId,
          settings: {},
          includes: 1,
          excludes: 1,
          trainedAt: new Date(),
          recordIds,
          scores: recordIds.map((_, i) => i),
        });
        await new Promise((resolve) => setTimeout(resolve, 200));
        await trx.selectFrom('stages').select('id').where('id', '=', stageId).forUpdate().execute();
      });
      await expect(saving).resolves.toMatchObject({ version: expect.any(Number) });
    },
  );
});
