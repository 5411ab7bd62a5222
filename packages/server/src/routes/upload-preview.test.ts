import type { UploadPreviewRequest, UploadPreviewResponse, UploadResponse } from '@weft/protocol';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_RIS, MEDLINE_RIS } from '../testing/identification-fixtures.js';
import type { TestClient } from '../testing/test-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const PASSWORD = 'correct horse battery';

describe.each(availableBackends())('upload preview on %s', (backend) => {
  let t: TestServer;
  let lead: TestClient;
  let reviewer: TestClient;
  let projectId: string;

  beforeAll(async () => {
    t = await startTestServer(backend);
    lead = t.client();
    await lead.setup('lead', 'Lena Lead', PASSWORD);
    await lead.command('user.create', { username: 'reviewer', displayName: 'Rey', password: PASSWORD });
    reviewer = t.client();
    await reviewer.login('reviewer', PASSWORD);
    const created = await lead.command<{ projectId: string }>('project.create', { name: 'Preview' });
    projectId = created.body.result.projectId;
    await lead.command('member.add', { username: 'reviewer', role: 'reviewer' }, projectId);
  });
  afterAll(async () => t?.close());

  async function preview(client: TestClient, fileName: string, text: string, body?: UploadPreviewRequest) {
    const upload = await lead.upload<UploadResponse>(projectId, fileName, text);
    expect(upload.status).toBe(200);
    return client.request<UploadPreviewResponse>(
      'POST',
      `/api/projects/${projectId}/uploads/${upload.body.uploadId}/preview`,
      body,
    );
  }

  async function recordCount() {
    const row = await t.store.db
      .selectFrom('records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('project_id', '=', projectId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('detects the format and shows the first records without importing them', async () => {
    const response = await preview(lead, 'medline.ris', MEDLINE_RIS);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      fileName: 'medline.ris',
      format: 'ris',
      recordCount: 3,
      table: null,
    });
    expect(response.body.records.map((r) => r.year)).toEqual([2019, 2020, 2018]);
    expect(await recordCount()).toBe(0);
  });

  it('guesses the columns of a table, ASReview columns included', async () => {
    const csv =
      'record_id,Title,Abstract,Authors,Publication Year,DOI,label_included\n7,A trial,Text.,"Smith, J",2020,10.1/x,1\n';
    const response = await preview(lead, 'asreview.csv', csv);
    expect(response.status).toBe(200);
    expect(response.body.format).toBe('csv');
    expect(response.body.table?.columns).toEqual([
      'record_id',
      'Title',
      'Abstract',
      'Authors',
      'Publication Year',
      'DOI',
      'label_included',
    ]);
    expect(response.body.table?.guessed).toMatchObject({
      sourceId: 'record_id',
      title: 'Title',
      abstract: 'Abstract',
      authors: 'Authors',
      year: 'Publication Year',
      doi: 'DOI',
      label: 'label_included',
      container: null,
    });
    expect(response.body.table?.mapping).toEqual(response.body.table?.guessed);
    expect(response.body.records[0]?.title).toBe('A trial');
  });

  it('previews again with a changed mapping, and refuses a column the file does not have', async () => {
    const csv = 'Name,Summary,When\nA trial,Some text,2020\nAnother,More text,2021\n';
    const guessed = await preview(lead, 'hand.csv', csv);
    expect(guessed.body.table?.guessed).toMatchObject({ title: null, abstract: 'Summary', year: null });
    expect(guessed.body.records[0]?.title).toBeUndefined();
    expect(guessed.body.warnings).toContainEqual({ message: 'no column is mapped to the title', line: 1 });

    const mapped = await preview(lead, 'hand.csv', csv, {
      columnMapping: { title: 'Name', year: 'When', abstract: null },
    });
    expect(mapped.status).toBe(200);
    expect(mapped.body.table?.mapping).toMatchObject({ title: 'Name', year: 'When', abstract: null });
    expect(mapped.body.table?.guessed).toMatchObject({ title: null, abstract: 'Summary' });
    expect(mapped.body.records.map((r) => [r.title, r.year, r.abstract])).toEqual([
      ['A trial', 2020, undefined],
      ['Another', 2021, undefined],
    ]);
    expect(mapped.body.warnings).toEqual([]);

    const missing = await preview(lead, 'hand.csv', csv, { columnMapping: { title: 'Headline' } });
    expect(missing.status).toBe(400);
    expect((missing.body as unknown as { detail: string }).detail).toMatch(
      /hand\.csv, line 1: the column mapping names a column 'Headline' \(for title\) that the file does not have/,
    );
    const invalid = await preview(lead, 'hand.csv', csv, { columnMapping: { colour: 'Name' } } as never);
    expect(invalid.status).toBe(400);
    expect(await recordCount()).toBe(0);
  });

  it('names the file and line of a bad file, and only importers may preview', async () => {
    const broken = await preview(lead, 'broken.ris', BROKEN_RIS);
    expect(broken.status).toBe(400);
    expect((broken.body as unknown as { detail: string }).detail).toContain('broken.ris, line 5');
    expect((await preview(reviewer, 'medline.ris', MEDLINE_RIS)).status).toBe(403);
  });
});
