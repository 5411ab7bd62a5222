import { prismaFlowJson } from '@weft/core';
import { extractDocument } from '@weft/extract';
import type {
  CommandType,
  NextRecordsResponse,
  PrismaBoxRecordsResponse,
  PrismaResponse,
  StageView,
  UploadResponse,
} from '@weft/protocol';
import { availableBackends } from '@weft/storage/testing';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPrismaFlowRecords } from './reporting/prisma-report.js';
import { EMBASE_RIS, MEDLINE_RIS } from './testing/identification-fixtures.js';

const REGISTER_RIS = `TY  - JOUR
TI  - A registered trial of home visits after stroke
PY  - 2021
DO  - 10.5555/register.home-visits
ER  - 
TY  - JOUR
TI  - B registered trial of tele-rehabilitation, withdrawn
PY  - 2022
DO  - 10.5555/register.tele-rehab
ER  - 
`;

import { numberedRis, type ScreeningTeam, screeningTeam, stagesOf } from './testing/screening-fixtures.js';
import type { TestClient } from './testing/test-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

/*
 * The PRISMA 2020 flow of a small review driven entirely through the API, every number counted
 * by hand:
 *   MEDLINE 3 records, Embase 2 (same aspirin trial: a certain duplicate, merged by the engine;
 *   same physical-activity title in another year: merged by a person), citation searching 2.
 *   Trials register 2: one removed before screening by an automation tool, one for another reason.
 *   Identified: databases 5 (MEDLINE 3, Embase 2), register 2, citation searching 2; duplicates
 *   removed 2; marked ineligible by automation tools 1; removed for other reasons 1.
 *   Title/abstract (main column): aspirin, physical activity, nurse-led → screened 3, nurse-led
 *   excluded 1, reports sought 2. Physical activity's full text is not retrieved → assessed 1
 *   (aspirin, included). Other methods: both citation records pass title/abstract → sought 2,
 *   assessed 2; one included (a second report of the aspirin study), one excluded at full text
 *   with a reason. New studies 1 (aspirin), reports of new included studies 2.
 */
describe.each(availableBackends())('PRISMA 2020 flow through the API on %s', (backend) => {
  let t: TestServer;
  let team: ScreeningTeam;
  let projectId: string;

  beforeAll(async () => {
    t = await startTestServer(backend);
    team = await screeningTeam(t);
  });
  afterAll(async () => t?.close());

  const ok = async (client: TestClient, type: CommandType, payload: unknown) => {
    const response = await client.command(type, payload, projectId);
    if (response.status !== 200) throw new Error(`${type}: ${JSON.stringify(response.body)}`);
    return response.body.result;
  };

  async function importFile(sourceType: string, name: string, fileName: string, text: string) {
    const { searchId } = (await ok(team.lead, 'search.create', { sourceType, name })) as { searchId: string };
    const upload = await team.lead.upload<UploadResponse>(projectId, fileName, text);
    await ok(team.lead, 'import.records', { searchId, uploadId: upload.body.uploadId });
  }

  async function queue(stage: StageView) {
    const next = await team.ana.request<NextRecordsResponse>(
      'GET',
      `/api/projects/${projectId}/screening/stages/${stage.id}/next?count=20`,
    );
    return new Map(next.body.records.map((r) => [r.title, r.recordId]));
  }
  const find = (titles: Map<string, string>, start: string) => {
    const entry = [...titles].find(([title]) => title.startsWith(start));
    if (!entry) throw new Error(`no queued record titled "${start}…"`);
    return entry[1];
  };

  it('counts every box of a scripted review, and the records behind them', async () => {
    const created = await team.lead.command<{ projectId: string }>('project.create', {
      name: 'PRISMA review',
    });
    projectId = created.body.result.projectId;
    await ok(team.lead, 'member.add', { username: 'ana', role: 'reviewer' });
    await ok(team.lead, 'member.add', { username: 'viewer', role: 'viewer' });
    await importFile('database', 'MEDLINE', 'medline.ris', MEDLINE_RIS);
    await importFile('database', 'Embase', 'embase.ris', EMBASE_RIS);
    await importFile(
      'citation-searching',
      'Reference lists',
      'citations.ris',
      numberedRis(2, 'reference lists'),
    );
    // Two register records, both removed before screening: one by an automation tool, one for
    // another reason (distinct DOIs: nothing to deduplicate).
    await importFile('register', 'Trials register', 'register.ris', REGISTER_RIS);
    await ok(team.lead, 'dedup.run', {});
    const pairs = await team.lead.request<{ candidates: Array<{ a: { id: string }; b: { id: string } }> }>(
      'GET',
      `/api/projects/${projectId}/duplicates?status=pending`,
    );
    const [pair] = pairs.body.candidates;
    if (!pair) throw new Error('expected the possible duplicate in the queue');
    await ok(team.lead, 'dedup.merge', { recordIds: [pair.a.id, pair.b.id] });
    await ok(team.lead, 'screening.set-up', {});
    const registered = await t.store.db
      .selectFrom('records as r')
      .innerJoin('searches as s', 's.id', 'r.search_id')
      .select(['r.id', 'r.title'])
      .where('s.project_id', '=', projectId)
      .where('s.name', '=', 'Trials register')
      .orderBy('r.title')
      .execute();
    const [classified, retracted] = registered.map((r) => r.id) as [string, string];
    await ok(team.lead, 'records.remove-before-screening', {
      recordIds: [classified],
      kind: 'automation',
      reason: 'RCT classifier: not a trial',
    });
    await ok(team.lead, 'records.remove-before-screening', {
      recordIds: [retracted],
      kind: 'other',
      reason: 'Registration withdrawn',
    });

    const [titleAbstract, fullText] = (await stagesOf(team.lead, projectId)) as [StageView, StageView];
    const ta = await queue(titleAbstract);
    const decide = (stage: StageView, recordId: string, decision: string, reasonIds: string[] = []) =>
      ok(team.ana, 'screening.decide', { stageId: stage.id, recordId, decision, reasonIds });
    const aspirin = find(ta, 'Effects of aspirin');
    const activity = find(ta, 'Physical activity');
    const [citation1, citation2] = [find(ta, 'Study 1 of reference'), find(ta, 'Study 2 of reference')];
    await decide(titleAbstract, aspirin, 'include');
    await decide(titleAbstract, activity, 'include');
    await decide(titleAbstract, find(ta, 'Nurse-led'), 'exclude');
    await decide(titleAbstract, citation1, 'include');
    await decide(titleAbstract, citation2, 'maybe');

    await ok(team.ana, 'report.set-retrieval', {
      recordId: activity,
      retrieval: 'not-retrieved',
      note: 'Library could not obtain it',
    });
    const reason = fullText.reasons[0];
    if (!reason) throw new Error('the full-text stage has default exclusion reasons');
    await decide(fullText, aspirin, 'include');
    await decide(fullText, citation1, 'include');
    await decide(fullText, citation2, 'exclude', [reason.id]);
    await ok(team.ana, 'report.link-study', { recordIds: [aspirin, citation1], studyRecordId: aspirin });

    const prisma = await team.viewer.request<PrismaResponse>('GET', `/api/projects/${projectId}/prisma`);
    expect(prisma.status).toBe(200);
    expect(prisma.body.json).toMatchObject({
      database_results: 5,
      database_specific_results: { MEDLINE: 3, Embase: 2 },
      register_results: 2,
      citations_results: 2,
      duplicates: 2,
      excluded_automatic: 1,
      excluded_other: 1,
      records_screened: 3,
      records_excluded: 1,
      dbr_sought_reports: 2,
      dbr_notretrieved_reports: 1,
      dbr_assessed: 1,
      dbr_excluded: {},
      other_sought_reports: 2,
      other_notretrieved_reports: 0,
      other_assessed: 2,
      other_excluded: { [reason.label]: 1 },
      new_studies: 1,
      new_reports: 2,
      total_studies: 1,
      total_reports: 2,
    });
    expect(prisma.body.warnings).toEqual([]);
    // Counted in the store or read record by record, the numbers are the same.
    expect(prismaFlowJson(await loadPrismaFlowRecords(t.store.db, projectId))).toEqual(prisma.body.json);
    expect(prisma.body.svg).toContain('data-box="records_screened"');

    const behind = await team.viewer.request<PrismaBoxRecordsResponse>(
      'GET',
      `/api/projects/${projectId}/prisma/records?box=dbr_notretrieved_reports`,
    );
    expect(behind.body.total).toBe(1);
    expect(behind.body.records[0]?.record.title).toMatch(/^Physical activity/);
    const duplicates = await team.viewer.request<PrismaBoxRecordsResponse>(
      'GET',
      `/api/projects/${projectId}/prisma/records?box=duplicates`,
    );
    expect(duplicates.body.records.map((r) => r.isPrimary)).toEqual([false, false]);
    for (const [name, id] of [
      ['excluded_automatic', classified],
      ['excluded_other', retracted],
    ] as const) {
      const removed = await team.viewer.request<PrismaBoxRecordsResponse>(
        'GET',
        `/api/projects/${projectId}/prisma/records?box=${name}`,
      );
      expect(removed.body.records.map((r) => r.id)).toEqual([id]);
    }
  });

  it('lists a study by the report it is named after, with its other reports, and marks reports that share a study', async () => {
    const box = (name: string) =>
      team.viewer.request<PrismaBoxRecordsResponse>(
        'GET',
        `/api/projects/${projectId}/prisma/records?box=${name}`,
      );
    const sought = await box('dbr_sought_reports');
    const aspirin = sought.body.records.find((r) => r.record.title?.startsWith('Effects of aspirin'));
    const activity = sought.body.records.find((r) => r.record.title?.startsWith('Physical activity'));
    if (!aspirin || !activity) throw new Error('both database reports are sought');
    const citation = (await box('other_sought_reports')).body.records.find((r) =>
      r.record.title?.startsWith('Study 1 of reference'),
    );
    if (!citation) throw new Error('the citation report is sought');
    // Alone in its study: nothing to show or take apart.
    expect(sought.body.studies?.[activity.id]).toBeUndefined();
    expect(sought.body.studies?.[aspirin.id]).toMatchObject({
      studyId: aspirin.id,
      reports: [{ id: aspirin.id }, { id: citation.id }],
    });
    expect(sought.body.studies?.[aspirin.id]?.title).toMatch(/^Effects of aspirin/);
    for (const named of [citation, aspirin]) {
      await ok(team.ana, 'report.link-study', {
        recordIds: [aspirin.id, citation.id],
        studyRecordId: named.id,
      });
      const studies = await box('new_studies');
      expect(studies.body.total).toBe(1);
      expect(studies.body.records.map((r) => r.id)).toEqual([named.id]);
      expect(studies.body.studies?.[named.id]?.reports.map((r) => r.id)).toEqual([
        named.id,
        named === aspirin ? citation.id : aspirin.id,
      ]);
    }
  });

  it('exports the PRISMA2020 template CSV, SVG, PNG and PDF', async () => {
    const csv = await team.viewer.download(`/api/projects/${projectId}/prisma.csv`);
    expect(csv.contentType).toMatch(/^text\/csv/);
    const rows = parse(csv.bytes.toString('utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'data',
      'node',
      'box',
      'description',
      'boxtext',
      'tooltips',
      'url',
      'n',
    ]);
    const n = new Map(rows.map((r) => [r.data, r.n]));
    expect(n.get('records_screened')).toBe('3');
    expect(n.get('database_specific_results')).toBe('MEDLINE, 3; Embase, 2');
    for (const [format, type, magic] of [
      ['svg', 'image/svg+xml', '<svg'],
      ['png', 'image/png', '\x89PNG'],
      ['pdf', 'application/pdf', '%PDF'],
    ] as const) {
      const file = await team.viewer.download(`/api/projects/${projectId}/prisma.${format}`);
      expect(file.status).toBe(200);
      expect(file.contentType).toBe(type);
      expect(file.bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
    }
  });

  it('writes the methods record from the project, as Markdown and as DOCX', async () => {
    const md = await team.viewer.download(`/api/projects/${projectId}/methods.md`);
    expect(md.status).toBe(200);
    const text = md.bytes.toString('utf8');
    expect(text).toMatch(/^# Methods record: PRISMA review/);
    expect(text).toContain('| MEDLINE | Database |');
    expect(text).toContain('1 duplicate was removed automatically and 1 duplicate by a reviewer');
    expect(text).toContain('Each record was screened by one reviewer. 1 reviewer recorded decisions.');
    expect(text).toContain('- Studies included: 1 (reports: 2)');
    expect(text).toContain(
      'marked as ineligible by automation tools 1; other reasons 1\n- Removed before screening (automation tool) — RCT classifier: not a trial: 1\n- Removed before screening (other reason) — Registration withdrawn: 1',
    );
    const docx = await team.viewer.download(`/api/projects/${projectId}/methods.docx`);
    expect(docx.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const read = await extractDocument({ fileName: 'methods.docx', bytes: new Uint8Array(docx.bytes) });
    expect(read.text).toContain('Methods record: PRISMA review');
    expect(read.text).toContain('Deduplication');
    expect(read.text).toContain('Studies included: 1 (reports: 2)');
    expect(
      read.structure.some(
        (b) => b.kind === 'heading' && read.text.slice(b.start, b.end) === 'Information sources and searches',
      ),
    ).toBe(true);
  });

  it('adds the previous version for an updated review; the lead edits labels, a reviewer may not', async () => {
    expect(
      (await team.ana.command('prisma.configure', { expectedVersion: 0, labels: {} }, projectId)).status,
    ).toBe(403);
    await ok(team.lead, 'prisma.configure', {
      expectedVersion: 0,
      labels: { database_results: 'Bibliographic databases' },
      previous: { studies: 4, reports: 6 },
    });
    const stale = await team.lead.command('prisma.configure', { expectedVersion: 0, labels: {} }, projectId);
    expect(stale.status).toBe(409);
    const prisma = await team.viewer.request<PrismaResponse>('GET', `/api/projects/${projectId}/prisma`);
    expect(prisma.body.isUpdate).toBe(true);
    expect(prisma.body.json).toMatchObject({ previous_studies: 4, total_studies: 5, total_reports: 8 });
    expect(prisma.body.svg).toContain('Bibliographic databases');
  });

  it('shows records a stopping rule left unscreened as a note, with the records behind it', async () => {
    const [titleAbstract] = (await stagesOf(team.lead, projectId)) as [StageView];
    // Two more database records that nobody screens before the team stops.
    await importFile('database', 'CINAHL', 'cinahl.ris', numberedRis(2, 'CINAHL'));
    const before = await team.viewer.request<PrismaResponse>('GET', `/api/projects/${projectId}/prisma`);
    expect(before.body.notes.map((n) => n.code)).not.toContain('records-removed-by-stopping-rule');
    expect(before.body.warnings.find((w) => w.code === 'records-unscreened')?.count).toBe(2);
    await ok(team.lead, 'stage.stop', { stageId: titleAbstract.id, note: 'Stopping rule met' });
    const prisma = await team.viewer.request<PrismaResponse>('GET', `/api/projects/${projectId}/prisma`);
    const note = prisma.body.notes.find((n) => n.code === 'records-removed-by-stopping-rule');
    expect(note?.count).toBe(2);
    // The two left by the rule and the register record an automation tool marked ineligible.
    expect(prisma.body.json.excluded_automatic).toBe(3);
    expect(prisma.body.warnings.map((w) => w.code)).not.toContain('records-unscreened');
    const behind = await team.viewer.request<PrismaBoxRecordsResponse>(
      'GET',
      `/api/projects/${projectId}/prisma/records?box=records-removed-by-stopping-rule`,
    );
    expect(behind.body.total).toBe(note?.count);
  });

  it('refuses a non-member', async () => {
    const stranger = t.client();
    await team.lead.command('user.create', {
      username: 'stranger',
      displayName: 'S',
      password: 'correct horse battery',
    });
    await stranger.login('stranger', 'correct horse battery');
    expect((await stranger.request('GET', `/api/projects/${projectId}/prisma`)).status).toBe(403);
    expect((await stranger.download(`/api/projects/${projectId}/prisma.csv`)).status).toBe(403);
  });
});
