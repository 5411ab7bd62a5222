import { computePrismaFlow, type PrismaFlow } from '@weft/core';
import type { PrismaResponse, UploadResponse } from '@weft/protocol';
import { gatherPrismaFlowCounts, gatherPrismaFlowInput } from '@weft/storage';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBASE_RIS, MEDLINE_RIS } from '../testing/identification-fixtures.js';
import { type ScreeningTeam, screeningTeam, stagesOf } from '../testing/screening-fixtures.js';
import { scriptedProject } from '../testing/scripted-project.js';
import { shownPrismaFlow } from '../testing/shown-prisma-flow.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

/*
 * Unfinished and stopped work in the PRISMA 2020 flow, driven through the API, counted by hand:
 *   1. Reference lists (citation searching) c1–c3, no stage yet: identified 3, and none is a
 *      report sought or assessed (nobody screened them); a warning says so.
 *   2. MEDLINE 3 and Embase 2 (one certain duplicate merged by the engine, one possible pair
 *      left pending), CINAHL k1–k10: duplicates 1, and a warning that 1 pair awaits review.
 *   3. Title/abstract in dual mode: Ana and Ben include k1, k2 and c1, exclude k3, k4; Ana alone
 *      decides k5 (no final decision). The lead stops the stage by a documented rule.
 *      Main column: MEDLINE 3 + Embase 2 − 1 duplicate + CINAHL 10 = 14 records; k1–k5 were
 *      screened (5; 4 with a final decision; 2 excluded); the other 9 were never screened and
 *      count as "records marked as ineligible by automation tools" (PRISMA 2020, Page et al.,
 *      BMJ 2021;372:n71, Figure 1), with a note instead of a warning. c2 and c3 likewise get a
 *      note (the other-methods column has no box for them). k5 keeps its warning.
 *   4. Ana decides k6 after the stop: it leaves the automation box (8) for the screened (6).
 *   5. PsycINFO p1–p3 and a second CINAHL import (2) arrive after the stop: the rule never weighed
 *      them, so they are screened-awaiting (11) with the warning, not removed by automation (8).
 *   6. Both reviewers exclude p1: excluded 3, six records still without a final decision.
 * At every step the methods record states the diagram's numbers, and the flow counted in the
 * store (gatherPrismaFlowCounts, which the diagram draws) must equal the record-by-record one.
 */

const OUTCOMES = [
  'mortality',
  'anxiety',
  'falls',
  'costs',
  'sleep',
  'pain',
  'mobility',
  'loneliness',
  'hospital stays',
  'adherence',
  'fatigue',
];
const PLACES = [
  'Norway',
  'rural Kenya',
  'care homes',
  'primary care',
  'Chile',
  'prisons',
  'schools',
  'Vietnam',
  'Scotland',
  'emergency departments',
  'Quebec',
];
const DESIGNS = [
  'a cohort',
  'a pilot trial',
  'interviews',
  'a cluster trial',
  'registry data',
  'a survey',
  'a case series',
  'focus groups',
  'a crossover trial',
  'an audit',
  'a diary study',
];

/** Distinct records on a topic; `doi` keeps files apart (no DOI shared across files). */
function ris(topic: string, count: number, doi: string): string {
  const lines: string[] = [];
  for (let i = 1; i <= count; i++)
    lines.push(
      'TY  - JOUR',
      `TI  - ${topic} and ${OUTCOMES[i % OUTCOMES.length]} in ${PLACES[i % PLACES.length]}: ${DESIGNS[i % DESIGNS.length]}`,
      `AU  - ${topic}${i}, A.`,
      `PY  - ${2001 + i}`,
      `JO  - Journal of ${topic} ${i}`,
      `DO  - 10.5555/${doi}.${i}`,
      'ER  - ',
    );
  return `${lines.join('\n')}\n`;
}

describe.each(availableBackends())('PRISMA flow with stopped and unfinished work on %s', (backend) => {
  let t: TestServer;
  let team: ScreeningTeam;
  /** Flow counted in the store and read record by record, after each step. */
  const compared: Array<{
    step: string;
    counted: ReturnType<typeof shownPrismaFlow>;
    read: ReturnType<typeof shownPrismaFlow>;
  }> = [];

  beforeAll(async () => {
    t = await startTestServer(backend);
    team = await screeningTeam(t);
  });
  afterAll(async () => t?.close());

  it('counts never-screened records of a stopped stage as removed by automation, and warns of what is unfinished', async () => {
    const { projectId, ok, importFile, recordsOf, searchIds } = await scriptedProject(t, team, 'Stopped');
    for (const username of ['ana', 'ben']) await ok('member.add', { username, role: 'reviewer' });
    /** The diagram as drawn (counted in the store), checked against the record-level flow and the methods record. */
    const step = async (name: string) => {
      const read = computePrismaFlow(await gatherPrismaFlowInput(t.store.db, projectId));
      const counted = computePrismaFlow(await gatherPrismaFlowCounts(t.store.db, projectId));
      compared.push({ step: name, counted: shownPrismaFlow(counted), read: shownPrismaFlow(read) });
      const diagram = (await team.lead.request<PrismaResponse>('GET', `/api/projects/${projectId}/prisma`))
        .body;
      const methods = (await team.lead.download(`/api/projects/${projectId}/methods.md`)).bytes.toString(
        'utf8',
      );
      const c = diagram.counts;
      expect(methods, name).toContain(
        `Records removed before screening: duplicates ${c.duplicates}; marked as ineligible by automation tools ${c.excluded_automatic}; other reasons ${c.excluded_other}`,
      );
      expect(methods, name).toContain(
        `Databases and registers — reports sought for retrieval: ${c.dbr_sought_reports}; not retrieved: ${c.dbr_notretrieved_reports}; assessed for eligibility: ${c.dbr_assessed}`,
      );
      expect(methods, name).toContain(`Studies included: ${c.new_studies} (reports: ${c.new_reports})`);
      if (diagram.warnings.length > 0)
        expect(methods, name).toContain(`Not final: ${diagram.warnings.map((w) => w.message).join(' ')}`);
      else expect(methods, name).not.toContain('Not final:');
      return { read, methods };
    };
    const n = (flow: PrismaFlow) =>
      Object.fromEntries(Object.entries(flow.counts).map(([k, b]) => [k, b.count]));
    const warned = (flow: PrismaFlow) => flow.warnings.map((w) => [w.code, w.count]);

    // 1. Citation searching only, before screening is set up.
    await importFile('citation-searching', 'Reference lists', ris('Walking', 3, 'cit'));
    let { read, methods } = await step('citation searching only');
    expect(n(read)).toMatchObject({ citations_results: 3, other_sought_reports: 0, other_assessed: 0 });
    expect(warned(read)).toEqual([['other-records-unscreened', 3]]);
    expect(methods).toContain(
      'Other methods — reports sought for retrieval: 0; not retrieved: 0; assessed for eligibility: 0',
    );

    // 2. Databases, one certain duplicate merged, one possible pair pending.
    await importFile('database', 'MEDLINE', MEDLINE_RIS);
    await importFile('database', 'Embase', EMBASE_RIS);
    await importFile('database', 'CINAHL', ris('Collaboration', 10, 'cin'));
    await ok('dedup.run', {});
    ({ read, methods } = await step('deduplicated, a pair pending'));
    expect(n(read)).toMatchObject({ database_results: 15, duplicates: 1, records_screened: 14 });
    expect(read.warnings[0]).toMatchObject({
      code: 'duplicates-pending',
      count: 1,
      message: '1 possible duplicate pair awaits review; the duplicate count may change.',
    });
    expect(methods).toContain('1 possible duplicate pair awaits review; the duplicate count may change.');

    // 3. Title/abstract in dual mode, partly screened, then stopped.
    await ok('screening.set-up', {});
    const [titleAbstract] = await stagesOf(team.lead, projectId);
    if (!titleAbstract) throw new Error('expected a title/abstract stage');
    await ok('stage.update', {
      stageId: titleAbstract.id,
      expectedVersion: titleAbstract.version,
      name: titleAbstract.name,
      mode: 'dual',
    });
    const k = await recordsOf('CINAHL');
    const c = await recordsOf('Reference lists');
    const decide = (who: typeof team.ana, recordId: string | undefined, decision: string) =>
      ok('screening.decide', { stageId: titleAbstract.id, recordId, decision, reasonIds: [] }, who);
    for (const who of [team.ana, team.ben]) {
      for (const recordId of [k[0], k[1], c[0]]) await decide(who, recordId, 'include');
      for (const recordId of [k[2], k[3]]) await decide(who, recordId, 'exclude');
    }
    await decide(team.ana, k[4], 'include');
    ({ read, methods } = await step('screened in part, not stopped'));
    expect(n(read)).toMatchObject({ excluded_automatic: 0, records_screened: 14, records_excluded: 2 });
    expect(read.warnings.find((w) => w.code === 'records-unscreened')?.count).toBe(10);
    expect(read.notes).toEqual([]);
    expect(methods).toContain('Records screened: 14 (4 with a final decision); excluded: 2');

    await ok('stage.stop', { stageId: titleAbstract.id, note: 'Stopping rule met: 50 irrelevant in a row' });
    ({ read, methods } = await step('title/abstract stopped'));
    expect(n(read)).toMatchObject({
      excluded_automatic: 9,
      excluded_other: 0,
      records_screened: 5,
      records_excluded: 2,
      dbr_sought_reports: 2,
      other_sought_reports: 1,
    });
    // Identified 18 = duplicates 1 + automation 9 + screened 5 + other methods 3 (c1 sought; c2, c3 left).
    expect(read.notes.map((note) => [note.code, note.count])).toEqual([
      ['records-removed-by-stopping-rule', 9],
      ['other-records-left-by-stopping-rule', 2],
    ]);
    expect(read.warnings.find((w) => w.code === 'records-unscreened')?.recordIds).toEqual([k[4]]);
    expect(warned(read).some(([code]) => code === 'other-records-unscreened')).toBe(false);
    expect(methods).toContain('Records screened: 5 (4 with a final decision); excluded: 2');
    expect(methods).toContain(`Notes: ${read.notes.map((note) => note.message).join(' ')}`);
    // The prioritiser may train in the background at any time: the record names the order the
    // queue used when it was written, random until the first ranking if there was one.
    const said = new RegExp(
      `Records were offered in seeded random order \\(seed ${titleAbstract.sampleSeed}\\)(; no prioritisation model ranked them\\.| until (\\d{4}-\\d\\d-\\d\\d))`,
    ).exec(methods);
    expect(said).not.toBeNull();
    if (said?.[2]) {
      const run = await t.store.db
        .selectFrom('model_runs')
        .select('trained_at')
        .where('stage_id', '=', titleAbstract.id)
        .where('trained_at', 'is not', null)
        .orderBy('version')
        .executeTakeFirstOrThrow();
      expect(said[2]).toBe(run.trained_at?.toISOString().slice(0, 10));
    }

    // 4. A decision after the stop brings the record back among the screened.
    await decide(team.ana, k[5], 'exclude');
    ({ read } = await step('decided after the stop'));
    expect(n(read)).toMatchObject({ excluded_automatic: 8, records_screened: 6 });

    // 5. Records imported after the stop (a new database, and a second CINAHL import): the rule's
    //    evidence never covered them, so they await screening, with the warning (2 + 5 = 7).
    await importFile('database', 'PsycINFO', ris('Loneliness', 3, 'psy'));
    const cinahl = searchIds.CINAHL as string;
    const later = await team.lead.upload<UploadResponse>(projectId, 'CINAHL-2.ris', ris('Sleep', 2, 'cin2'));
    await ok('import.records', { searchId: cinahl, uploadId: later.body.uploadId });
    ({ read } = await step('imported after the stop'));
    expect(n(read)).toMatchObject({ database_results: 20, excluded_automatic: 8, records_screened: 11 });
    expect(read.warnings.find((w) => w.code === 'records-unscreened')?.count).toBe(7);

    // 6. Both reviewers exclude one of them: screened with a final decision, the rest still waiting.
    const [p1] = await recordsOf('PsycINFO');
    for (const who of [team.ana, team.ben]) await decide(who, p1, 'exclude');
    ({ read } = await step('one imported after the stop decided'));
    expect(n(read)).toMatchObject({ excluded_automatic: 8, records_screened: 11, records_excluded: 3 });
    expect(read.warnings.find((w) => w.code === 'records-unscreened')?.count).toBe(6);
  });

  it('gives the same flow counted in the store as read record by record (prisma-flow-counts mirrors this)', () => {
    expect(compared.map((c) => c.step)).toHaveLength(7);
    for (const { step, counted, read } of compared) expect(counted, step).toEqual(read);
  });
});
