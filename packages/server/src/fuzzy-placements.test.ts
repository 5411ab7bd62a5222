import type { CommandType, DocumentResponse, OrphanCodingsResponse, UploadResponse } from '@weft/protocol';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScreeningTeam, screeningTeam } from './testing/screening-fixtures.js';
import type { TestClient } from './testing/test-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

const TEXT = [
  'Interviewer: How did the garden start?',
  'Ana: Money was always short, so we relied on volunteers every weekend.',
  'Ben: Mr Jones, the head teacher, backed us from the first meeting.',
  '',
].join('\n');

describe.each(availableBackends())('fuzzy placements to confirm on %s', (backend) => {
  let t: TestServer;
  let team: ScreeningTeam;
  let projectId: string;
  let documentId: string;
  let codingId: string;

  async function ok<T = Record<string, unknown>>(client: TestClient, type: CommandType, payload: unknown) {
    const response = await client.command<T>(type, payload, projectId);
    if (response.status !== 200) throw new Error(`${type}: ${JSON.stringify(response.body)}`);
    return response.body.result;
  }
  const get = async <T>(path: string) => {
    const response = await team.ana.request<T>('GET', `/api/projects/${projectId}${path}`);
    if (response.status !== 200) throw new Error(`${path}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const fuzzy = async () => (await get<OrphanCodingsResponse>('/codings/orphans?status=fuzzy')).codings;
  const edit = async (from: string, to: string) => {
    const doc = await get<DocumentResponse>(`/documents/${documentId}`);
    await ok(team.ana, 'document.edit', {
      documentId,
      expectedVersion: doc.version.version,
      text: doc.version.text.replace(from, to),
    });
  };

  beforeAll(async () => {
    t = await startTestServer(backend);
    team = await screeningTeam(t);
    const created = await team.lead.command<{ projectId: string }>('project.create', { name: 'Gardens' });
    projectId = created.body.result.projectId;
    for (const name of ['ana', 'ben'])
      await ok(team.lead, 'member.add', { username: name, role: 'reviewer' });
    const upload = await team.ana.upload<UploadResponse>(projectId, 'garden.txt', TEXT, 'documents/uploads');
    const added = await ok<{ documentId: string; versionId: string }>(team.ana, 'document.add', {
      uploadId: upload.body.uploadId,
    });
    documentId = added.documentId;
    const { codeId } = await ok<{ codeId: string }>(team.ana, 'code.create', { name: 'Resources' });
    // Offsets are in the document's canonical text (a .txt's lines become paragraphs), not TEXT's.
    const canonical = (await get<DocumentResponse>(`/documents/${documentId}`)).version.text;
    const start = canonical.indexOf('Money was always short');
    ({ codingId } = await ok<{ codingId: string }>(team.ana, 'coding.add', {
      codeId,
      documentId,
      versionId: added.versionId,
      start,
      end: start + 'Money was always short'.length,
    }));
  });
  afterAll(async () => t?.close());

  it('lists a fuzzy placement to confirm, and keeps it fuzzy across an edit elsewhere', async () => {
    await edit('Money was always short', 'Money was allways short');
    const listed = await fuzzy();
    expect(listed.map((c) => [c.id, c.anchorStatus, c.documentName])).toEqual([
      [codingId, 'fuzzy', 'garden.txt'],
    ]);
    expect(listed[0]?.exact).toBe('Money was allways short');
    // Beside where it is now, the words it was coded on, for whoever confirms it.
    expect(listed[0]?.codedExact).toBe('Money was always short');
    const score = (await fuzzy())[0]?.score ?? 0;
    expect(score).toBeGreaterThan(0.6);
    expect(score).toBeLessThan(1);
    // The edit does not touch the coding's words: its quote matches exactly, yet nobody confirmed it.
    await edit('Mr Jones', 'Mr Jonas');
    expect((await fuzzy()).map((c) => [c.id, c.anchorStatus, c.score, c.codedExact])).toEqual([
      [codingId, 'fuzzy', score, 'Money was always short'],
    ]);
    expect((await get<OrphanCodingsResponse>('/codings/orphans')).codings).toEqual([]);
    // A second approximate placement of the same words still compares with what was coded.
    await edit('Money was allways short', 'Money wass allways short');
    expect((await fuzzy()).map((c) => [c.exact, c.codedExact])).toEqual([
      ['Money wass allways short', 'Money was always short'],
    ]);
    const refused = await team.ana.request('GET', `/api/projects/${projectId}/codings/orphans?status=kept`);
    expect(refused.status).toBe(400);
  });

  it("confirming (placing the span as it is) is the coder's or a lead's, logged, and settles it", async () => {
    const [coding] = await fuzzy();
    if (!coding) throw new Error('no fuzzy coding');
    const span = { codingId, start: coding.start, end: coding.end };
    const byBen = await team.ben.command('coding.resize', span, projectId);
    expect(byBen.status).toBe(403);
    expect(await fuzzy()).toHaveLength(1);
    await ok(team.ana, 'coding.resize', span);
    expect(await fuzzy()).toEqual([]);
    const doc = await get<DocumentResponse>(`/documents/${documentId}`);
    expect(doc.codings.map((c) => [c.id, c.anchorStatus, c.score])).toEqual([[codingId, 'kept', 1]]);
    const row = await t.store.db
      .selectFrom('codings')
      .select('coded_exact')
      .where('id', '=', codingId)
      .executeTakeFirstOrThrow();
    expect(row.coded_exact).toBeNull();
    const events = await t.store.db
      .selectFrom('events')
      .select('type')
      .where('project_id', '=', projectId)
      .where('type', '=', 'coding.resized')
      .execute();
    expect(events).toHaveLength(1);
    // Confirmed, it is kept across the next edit elsewhere like any other coding.
    await edit('Mr Jonas', 'Mr Jones');
    expect(await fuzzy()).toEqual([]);
  });
});
