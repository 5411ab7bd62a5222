import type { CommandType, DocumentsResponse, UploadResponse } from '@weft/protocol';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScreeningTeam, screeningTeam } from './testing/screening-fixtures.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

describe.each(availableBackends())('document.add names a document by its authored title on %s', (backend) => {
  let t: TestServer;
  let team: ScreeningTeam;
  let projectId: string;

  beforeAll(async () => {
    t = await startTestServer(backend);
    team = await screeningTeam(t);
    const created = await team.lead.command<{ projectId: string }>('project.create', { name: 'Titles' });
    projectId = created.body.result.projectId;
  });
  afterAll(async () => t?.close());

  async function add(fileName: string, body: string, name?: string) {
    const upload = await team.lead.upload<UploadResponse>(projectId, fileName, body, 'documents/uploads');
    const type: CommandType = 'document.add';
    const response = await team.lead.command<{ documentId: string }>(
      type,
      { uploadId: upload.body.uploadId, ...(name ? { name } : {}) },
      projectId,
    );
    if (response.status !== 200) throw new Error(JSON.stringify(response.body));
    return response.body.result.documentId;
  }
  const documents = async () =>
    (await team.lead.request<DocumentsResponse>('GET', `/api/projects/${projectId}/documents`)).body
      .documents;

  it('takes the Markdown front-matter title and the HTML <title>, not the file name', async () => {
    const md = await add(
      'notes-03.md',
      '---\ntitle: "Community gardens: a field note"\n---\n\nWe met at the gate.\n',
    );
    const html = await add(
      'page.html',
      '<html><head><title>Allotment survey 2024</title></head><body><p>Forty plots.</p></body></html>',
    );
    const names = new Map((await documents()).map((d) => [d.id, d.name]));
    expect(names.get(md)).toBe('Community gardens: a field note');
    expect(names.get(html)).toBe('Allotment survey 2024');
  });

  it('keeps a name the user typed, and the file name when there is no title or for plain text', async () => {
    const typed = await add('typed.md', '---\ntitle: Ignored\n---\n\nBody.\n', 'My own name');
    const plain = await add('interview.txt', 'First line of an interview\nSecond line.\n');
    const untitled = await add('bare.html', '<html><body><p>No title here.</p></body></html>');
    const names = new Map((await documents()).map((d) => [d.id, d.name]));
    expect(names.get(typed)).toBe('My own name');
    expect(names.get(plain)).toBe('interview.txt');
    expect(names.get(untitled)).toBe('bare.html');
  });
});
