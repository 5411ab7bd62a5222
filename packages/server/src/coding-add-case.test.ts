import type { CommandType, DocumentResponse, UploadResponse } from '@weft/protocol';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScreeningTeam, screeningTeam } from './testing/screening-fixtures.js';
import type { TestClient } from './testing/test-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

/* "Code a whole case": every document of a case coded in full, once, as ordinary codings. */
describe.each(availableBackends())('coding a whole case on %s', (backend) => {
  let t: TestServer;
  let team: ScreeningTeam;
  let projectId: string;
  let caseId: string;
  let codeId: string;
  const documents: string[] = [];

  beforeAll(async () => {
    t = await startTestServer(backend);
    team = await screeningTeam(t);
    const created = await team.lead.command<{ projectId: string }>('project.create', { name: 'Cases' });
    projectId = created.body.result.projectId;
    await ok(team.lead, 'member.add', { username: 'ana', role: 'reviewer' });
    await ok(team.lead, 'member.add', { username: 'viewer', role: 'viewer' });
    ({ caseId } = await ok<{ caseId: string }>(team.ana, 'case.create', {
      classification: 'participant',
      name: 'Ana',
    }));
    for (const [file, text] of [
      ['first.txt', 'Ana: We started the garden in spring.\n'],
      ['second.txt', 'Ana: The council gave us the land.\n'],
      ['elsewhere.txt', 'Ben: Not Ana’s interview.\n'],
    ]) {
      const upload = await team.ana.upload<UploadResponse>(
        projectId,
        file as string,
        text as string,
        'documents/uploads',
      );
      const { documentId } = await ok<{ documentId: string }>(team.ana, 'document.add', {
        uploadId: upload.body.uploadId,
      });
      documents.push(documentId);
    }
    await ok(team.ana, 'document.assign', { documentId: documents[0], caseId });
    await ok(team.ana, 'document.assign', { documentId: documents[1], caseId });
    ({ codeId } = await ok<{ codeId: string }>(team.ana, 'code.create', { name: 'Whole interview' }));
  });
  afterAll(async () => t?.close());

  async function ok<T = Record<string, unknown>>(client: TestClient, type: CommandType, payload: unknown) {
    const response = await client.command<T>(type, payload, projectId);
    if (response.status !== 200) throw new Error(`${type}: ${JSON.stringify(response.body)}`);
    return response.body.result;
  }
  const codingsOf = async (documentId: string) => {
    const doc = (
      await team.ana.request<DocumentResponse>('GET', `/api/projects/${projectId}/documents/${documentId}`)
    ).body;
    return doc.codings.map((c) => ({
      codeId: c.codeId,
      start: c.start,
      end: c.end,
      length: doc.version.text.length,
    }));
  };

  it('refuses a viewer and changes nothing', async () => {
    const refused = await team.viewer.command('coding.add-case', { caseId, codeId }, projectId);
    expect(refused.status).toBe(403);
    expect(await codingsOf(documents[0] as string)).toEqual([]);
  });

  it('codes each document of the case in full, and only those', async () => {
    const result = await ok<{ codingIds: string[]; documents: number; skipped: number }>(
      team.ana,
      'coding.add-case',
      { caseId, codeId },
    );
    expect(result).toMatchObject({ documents: 2, skipped: 0 });
    expect(result.codingIds).toHaveLength(2);
    for (const id of documents.slice(0, 2)) {
      const [coding, ...rest] = await codingsOf(id);
      expect(rest).toEqual([]);
      expect(coding).toMatchObject({ codeId, start: 0, end: coding?.length });
    }
    expect(await codingsOf(documents[2] as string)).toEqual([]);
    const events = await t.store.db
      .selectFrom('events')
      .select(['type'])
      .where('project_id', '=', projectId)
      .where('type', 'in', ['coding.added', 'case.coded'])
      .execute();
    expect(events.map((e) => e.type).sort()).toEqual(['case.coded', 'coding.added', 'coding.added']);
  });

  it('skips documents already coded in full with the code', async () => {
    const again = await ok<{ codingIds: string[]; skipped: number }>(team.ana, 'coding.add-case', {
      caseId,
      codeId,
    });
    expect(again).toMatchObject({ codingIds: [], skipped: 2 });
  });

  it('lets the coder undo the codings one by one, like hand-made ones', async () => {
    await ok(team.ana, 'coding.undo', {});
    const left =
      (await codingsOf(documents[0] as string)).length + (await codingsOf(documents[1] as string)).length;
    expect(left).toBe(1);
  });

  it('refuses a case without documents, naming it', async () => {
    const { caseId: empty } = await ok<{ caseId: string }>(team.ana, 'case.create', {
      classification: 'participant',
      name: 'Nobody',
    });
    const response = await team.ana.command('coding.add-case', { caseId: empty, codeId }, projectId);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('Nobody');
  });
});
