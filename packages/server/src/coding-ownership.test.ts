import type { CommandType, DocumentResponse, UploadResponse } from '@weft/protocol';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScreeningTeam, screeningTeam } from './testing/screening-fixtures.js';
import type { TestClient } from './testing/test-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

/*
 * Codings next to characters outside the BMP (an emoji is two UTF-16 units), and who may change
 * a coding: its coder, or a lead; another reviewer is refused (403, audited).
 */
const EMOJI = '😀';
const TEXT = `Ana: ${'a'.repeat(40)} the garden made us happy ${EMOJI} and then some more words follow here.\n`;

describe.each(availableBackends())('codings near emoji and coding ownership on %s', (backend) => {
  let t: TestServer;
  let team: ScreeningTeam;
  let projectId: string;
  let documentId: string;
  let versionId: string;
  let codeId: string;
  let otherCodeId: string;

  beforeAll(async () => {
    t = await startTestServer(backend);
    team = await screeningTeam(t);
    const created = await team.lead.command<{ projectId: string }>('project.create', { name: 'Emoji' });
    projectId = created.body.result.projectId;
    for (const name of ['ana', 'ben'])
      await ok(team.lead, 'member.add', { username: name, role: 'reviewer' });
    const upload = await team.ana.upload<UploadResponse>(projectId, 'emoji.txt', TEXT, 'documents/uploads');
    ({ documentId, versionId } = await ok<{ documentId: string; versionId: string }>(
      team.ana,
      'document.add',
      { uploadId: upload.body.uploadId, name: 'Emoji' },
    ));
    ({ codeId } = await ok<{ codeId: string }>(team.ana, 'code.create', { name: 'Joy' }));
    ({ codeId: otherCodeId } = await ok<{ codeId: string }>(team.ana, 'code.create', { name: 'Place' }));
  });
  afterAll(async () => t?.close());

  async function ok<T = Record<string, unknown>>(client: TestClient, type: CommandType, payload: unknown) {
    const response = await client.command<T>(type, payload, projectId);
    if (response.status !== 200) throw new Error(`${type}: ${JSON.stringify(response.body)}`);
    return response.body.result;
  }
  const text = async () =>
    (await team.ana.request<DocumentResponse>('GET', `/api/projects/${projectId}/documents/${documentId}`))
      .body.version.text;
  const deniedCount = async () =>
    Number(
      (
        await t.store.db
          .selectFrom('audit_entries')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('outcome', '=', 'denied')
          .where('project_id', '=', projectId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('codes a span 31 units before an emoji: the suffix takes the whole emoji', async () => {
    const body = await text();
    const at = body.indexOf(EMOJI);
    // The span ends 31 units before the emoji, so a 32-unit suffix would end inside it.
    const end = at - 31;
    const { codingId } = await ok<{ codingId: string }>(team.ana, 'coding.add', {
      documentId,
      versionId,
      codeId,
      start: end - 6,
      end,
    });
    const stored = await t.store.db
      .selectFrom('codings')
      .select(['suffix'])
      .where('id', '=', codingId)
      .executeTakeFirstOrThrow();
    expect(stored.suffix.endsWith(EMOJI)).toBe(true);
    expect(stored.suffix).toHaveLength(33);
  });

  it('refuses a coding whose end falls inside the emoji with a 400 naming the offset', async () => {
    const at = (await text()).indexOf(EMOJI);
    const response = await team.ana.command(
      'coding.add',
      { documentId, versionId, codeId, start: at - 5, end: at + 1 },
      projectId,
    );
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain(`offset ${at + 1}`);
  });

  it('lets only the coder or a lead remove, recode or resize a coding, auditing refusals', async () => {
    const body = await text();
    const start = body.indexOf('garden');
    const { codingId } = await ok<{ codingId: string }>(team.ana, 'coding.add', {
      documentId,
      versionId,
      codeId,
      start,
      end: start + 6,
    });
    const before = await deniedCount();
    for (const [type, payload] of [
      ['coding.remove', { codingId }],
      ['coding.recode', { codingId, codeId: otherCodeId }],
      ['coding.resize', { codingId, start, end: start + 3 }],
    ] as const) {
      const refused = await team.ben.command(type, payload, projectId);
      expect(refused.status, type).toBe(403);
      expect(JSON.stringify(refused.body)).toContain("another coder's coding");
    }
    expect(await deniedCount()).toBe(before + 3);
    const row = await t.store.db
      .selectFrom('codings')
      .select(['code_id', 'status', 'end_offset'])
      .where('id', '=', codingId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ code_id: codeId, status: 'active', end_offset: start + 6 });
    // The coder resizes their own; a lead recodes and removes it.
    await ok(team.ana, 'coding.resize', { codingId, start, end: start + 3 });
    await ok(team.lead, 'coding.recode', { codingId, codeId: otherCodeId });
    await ok(team.lead, 'coding.remove', { codingId });
  });
});
