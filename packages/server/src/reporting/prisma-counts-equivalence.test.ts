import { computePrismaFlow, type PrismaFlowInput } from '@weft/core';
import type { UploadResponse } from '@weft/protocol';
import { gatherPrismaFlowCounts, gatherPrismaFlowInput } from '@weft/storage';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScreeningTeam, screeningTeam, stagesOf } from '../testing/screening-fixtures.js';
import { scriptedProject } from '../testing/scripted-project.js';
import { shownPrismaFlow } from '../testing/shown-prisma-flow.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

/*
 * The diagram counts records in the store (`gatherPrismaFlowCounts`: a pool of ungrouped
 * database and register records counted per search, everything else record by record); opening
 * a box reads every record (`gatherPrismaFlowInput`). Both must give the same flow, box for box,
 * list for list and warning for warning, after every step of a review that has databases, a
 * register and other methods, engine and manual duplicates, groups mixing the two columns, an
 * unmerge, both stages, a report not retrieved, reasons, two reports of one study, a third
 * stage, a pending duplicate pair, records removed before screening (both kinds, one restored,
 * one imported after the stop), and a title/abstract stage stopped with records left unscreened
 * and records with decisions but none final.
 */

/** Distinct records on a topic; `doi` tells apart files whose records must not look alike. */
function ris(topic: string, count: number, doi: string): string {
  const lines: string[] = [];
  for (let i = 1; i <= count; i++)
    lines.push(
      'TY  - JOUR',
      `TI  - ${topic} trial number ${i}: a randomised comparison (${doi}${i * 7919})`,
      `AU  - ${topic}${i}, A.`,
      `PY  - ${2001 + i}`,
      `JO  - Journal of ${topic} ${i}`,
      `DO  - 10.5555/${doi}.${i}`,
      'ER  - ',
    );
  return `${lines.join('\n')}\n`;
}

describe.each(availableBackends())(
  'PRISMA counted in the store = read record by record, on %s',
  (backend) => {
    let t: TestServer;
    let team: ScreeningTeam;

    beforeAll(async () => {
      t = await startTestServer(backend);
      team = await screeningTeam(t);
    });
    afterAll(async () => t?.close());

    it('gives the same flow after every step of a review', async () => {
      const { projectId, ok, importFile, recordsOf, searchIds } = await scriptedProject(t, team, 'Counts');
      await team.lead.command('member.add', { username: 'ana', role: 'reviewer' }, projectId);
      let steps = 0;
      const same = async (step: string) => {
        const counted: PrismaFlowInput = await gatherPrismaFlowCounts(t.store.db, projectId);
        const read = await gatherPrismaFlowInput(t.store.db, projectId);
        // The counted input really is counted: weighted entries, not a fallback to every record.
        expect(
          counted.records.some((r) => r.id.startsWith('count-') && (r.weight ?? 1) > 1),
          step,
        ).toBe(true);
        expect(counted.records.length, step).toBeLessThan(read.records.length);
        const flow = computePrismaFlow(read);
        expect(shownPrismaFlow(computePrismaFlow(counted)), step).toEqual(shownPrismaFlow(flow));
        steps++;
        return flow;
      };

      // Twelve, so the pool keeps classes of several records once others are removed.
      await importFile('database', 'MEDLINE', ris('Aspirin', 12, 'med'));
      await importFile('database', 'Embase', ris('Aspirin', 3, 'med'));
      await importFile('register', 'ClinicalTrials.gov', ris('Statin', 4, 'ctg'));
      await importFile('citation-searching', 'Reference lists', ris('Walking', 4, 'cit'));
      await importFile('website', 'Charity website', ris('Yoga', 2, 'web'));
      await same('imported');

      await ok('dedup.run', {});
      const medline = await recordsOf('MEDLINE');
      const registry = await recordsOf('ClinicalTrials.gov');
      const citations = await recordsOf('Reference lists');
      const website = await recordsOf('Charity website');
      const duplicates = computePrismaFlow(await gatherPrismaFlowInput(t.store.db, projectId)).counts
        .duplicates;
      expect(duplicates.count).toBe(3);
      await same('the engine merged Embase into MEDLINE');

      // A citation folded into a database record (main column), a citation and a web page
      // together (other column), a register record merged and unmerged again.
      const { primaryRecordId: mixedPrimary } = await ok<{ primaryRecordId: string }>('dedup.merge', {
        recordIds: [medline[5], citations[0]],
      });
      await ok('dedup.merge', { recordIds: [citations[1], website[0]] });
      const { groupId } = await ok<{ groupId: string }>('dedup.merge', {
        recordIds: [registry[0], medline[6]],
      });
      await same('merged by hand');
      await ok('dedup.unmerge', { groupId });
      await same('unmerged');

      await ok('screening.set-up', {});
      await same('stages set up, nothing screened');

      // Removed before screening: a group's primary record (database and citation) by an
      // automation tool, a register record and a web page for other reasons (each then its own
      // entry); the register record restored.
      await ok('records.remove-before-screening', {
        recordIds: [mixedPrimary],
        kind: 'automation',
        reason: 'RCT classifier',
      });
      await ok('records.remove-before-screening', {
        recordIds: [registry[1], website[1]],
        kind: 'other',
        reason: 'Retracted',
      });
      const removed = await same('removed before screening');
      expect(removed.counts.excluded_automatic.count).toBe(1);
      expect(removed.counts.excluded_other.count).toBe(2);
      await ok('records.restore-for-screening', { recordIds: [registry[1]] });
      const restored = await same('a removal undone');
      expect(restored.counts.excluded_other.count).toBe(1);
      expect(restored.counts.records_screened.count).toBe(removed.counts.records_screened.count + 1);
      const [titleAbstract, fullText] = await stagesOf(team.lead, projectId);
      if (!titleAbstract || !fullText) throw new Error('expected two stages');
      const eligible = async (stageId: string) =>
        (
          await t.store.db
            .selectFrom('stage_outcomes')
            .select('record_id')
            .where('stage_id', '=', stageId)
            .orderBy('record_id')
            .execute()
        ).map((r) => r.record_id);
      const decide = (stageId: string, recordId: string, decision: string, reasonIds: string[] = []) =>
        ok('screening.decide', { stageId, recordId, decision, reasonIds }, team.ana);

      const screened = await eligible(titleAbstract.id);
      const cycle = ['include', 'exclude', 'maybe', 'include', null, 'include'] as const;
      for (const [i, recordId] of screened.entries()) {
        const decision = cycle[i % cycle.length];
        if (decision) await decide(titleAbstract.id, recordId, decision);
      }
      // Other methods excluded at title/abstract (a warning) and included.
      await decide(titleAbstract.id, citations[2] as string, 'exclude');
      await decide(titleAbstract.id, citations[3] as string, 'include');
      await same('title/abstract screened');

      const [wrongPopulation, wrongDesign] = fullText.reasons;
      if (!wrongPopulation || !wrongDesign) throw new Error('the full-text stage has default reasons');
      const reports = await eligible(fullText.id);
      expect(reports.length).toBeGreaterThanOrEqual(7);
      const [notRetrieved, first, second, excluded, twoReasons, maybe] = reports as string[];
      await ok('report.set-retrieval', {
        recordId: notRetrieved,
        retrieval: 'not-retrieved',
        note: 'Not held by the library',
      });
      await decide(fullText.id, first as string, 'include');
      await decide(fullText.id, second as string, 'include');
      await ok('report.link-study', { recordIds: [first, second], studyRecordId: first });
      await decide(fullText.id, excluded as string, 'exclude', [wrongPopulation.id]);
      await decide(fullText.id, twoReasons as string, 'exclude', [wrongDesign.id, wrongPopulation.id]);
      await decide(fullText.id, maybe as string, 'maybe');
      await decide(fullText.id, citations[3] as string, 'include');
      await same('full text screened');

      // A decided record folded into another after screening, then taken out again.
      const late = await ok<{ groupId: string }>('dedup.merge', { recordIds: [first, excluded] });
      await same('screened records merged');
      await ok('dedup.unmerge', { groupId: late.groupId });
      await same('and unmerged');

      await ok('stage.create', {
        key: 'appraisal',
        name: 'Appraisal',
        mode: 'single',
        samplePercent: null,
        reasonRequired: false,
      });
      await same('a third stage: reports are now counted at it');

      // Title/abstract stopped by a documented rule: records nobody decided on are removed by
      // automation; then made dual, so records with one decision have none final yet.
      await ok('stage.stop', { stageId: titleAbstract.id, note: 'Stopping rule met' });
      await same('title/abstract stopped');
      const stage = await t.store.db
        .selectFrom('stages')
        .selectAll()
        .where('id', '=', titleAbstract.id)
        .executeTakeFirstOrThrow();
      await ok('stage.update', {
        stageId: stage.id,
        expectedVersion: stage.version,
        name: stage.name,
        mode: 'dual',
        samplePercent: null,
        reviewerIds: [],
        reasonRequired: stage.reason_required,
      });
      const stopped = await same('title/abstract stopped and made dual');
      const unscreened = (flow: typeof stopped, code = 'records-unscreened') =>
        flow.warnings.find((w) => w.code === code)?.count ?? 0;

      // Records imported after the stop (a new database, another MEDLINE import, a website): the
      // rule's evidence never covered them, so they await screening rather than count as removed.
      await importFile('database', 'Cochrane', ris('Heparin', 5, 'coch'));
      const moreMedline = await team.lead.upload<UploadResponse>(
        projectId,
        'MEDLINE-2.ris',
        ris('Warfarin', 3, 'med2'),
      );
      await ok('import.records', { searchId: searchIds.MEDLINE, uploadId: moreMedline.body.uploadId });
      await importFile('website', 'Blog', ris('Tai chi', 2, 'blog'));
      const after = await same('imported after the stop');
      expect(after.counts.excluded_automatic.count).toBe(stopped.counts.excluded_automatic.count);
      expect(unscreened(after)).toBe(unscreened(stopped) + 8);
      expect(unscreened(after, 'other-records-unscreened')).toBe(
        unscreened(stopped, 'other-records-unscreened') + 2,
      );

      // One of them folded into an earlier record (its own entry), one decided (the pool's count
      // of records decided since the stop).
      const cochrane = await recordsOf('Cochrane');
      await ok('dedup.merge', { recordIds: [medline[0], cochrane[0]] });
      await same('a record imported after the stop merged');
      await decide(titleAbstract.id, cochrane[1] as string, 'exclude');
      const decided = await same('a record imported after the stop decided');
      expect(decided.counts.excluded_automatic.count).toBe(stopped.counts.excluded_automatic.count);
      // A record imported after the stop removed by an automation tool: its own entry, no longer
      // awaiting screening.
      await ok('records.remove-before-screening', {
        recordIds: [cochrane[2]],
        kind: 'automation',
        reason: 'RCT classifier',
      });
      const lateRemoval = await same('a record imported after the stop removed');
      expect(lateRemoval.counts.excluded_automatic.count).toBe(decided.counts.excluded_automatic.count + 1);
      expect(unscreened(lateRemoval)).toBe(unscreened(decided) - 1);
      expect(steps).toBe(18);
    });
  },
);
