import type {
  CasesResponse,
  ClassificationImportCheck,
  CommandType,
  DocumentPropertiesResponse,
  UploadResponse,
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

/*
 * Classification sheets driven through the API: participants with typed attributes, values set
 * cell by cell (bad ones refused, nothing changed), a CSV export read back in, a malformed sheet
 * refused naming line and column, study cases made from the included studies, and a document
 * assigned to a case, a study and a folder.
 */
describe.each(availableBackends())('cases and attributes through the API on %s', (backend) => {
  let t: TestServer;
  let team: ScreeningTeam;
  let projectId: string;
  let included: string[] = [];
  const attr: Record<string, string> = {};
  const cases: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestServer(backend);
    team = await screeningTeam(t);
    projectId = await screeningProject(team, 4);
    // Records 1 and 2 are included at title/abstract and at full text: the included studies.
    const records = await t.store.db
      .selectFrom('records')
      .select(['id', 'title'])
      .where('project_id', '=', projectId)
      .orderBy('title')
      .execute();
    included = records.filter((r) => /Study [12] of/.test(r.title ?? '')).map((r) => r.id);
    for (const stage of await stagesOf(team.lead, projectId))
      for (const recordId of included)
        await ok(team.ana, 'screening.decide', { stageId: stage.id, recordId, decision: 'include' });
  });
  afterAll(async () => t?.close());

  async function ok<T = Record<string, unknown>>(client: TestClient, type: CommandType, payload: unknown) {
    const response = await client.command<T>(type, payload, projectId);
    if (response.status !== 200) throw new Error(`${type}: ${JSON.stringify(response.body)}`);
    return response.body.result;
  }
  const sheet = async (client: TestClient = team.ana) => {
    const response = await client.request<CasesResponse>('GET', `/api/projects/${projectId}/cases`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const eventCount = async () =>
    Number(
      (
        await t.store.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('project_id', '=', projectId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const valuesOf = (s: CasesResponse, caseName: string) => {
    const found = s.cases.find((c) => c.name === caseName);
    return Object.fromEntries(
      Object.entries(found?.values ?? {}).map(([id, v]) => [s.attributes.find((a) => a.id === id)?.name, v]),
    );
  };

  it('makes participants with an attribute of each type and sets their values', async () => {
    for (const [name, valueType, options] of [
      ['Age', 'number', []],
      ['Interviewed', 'date', []],
      ['Parent', 'boolean', []],
      ['Role', 'choice', ['Chair', 'Volunteer', 'Teacher']],
      ['Notes', 'text', []],
    ] as const)
      attr[name] = (
        await ok<{ attributeId: string }>(team.ana, 'attribute.define', {
          classification: 'Participant',
          name,
          valueType,
          options,
        })
      ).attributeId;
    for (const name of ['Ana', 'Ben'])
      cases[name] = (
        await ok<{ caseId: string }>(team.ana, 'case.create', { classification: 'participant', name })
      ).caseId;
    const set = (caseName: string, attribute: string, value: unknown) =>
      ok<{ value: string | null }>(team.ana, 'attribute.set', {
        attributeId: attr[attribute],
        targetId: cases[caseName],
        value,
      });
    expect((await set('Ana', 'Age', '34.0')).value).toBe('34');
    await set('Ana', 'Interviewed', '2026-03-14');
    expect((await set('Ana', 'Parent', 'yes')).value).toBe('true');
    expect((await set('Ana', 'Role', 'chair')).value).toBe('Chair');
    await set('Ana', 'Notes', 'Started the garden');
    await set('Ben', 'Age', 41);
    const s = await sheet();
    expect(s.classifications.map((c) => [c.name, c.caseCount, c.attributeCount])).toEqual([
      ['study', 0, 0],
      ['participant', 2, 5],
      ['organisation', 0, 0],
      ['site', 0, 0],
    ]);
    expect(valuesOf(s, 'Ana')).toEqual({
      Age: '34',
      Interviewed: '2026-03-14',
      Parent: 'true',
      Role: 'Chair',
      Notes: 'Started the garden',
    });
    expect(valuesOf(s, 'Ben')).toEqual({ Age: '41' });
    // A null value clears the cell.
    await set('Ben', 'Age', null);
    expect(valuesOf(await sheet(), 'Ben')).toEqual({});
    await set('Ben', 'Age', '41');
  });

  it('refuses bad values with a message saying how to write them, and changes nothing', async () => {
    const before = await eventCount();
    const cases_ = [
      ['Age', 'forty', '“forty” is not a valid Age: expected a number, e.g. 42 or 3.5'],
      [
        'Interviewed',
        '14/03/2026',
        '“14/03/2026” is not a valid Interviewed: expected a date written YYYY-MM-DD',
      ],
      ['Role', 'Gardener', '“Gardener” is not a valid Role: expected one of “Chair”, “Volunteer”, “Teacher”'],
    ] as const;
    for (const [attribute, value, message] of cases_) {
      const response = await team.ana.command(
        'attribute.set',
        { attributeId: attr[attribute], targetId: cases.Ana, value },
        projectId,
      );
      expect(response.status).toBe(400);
      expect(response.body.detail ?? response.body.title).toContain(message);
    }
    const taken = await team.ana.command(
      'case.create',
      { classification: 'participant', name: 'ana' },
      projectId,
    );
    expect(taken.status).toBe(409);
    // Dropping an option still in use would strand Ana's value.
    const drop = await team.ana.command(
      'attribute.edit',
      { attributeId: attr.Role, options: ['Volunteer'] },
      projectId,
    );
    expect(drop.status).toBe(409);
    expect(await eventCount()).toBe(before);
    expect(valuesOf(await sheet(), 'Ana').Age).toBe('34');
  });

  it('lets a viewer read the sheet but not change it, and audits the refusal', async () => {
    const audits = async () =>
      Number(
        (
          await t.store.db
            .selectFrom('audit_entries')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('outcome', '=', 'denied')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await audits();
    expect((await sheet(team.viewer)).cases).toHaveLength(2);
    const refused = await team.viewer.command(
      'attribute.set',
      { attributeId: attr.Age, targetId: cases.Ana, value: '99' },
      projectId,
    );
    expect(refused.status).toBe(403);
    expect(await audits()).toBe(before + 1);
    expect(valuesOf(await sheet(), 'Ana').Age).toBe('34');
  });

  it('exports the sheet as CSV and reads it back, edited, into the same cases', async () => {
    const exported = await team.ana.download(
      `/api/projects/${projectId}/cases.csv?classification=participant`,
    );
    expect(exported.status).toBe(200);
    expect(exported.contentType).toContain('text/csv');
    const text = exported.bytes.toString('utf8');
    expect(text.split('\r\n').slice(0, 3)).toEqual([
      'Participant,Description,Age,Interviewed,Parent,Role,Notes',
      'Ana,,34,2026-03-14,true,Chair,Started the garden',
      'Ben,,41,,,,',
    ]);
    const edited = `${text.replace('Ben,,41,,,,', 'Ben,Council officer,41,2026-04-01,no,Volunteer,')}Cleo,,29,,,Teacher,New\r\n`;
    const check = await team.ana.request<ClassificationImportCheck>(
      'POST',
      `/api/projects/${projectId}/cases/import-check`,
      { classification: 'participant', fileName: 'participants.csv', text: edited },
    );
    expect(check.body).toMatchObject({
      rows: 3,
      newCases: ['Cleo'],
      updatedCases: 2,
      newAttributes: [],
      problems: [],
    });
    const result = await ok(team.ana, 'classification.import', {
      classification: 'participant',
      fileName: 'participants.csv',
      text: edited,
    });
    expect(result).toEqual({ created: 1, updated: 2, values: 12, attributesDefined: [] });
    const again = await team.ana.download(`/api/projects/${projectId}/cases.csv?classification=participant`);
    expect(again.bytes.toString('utf8')).toBe(edited.replace('no,Volunteer', 'false,Volunteer'));
  });

  it('refuses a malformed sheet naming line and column, and imports nothing of it', async () => {
    const before = await eventCount();
    const sheetBefore = await sheet();
    const bad = 'Participant,Age,Role,Site\r\nDev,12,Chair,Leeds\r\nEve,twelve,Chair,York\r\nFay,3,Cook,\r\n';
    const check = await team.ana.request<ClassificationImportCheck>(
      'POST',
      `/api/projects/${projectId}/cases/import-check`,
      { classification: 'participant', fileName: 'bad.csv', text: bad },
    );
    expect(check.body.problems).toEqual([
      { line: 3, column: 'Age', message: '“twelve” is not a valid Age: expected a number, e.g. 42 or 3.5' },
      {
        line: 4,
        column: 'Role',
        message: '“Cook” is not a valid Role: expected one of “Chair”, “Volunteer”, “Teacher”',
      },
    ]);
    expect(check.body.newAttributes).toEqual(['Site']);
    const refused = await team.ana.command(
      'classification.import',
      { classification: 'participant', fileName: 'bad.csv', text: bad },
      projectId,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.detail ?? refused.body.title).toContain(
      'bad.csv, line 3, column “Age”: “twelve” is not a valid Age',
    );
    const structural = await team.ana.command(
      'classification.import',
      { classification: 'participant', fileName: 'gap.csv', text: 'Participant,Age\nGil,3\n,4\n' },
      projectId,
    );
    expect(structural.body.detail ?? structural.body.title).toContain('gap.csv, line 3');
    expect(await eventCount()).toBe(before);
    expect(await sheet()).toEqual(sheetBefore);
  });

  it('makes one study case per included study with attributes from its metadata', async () => {
    const first = await ok<{ created: number; updated: number }>(team.ana, 'case.sync-studies', {});
    expect(first).toMatchObject({ created: 2, updated: 0 });
    const s = await sheet();
    const studies = s.cases.filter((c) => c.classification === 'study');
    expect(studies.map((c) => c.name).sort()).toEqual(['Author1 2001', 'Author2 2002']);
    expect(valuesOf(s, 'Author1 2001')).toEqual({
      Year: '2001',
      'First author': 'Author1',
      Journal: 'Journal of Integrated Care 1',
      DOI: '10.5555/weft.test.1',
    });
    expect(studies.map((c) => c.studyId).sort()).toEqual([...included].sort());
    const second = await ok<{ created: number; updated: number }>(team.ana, 'case.sync-studies', {});
    expect(second).toMatchObject({ created: 0, updated: 0 });
  });

  it('assigns a document to a folder, a participant and an included study, with document attributes', async () => {
    const upload = await team.ana.upload<UploadResponse>(
      projectId,
      'ana.txt',
      'Ana: We started the garden.\n',
      'documents/uploads',
    );
    const { documentId } = await ok<{ documentId: string }>(team.ana, 'document.add', {
      uploadId: upload.body.uploadId,
    });
    const notIncluded = await t.store.db
      .selectFrom('records')
      .select('id')
      .where('project_id', '=', projectId)
      .where('id', 'not in', included)
      .executeTakeFirstOrThrow();
    const refused = await team.ana.command(
      'document.assign',
      { documentId, studyRecordId: notIncluded.id },
      projectId,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.detail ?? refused.body.title).toContain('not an included study');
    const assigned = await ok(team.ana, 'document.assign', {
      documentId,
      folder: 'Interviews',
      caseId: cases.Ana,
      studyRecordId: included[0],
    });
    expect(assigned).toEqual({ documentId, folder: 'Interviews', caseId: cases.Ana, studyId: included[0] });
    const { attributeId } = await ok<{ attributeId: string }>(team.ana, 'attribute.define', {
      classification: 'document',
      name: 'Transcribed',
      valueType: 'date',
    });
    await ok(team.ana, 'attribute.set', { attributeId, targetId: documentId, value: '2026-03-15' });
    const props = await team.viewer.request<DocumentPropertiesResponse>(
      'GET',
      `/api/projects/${projectId}/documents/${documentId}/properties`,
    );
    expect(props.body.document).toMatchObject({
      folder: 'Interviews',
      caseId: cases.Ana,
      studyId: included[0],
    });
    expect(props.body.values).toEqual({ [attributeId]: '2026-03-15' });
    expect(props.body.studies.map((s) => s.name).sort()).toEqual(['Author1 2001', 'Author2 2002']);
    const s = await sheet();
    expect(s.cases.find((c) => c.name === 'Ana')?.documentIds).toEqual([documentId]);
    expect(s.cases.find((c) => c.name === 'Author1 2001')?.documentIds).toEqual([documentId]);
    // Unlinking with null.
    await ok(team.ana, 'document.assign', { documentId, caseId: null });
    expect((await sheet()).cases.find((c) => c.name === 'Ana')?.documentIds).toEqual([]);
  });

  it('deletes a case reversibly and records every change in the activity feed', async () => {
    await ok(team.ana, 'case.delete', { caseId: cases.Ben });
    let s = await sheet();
    expect(s.cases.find((c) => c.name === 'Ben')?.status).toBe('deleted');
    await ok(team.ana, 'case.restore', { caseId: cases.Ben });
    s = await sheet();
    expect(s.cases.find((c) => c.name === 'Ben')).toMatchObject({ status: 'active' });
    expect(valuesOf(s, 'Ben').Age).toBe('41');
    const events = await t.store.db
      .selectFrom('events')
      .select('type')
      .where('project_id', '=', projectId)
      .where('type', 'in', [
        'case.deleted',
        'case.restored',
        'classification.imported',
        'case.studies-synced',
      ])
      .execute();
    expect(events.map((e) => e.type).sort()).toEqual([
      'case.deleted',
      'case.restored',
      'case.studies-synced',
      'case.studies-synced',
      'classification.imported',
    ]);
  });
});
