import type { AttachFilesResult, CommandType, ReportFilesResponse, UploadResponse } from '@weft/protocol';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBASE_RIS, MEDLINE_RIS } from './testing/identification-fixtures.js';
import { type ScreeningTeam, screeningTeam } from './testing/screening-fixtures.js';
import type { TestClient } from './testing/test-client.js';
import { makeTestPdf } from './testing/test-pdf.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

/*
 * Full texts through the API: PDFs uploaded in bulk are matched to records by DOI, title or file
 * name; the rest are attached by hand; a file is viewed and detached; a file that is not a PDF
 * fails the upload naming it and changes nothing; non-members are refused with an audit entry.
 */

const ASPIRIN_PDF = makeTestPdf({
  pages: [
    ['Stroke. 2019;50:1001-1010', 'DOI: 10.1161/STROKEAHA.119.000001', 'A randomised trial in older adults'],
    ['Methods', 'We randomised 400 patients.'],
  ],
});
const ADOLESCENTS_PDF = makeTestPdf({
  pages: [
    [
      'ORIGINAL ARTICLE',
      'Physical activity and depression among',
      'adolescents in rural settings',
      'A. Garcia, K. Lee',
    ],
  ],
});
const NURSES_PDF = makeTestPdf({ pages: [['Cost analysis', 'Heart failure clinics run by nurses']] });

describe.each(availableBackends())('full texts of reports on %s', (backend) => {
  let t: TestServer;
  let team: ScreeningTeam;
  let projectId: string;
  const recordIds: Record<'aspirin' | 'adolescents' | 'nurses', string> = {
    aspirin: '',
    adolescents: '',
    nurses: '',
  };

  beforeAll(async () => {
    t = await startTestServer(backend);
    team = await screeningTeam(t);
    const created = await team.lead.command<{ projectId: string }>('project.create', { name: 'Full texts' });
    projectId = created.body.result.projectId;
    await ok(team.lead, 'member.add', { username: 'ana', role: 'reviewer' });
    await ok(team.lead, 'member.add', { username: 'viewer', role: 'viewer' });
    const search = await ok<{ searchId: string }>(team.lead, 'search.create', {
      sourceType: 'database',
      name: 'MEDLINE',
    });
    const upload = await team.lead.upload<UploadResponse>(projectId, 'medline.ris', MEDLINE_RIS);
    await ok(team.lead, 'import.records', { searchId: search.searchId, uploadId: upload.body.uploadId });
    const rows = await t.store.db
      .selectFrom('records')
      .select(['id', 'title'])
      .where('project_id', '=', projectId)
      .execute();
    for (const row of rows) {
      if (row.title?.startsWith('Effects of aspirin')) recordIds.aspirin = row.id;
      if (row.title?.startsWith('Physical activity')) recordIds.adolescents = row.id;
      if (row.title?.startsWith('Nurse-led')) recordIds.nurses = row.id;
    }
  });
  afterAll(async () => t?.close());

  async function ok<T = Record<string, unknown>>(client: TestClient, type: CommandType, payload: unknown) {
    const response = await client.command<T>(type, payload, projectId);
    if (response.status !== 200) throw new Error(`${type}: ${JSON.stringify(response.body)}`);
    return response.body.result;
  }
  async function upload(client: TestClient, fileName: string, bytes: Uint8Array | string) {
    const response = await client.upload<UploadResponse>(projectId, fileName, bytes, 'reports/uploads');
    expect(response.status).toBe(200);
    return response.body.uploadId;
  }
  const files = async (recordId: string, client: TestClient = team.ana) =>
    (await client.request<ReportFilesResponse>('GET', `/api/projects/${projectId}/reports/${recordId}/files`))
      .body.files;
  const count = async (table: 'events' | 'report_files' | 'reports' | 'audit_entries') =>
    Number(
      (
        await t.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('fails a bulk upload naming the file that is not a PDF, and changes nothing', async () => {
    const good = await upload(team.ana, 'aspirin.pdf', ASPIRIN_PDF);
    const bad = await upload(team.ana, 'notes.pdf', 'These are my notes, not a PDF.');
    const before = {
      events: await count('events'),
      files: await count('report_files'),
      reports: await count('reports'),
    };
    const response = await team.ana.command('report.attach-files', { uploadIds: [good, bad] }, projectId);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'bad-input' });
    expect(response.body.detail).toMatch(/notes\.pdf.*not a PDF/);
    expect({
      events: await count('events'),
      files: await count('report_files'),
      reports: await count('reports'),
    }).toEqual(before);
    // A single attach says the same.
    const single = await team.ana.command(
      'report.attach-file',
      { recordId: recordIds.nurses, uploadId: bad },
      projectId,
    );
    expect(single.status).toBe(400);
    expect(single.body.detail).toMatch(/notes\.pdf/);
  });

  it('attaches a bulk upload by DOI and by title, and lists what it could not place', async () => {
    const uploads = [
      await upload(team.ana, 'scan-0001.pdf', ASPIRIN_PDF),
      await upload(team.ana, 'download.pdf', ADOLESCENTS_PDF),
      await upload(team.ana, 'clinic costs.pdf', NURSES_PDF),
    ];
    const result = await ok<AttachFilesResult>(team.ana, 'report.attach-files', { uploadIds: uploads });
    expect(result.attached.map((a) => [a.fileName, a.recordId, a.matchedBy])).toEqual([
      ['scan-0001.pdf', recordIds.aspirin, 'doi'],
      ['download.pdf', recordIds.adolescents, 'title'],
    ]);
    expect(result.unmatched).toEqual([{ uploadId: uploads[2], fileName: 'clinic costs.pdf' }]);
    expect(result.ambiguous).toEqual([]);

    const [aspirin] = await files(recordIds.aspirin);
    expect(aspirin).toMatchObject({
      fileName: 'scan-0001.pdf',
      pageCount: 2,
      doi: '10.1161/strokeaha.119.000001',
      matchedBy: 'doi',
      attachedByName: 'Ana Reviewer',
    });
    // Attaching says the report was retrieved.
    const reports = await t.store.db
      .selectFrom('reports')
      .select(['record_id', 'retrieval'])
      .where('project_id', '=', projectId)
      .orderBy('record_id')
      .execute();
    expect(
      reports
        .filter((r) => r.retrieval === 'retrieved')
        .map((r) => r.record_id)
        .sort(),
    ).toEqual([recordIds.aspirin, recordIds.adolescents].sort());
    const event = await t.store.db
      .selectFrom('events')
      .select(['type', 'payload'])
      .where('project_id', '=', projectId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.type).toBe('report.files-attached');
    expect(event.payload).toMatchObject({ unmatched: ['clinic costs.pdf'], ambiguous: [] });

    // The same bytes again: reported as already there, not attached twice.
    const again = await ok<AttachFilesResult>(team.ana, 'report.attach-files', {
      uploadIds: [await upload(team.ana, 'copy.pdf', ASPIRIN_PDF)],
    });
    expect(again).toMatchObject({
      attached: [],
      duplicates: [{ fileName: 'copy.pdf', recordId: recordIds.aspirin }],
    });

    // The unmatched file is attached by hand; a retrieval someone already recorded is kept.
    await ok(team.ana, 'report.set-retrieval', {
      recordId: recordIds.nurses,
      retrieval: 'not-retrieved',
      note: 'paywalled',
    });
    const manual = await ok<{ retrievalSet: boolean; matchedBy: string }>(team.ana, 'report.attach-file', {
      recordId: recordIds.nurses,
      uploadId: uploads[2],
    });
    expect(manual).toMatchObject({ retrievalSet: false, matchedBy: 'manual' });
    // One upload is one file.
    const twice = await team.ana.command(
      'report.attach-file',
      { recordId: recordIds.aspirin, uploadId: uploads[2] },
      projectId,
    );
    expect(twice.status).toBe(409);
  });

  it('leaves a file ambiguous between two records of one first author and year, and attaches nothing', async () => {
    const search = await ok<{ searchId: string }>(team.lead, 'search.create', {
      sourceType: 'database',
      name: 'Embase',
    });
    const ris = [1, 2]
      .map((n) =>
        [
          'TY  - JOUR',
          `TI  - Integrated care pathways for older people, part ${n} of a two-part series`,
          'AU  - Lee, Kim',
          'PY  - 2021',
          'ER  - ',
        ].join('\n'),
      )
      .join('\n');
    const records = await team.lead.upload<UploadResponse>(projectId, 'embase.ris', `${ris}\n`);
    await ok(team.lead, 'import.records', { searchId: search.searchId, uploadId: records.body.uploadId });
    const before = await count('report_files');
    const result = await ok<AttachFilesResult>(team.ana, 'report.attach-files', {
      uploadIds: [
        await upload(team.ana, 'Lee_2021_pathways.pdf', makeTestPdf({ pages: [['Pathways', 'Results']] })),
      ],
    });
    expect(result.attached).toEqual([]);
    expect(result.ambiguous).toHaveLength(1);
    expect(result.ambiguous[0]).toMatchObject({ fileName: 'Lee_2021_pathways.pdf', by: 'file-name' });
    expect(result.ambiguous[0]?.candidates.map((c) => c.title).sort()).toEqual([
      'Integrated care pathways for older people, part 1 of a two-part series',
      'Integrated care pathways for older people, part 2 of a two-part series',
    ]);
    expect(await count('report_files')).toBe(before);
  });

  it('finds full texts by words inside them', async () => {
    const search = async (q: string) =>
      (
        await team.viewer.request<ReportFilesResponse>(
          'GET',
          `/api/projects/${projectId}/report-files?q=${encodeURIComponent(q)}`,
        )
      ).body.files.map((f) => [f.fileName, f.recordTitle]);
    expect(await search('RANDOMISED 400')).toEqual([
      ['scan-0001.pdf', 'Effects of aspirin on stroke recurrence in older adults: a randomised trial'],
    ]);
    expect(await search('100%_')).toEqual([]);
    expect((await search('')).length).toBe(3);
  });

  it('serves a file to every member, refuses others with an audit entry, and detaches', async () => {
    const [file] = await files(recordIds.aspirin, team.viewer);
    if (!file) throw new Error('no file');
    const viewed = await team.viewer.download(file.url);
    expect(viewed.status).toBe(200);
    expect(viewed.contentType).toBe('application/pdf');
    expect(Buffer.from(viewed.bytes).equals(Buffer.from(ASPIRIN_PDF))).toBe(true);

    const outsider = t.client();
    await outsider.login('cleo', 'correct horse battery');
    const audit = await count('audit_entries');
    const refused = await outsider.download(file.url);
    expect(refused.status).toBe(403);
    expect(await count('audit_entries')).toBe(audit + 1);
    const entry = await t.store.db
      .selectFrom('audit_entries')
      .select(['action', 'outcome'])
      .orderBy('at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({
      action: 'GET /api/projects/:id/reports/:recordId/files/:fileId',
      outcome: 'denied',
    });
    expect((await t.client().download(file.url)).status).toBe(401);

    // A viewer reads but does not detach.
    expect((await team.viewer.command('report.detach-file', { fileId: file.id }, projectId)).status).toBe(
      403,
    );
    await ok(team.ana, 'report.detach-file', { fileId: file.id });
    expect(await files(recordIds.aspirin)).toEqual([]);
    expect((await team.ana.download(file.url)).status).toBe(404);
    expect((await team.ana.command('report.detach-file', { fileId: file.id }, projectId)).status).toBe(409);
  });
  it('matches a merged duplicate through its primary record, not as two records', async () => {
    const search = await ok<{ searchId: string }>(team.lead, 'search.create', {
      sourceType: 'database',
      name: 'Embase again',
    });
    const records = await team.lead.upload<UploadResponse>(projectId, 'embase.ris', EMBASE_RIS);
    await ok(team.lead, 'import.records', { searchId: search.searchId, uploadId: records.body.uploadId });
    await ok(team.lead, 'dedup.run', {});
    const group = await t.store.db
      .selectFrom('duplicate_groups')
      .select(['primary_record_id', 'member_ids'])
      .where('project_id', '=', projectId)
      .where('dissolved_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(group.member_ids).toContain(recordIds.aspirin);
    // Both copies carry the DOI; only the primary is offered, so the match is sure.
    const erratum = makeTestPdf({ pages: [['Correction', 'doi:10.1161/STROKEAHA.119.000001']] });
    const result = await ok<AttachFilesResult>(team.ana, 'report.attach-files', {
      uploadIds: [await upload(team.ana, 'correction.pdf', erratum)],
    });
    expect(result.attached.map((a) => [a.recordId, a.matchedBy])).toEqual([[group.primary_record_id, 'doi']]);
  });
  it("shows a record's study with its other reports once they are linked", async () => {
    const alone = await team.viewer.request<ReportFilesResponse>(
      'GET',
      `/api/projects/${projectId}/reports/${recordIds.nurses}/files`,
    );
    expect(alone.body.study?.reports.map((r) => r.recordId)).toEqual([recordIds.nurses]);
    await ok(team.ana, 'report.link-study', {
      recordIds: [recordIds.nurses, recordIds.adolescents],
      studyRecordId: recordIds.adolescents,
    });
    const linked = await team.viewer.request<ReportFilesResponse>(
      'GET',
      `/api/projects/${projectId}/reports/${recordIds.nurses}/files`,
    );
    expect(linked.body.study?.studyId).toBe(recordIds.adolescents);
    expect(linked.body.study?.reports.map((r) => r.title).sort()).toEqual([
      'Nurse-led clinics for heart failure: a cost analysis',
      'Physical activity and depression among adolescents in rural settings',
    ]);
  });
});
