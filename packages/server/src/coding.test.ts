import {
  type CodebookNode,
  type CodebookResponse,
  type CodeSegmentsResponse,
  type CommandType,
  type DocumentResponse,
  type DocumentsResponse,
  type OrphanCodingsResponse,
  quoteOf,
  type UploadResponse,
} from '@weft/protocol';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScreeningTeam, screeningTeam } from './testing/screening-fixtures.js';
import type { TestClient } from './testing/test-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

/*
 * A coding session driven through the API: a transcript is added, spans are coded, the codebook
 * is reshaped (merge and unmerge, split, delete and restore), the document is edited under its
 * codings, and the codebook is read as it stood before the reshaping.
 */
const TRANSCRIPT = [
  'Interviewer: How did the garden start?',
  'Ana: We started the garden because the school had no green space at all.',
  'Ben: The council gave us the land after a long campaign by the parents.',
  'Ana: Money was always short, so we relied on volunteers every weekend.',
  'Ben: Mr Jones, the head teacher, backed us from the first meeting.',
  '',
].join('\n');

const span = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return { start, end: start + phrase.length };
};

const flatten = (nodes: CodebookNode[]): CodebookNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

describe.each(availableBackends())('qualitative coding through the API on %s', (backend) => {
  let t: TestServer;
  let team: ScreeningTeam;
  let projectId: string;
  let documentId: string;
  let versionId: string;
  let text = '';
  const codes: Record<string, string> = {};
  const codings: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestServer(backend);
    team = await screeningTeam(t);
    const created = await team.lead.command<{ projectId: string }>('project.create', { name: 'Gardens' });
    projectId = created.body.result.projectId;
    await ok(team.lead, 'member.add', { username: 'ana', role: 'reviewer' });
    await ok(team.lead, 'member.add', { username: 'viewer', role: 'viewer' });
  });
  afterAll(async () => t?.close());

  async function ok<T = Record<string, unknown>>(client: TestClient, type: CommandType, payload: unknown) {
    const response = await client.command<T>(type, payload, projectId);
    if (response.status !== 200) throw new Error(`${type}: ${JSON.stringify(response.body)}`);
    return response.body.result;
  }
  const get = async <T>(path: string, client: TestClient = team.ana) => {
    const response = await client.request<T>('GET', `/api/projects/${projectId}${path}`);
    if (response.status !== 200) throw new Error(`${path}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const codebook = async (query = '') =>
    flatten((await get<CodebookResponse>(`/codebook${query}`)).codes).map((n) => [n.name, n.codingCount]);
  const docCodings = async () => {
    const doc = await get<DocumentResponse>(`/documents/${documentId}`);
    return doc.codings.map((c) => ({ ...c, exact: quoteOf(doc.version.text, c) }));
  };

  it('adds a transcript from an upload, with speakers as structure', async () => {
    // Reviewers upload documents through the coding route (the general upload route is for imports).
    const refused = await team.viewer.upload(
      projectId,
      'garden-interview.txt',
      TRANSCRIPT,
      'documents/uploads',
    );
    expect(refused.status).toBe(403);
    const upload = await team.ana.upload<UploadResponse>(
      projectId,
      'garden-interview.txt',
      TRANSCRIPT,
      'documents/uploads',
    );
    const added = await ok<{ documentId: string; versionId: string; kind: string }>(
      team.ana,
      'document.add',
      {
        uploadId: upload.body.uploadId,
        name: 'Garden interview',
        folder: 'Interviews',
      },
    );
    ({ documentId, versionId } = added);
    expect(added.kind).toBe('transcript');
    const list = await get<DocumentsResponse>('/documents');
    expect(list.documents.map((d) => [d.name, d.folder, d.currentVersion])).toEqual([
      ['Garden interview', 'Interviews', 1],
    ]);
    const doc = await get<DocumentResponse>(`/documents/${documentId}`);
    expect(doc.version.text).toContain('Ana: We started the garden');
    text = doc.version.text;
    const speakers = (doc.version.structure as { speaker?: string }[]).map((b) => b.speaker).filter(Boolean);
    expect(speakers).toEqual(['Interviewer', 'Ana', 'Ben', 'Ana', 'Ben']);
  });

  it('refuses a file that is not a document with an error naming it, and adds nothing', async () => {
    const upload = await team.lead.upload<UploadResponse>(projectId, 'broken.pdf', 'not a pdf at all');
    const response = await team.ana.command('document.add', { uploadId: upload.body.uploadId }, projectId);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('broken.pdf');
    expect((await get<DocumentsResponse>('/documents')).documents).toHaveLength(1);
  });

  it('codes spans and lists a code segments with context', async () => {
    for (const name of ['Motivation', 'Resources', 'Funding', 'Volunteers', 'Governance', 'Leadership'])
      codes[name] = (await ok<{ codeId: string }>(team.ana, 'code.create', { name })).codeId;
    await ok(team.ana, 'code.move', { codeId: codes.Funding, parentId: codes.Resources });
    await ok(team.ana, 'code.move', { codeId: codes.Volunteers, parentId: codes.Resources });
    const add = async (key: string, code: string, phrase: string) => {
      codings[key] = (
        await ok<{ codingId: string }>(team.ana, 'coding.add', {
          documentId,
          versionId,
          codeId: codes[code],
          ...span(text, phrase),
        })
      ).codingId;
    };
    await add('green', 'Motivation', 'the school had no green space at all');
    await add('money', 'Funding', 'Money was always short');
    await add('weekend', 'Volunteers', 'we relied on volunteers every weekend');
    await add('land', 'Governance', 'The council gave us the land');
    await add('jones', 'Leadership', 'Mr Jones, the head teacher, backed us from the first meeting.');
    expect(await codebook()).toEqual([
      ['Motivation', 1],
      ['Resources', 0],
      ['Funding', 1],
      ['Volunteers', 1],
      ['Governance', 1],
      ['Leadership', 1],
    ]);
    const segments = await get<CodeSegmentsResponse>(`/codes/${codes.Funding}/segments`);
    expect(segments.segments.map((s) => [s.exact, s.documentName, s.after.slice(0, 5)])).toEqual([
      ['Money was always short', 'Garden interview', ', so '],
    ]);
    expect(segments.segments[0]?.before).toMatch(/a long campaign by the parents\.\s+Ana: $/);
  });

  let beforeReshaping = '';
  it('merges and unmerges codes, putting back exactly the codings that moved', async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    beforeReshaping = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = await docCodings();
    await ok(team.ana, 'code.merge', {
      sourceIds: [codes.Funding, codes.Volunteers],
      targetId: codes.Resources,
    });
    expect(await codebook()).toEqual([
      ['Motivation', 1],
      ['Resources', 2],
      ['Governance', 1],
      ['Leadership', 1],
    ]);
    await ok(team.ana, 'code.unmerge', { codeId: codes.Funding });
    await ok(team.ana, 'code.unmerge', { codeId: codes.Volunteers });
    expect(await docCodings()).toEqual(before);
    expect(await codebook()).toEqual([
      ['Motivation', 1],
      ['Resources', 0],
      ['Funding', 1],
      ['Volunteers', 1],
      ['Governance', 1],
      ['Leadership', 1],
    ]);
  });

  it('splits selected codings off into a new code', async () => {
    await ok(team.ana, 'coding.add', {
      documentId,
      versionId,
      codeId: codes.Governance,
      ...span(text, 'a long campaign by the parents'),
    });
    const split = await ok<{ codeId: string }>(team.ana, 'code.split', {
      sourceId: codes.Governance,
      code: { name: 'Council support' },
      codingIds: [codings.land],
    });
    codes['Council support'] = split.codeId;
    const segments = await get<CodeSegmentsResponse>(`/codes/${split.codeId}/segments`);
    expect(segments.segments.map((s) => s.exact)).toEqual(['The council gave us the land']);
    expect(await codebook()).toContainEqual(['Governance', 1]);
    expect((await codebook()).map(([name]) => name)).toEqual([
      'Motivation',
      'Resources',
      'Funding',
      'Volunteers',
      'Governance',
      'Council support',
      'Leadership',
    ]);
  });

  it('deletes a code with its children and restores them, codings intact', async () => {
    const deleted = await ok<{ codeIds: string[] }>(team.ana, 'code.delete', { codeId: codes.Resources });
    expect(deleted.codeIds.sort()).toEqual([codes.Resources, codes.Funding, codes.Volunteers].sort());
    const shown = await get<CodebookResponse>('/codebook');
    expect(flatten(shown.codes).map((n) => n.name)).not.toContain('Funding');
    expect(shown.inactive.map((c) => c.name).sort()).toEqual(['Funding', 'Resources', 'Volunteers']);
    // Their codings are kept but not shown on the document.
    expect((await docCodings()).map((c) => c.id)).not.toContain(codings.money);
    expect((await get<DocumentsResponse>('/documents')).documents[0]?.codingCount).toBe(4);
    await ok(team.ana, 'code.restore', { codeId: codes.Resources });
    expect(await codebook()).toContainEqual(['Funding', 1]);
    expect(await codebook()).toContainEqual(['Volunteers', 1]);
    expect((await get<DocumentsResponse>('/documents')).documents[0]?.codingCount).toBe(6);
  });

  it('re-anchors codings when the document is edited: moved, and orphaned but kept', async () => {
    const doc = await get<DocumentResponse>(`/documents/${documentId}`);
    const oldText = doc.version.text;
    // A line inserted before every coding, and the sentence about Mr Jones removed (anonymisation).
    const newText = oldText
      .replace(
        'Interviewer: How did the garden start?\n',
        'Interviewer: Thank you for coming.\nInterviewer: How did the garden start?\n',
      )
      .replace('\nBen: Mr Jones, the head teacher, backed us from the first meeting.', '');
    const edited = await ok<{ version: number; reanchored: Record<string, number> }>(
      team.ana,
      'document.edit',
      {
        documentId,
        expectedVersion: 1,
        text: newText,
      },
    );
    expect(edited.version).toBe(2);
    expect(edited.reanchored).toEqual({ kept: 0, moved: 5, fuzzy: 0, orphan: 1 });
    const after = await get<DocumentResponse>(`/documents/${documentId}`);
    expect(after.version.version).toBe(2);
    expect(after.version.text).toBe(newText);
    for (const coding of after.codings) {
      // An orphan's lost words come with it; elsewhere the quote is left out because it is the text there.
      if (coding.anchorStatus === 'orphan') {
        expect(coding.exact).toBe('Mr Jones, the head teacher, backed us from the first meeting.');
        continue;
      }
      expect(coding.anchorStatus).toBe('moved');
      expect(coding.exact).toBeUndefined();
      expect(coding.versionId).toBe(after.version.id);
    }
    const money = after.codings.find((c) => c.id === codings.money);
    expect(money?.start).toBe(
      span(text, 'Money was always short').start + 'Interviewer: Thank you for coming.\n'.length,
    );
    const orphans = await get<OrphanCodingsResponse>('/codings/orphans');
    expect(orphans.codings.map((c) => [c.id, c.exact, c.codeName])).toEqual([
      [codings.jones, 'Mr Jones, the head teacher, backed us from the first meeting.', 'Leadership'],
    ]);
    // Its context is the text stored with its quote, not what now sits at its old offsets.
    const jonesAt = text.indexOf('Mr Jones');
    const jonesEnd = jonesAt + 'Mr Jones, the head teacher, backed us from the first meeting.'.length;
    expect(orphans.codings[0]).toMatchObject({
      before: text.slice(jonesAt - 32, jonesAt),
      after: text.slice(jonesEnd, jonesEnd + 32),
    });
    // Structure follows the text: the new line is not a block yet, the removed one is gone.
    expect((after.version.structure as { speaker?: string }[]).filter((b) => b.speaker).length).toBe(4);
    // An edit from a stale version is refused.
    const stale = await team.ana.command(
      'document.edit',
      { documentId, expectedVersion: 1, text: 'x' },
      projectId,
    );
    expect(stale.status).toBe(409);
  });

  it('settles an orphan by placing it again, and recodes and removes codings', async () => {
    const doc = await get<DocumentResponse>(`/documents/${documentId}`);
    const place = span(doc.version.text, 'Thank you for coming.');
    await ok(team.ana, 'coding.resize', { codingId: codings.jones, ...place });
    expect((await get<OrphanCodingsResponse>('/codings/orphans')).codings).toEqual([]);
    const settled = (await docCodings()).find((c) => c.id === codings.jones);
    expect([settled?.exact, settled?.anchorStatus]).toEqual(['Thank you for coming.', 'kept']);
    await ok(team.ana, 'coding.recode', { codingId: codings.green, codeId: codes.Governance });
    await ok(team.ana, 'coding.remove', { codingId: codings.weekend });
    const shown = await codebook();
    expect(shown).toContainEqual(['Motivation', 0]);
    expect(shown).toContainEqual(['Governance', 2]);
    expect(shown).toContainEqual(['Volunteers', 0]);
    // A span on an older version is refused: it would land on the wrong text.
    const stale = await team.ana.command(
      'coding.add',
      { documentId, versionId, codeId: codes.Motivation, start: 0, end: 5 },
      projectId,
    );
    expect(stale.status).toBe(409);
  });

  it('shows the codebook as it stood before the reshaping, from the event log', async () => {
    const asOf = await get<CodebookResponse>(`/codebook?asOf=${encodeURIComponent(beforeReshaping)}`);
    expect(asOf.asOf).toBe(beforeReshaping);
    expect(flatten(asOf.codes).map((n) => [n.name, n.codingCount])).toEqual([
      ['Motivation', 1],
      ['Resources', 0],
      ['Funding', 1],
      ['Volunteers', 1],
      ['Governance', 1],
      ['Leadership', 1],
    ]);
    const bad = await team.ana.request('GET', `/api/projects/${projectId}/codebook?asOf=yesterday`);
    expect(bad.status).toBe(400);
  });

  it('undoes and redoes only the actor own changes', async () => {
    await ok(team.lead, 'code.create', { name: 'Lead code' });
    const mine = await ok<{ codeId: string }>(team.ana, 'code.create', { name: 'Ana code' });
    const start = (await docCodings()).length;
    const doc = await get<DocumentResponse>(`/documents/${documentId}`);
    await ok(team.ana, 'coding.add', {
      documentId,
      versionId: doc.version.id,
      codeId: mine.codeId,
      ...span(doc.version.text, 'Money was always short'),
    });
    expect(await docCodings()).toHaveLength(start + 1);
    expect(await ok(team.ana, 'coding.undo', {})).toEqual({ eventType: 'coding.removed' });
    expect(await docCodings()).toHaveLength(start);
    expect(await ok(team.ana, 'coding.undo', {})).toEqual({ eventType: 'code.deleted' });
    const names = (await codebook()).map(([name]) => name);
    expect(names).toContain('Lead code');
    expect(names).not.toContain('Ana code');
    expect(await ok(team.ana, 'coding.redo', {})).toEqual({ eventType: 'code.restored' });
    expect(await ok(team.ana, 'coding.redo', {})).toEqual({ eventType: 'coding.added' });
    expect(await docCodings()).toHaveLength(start + 1);
    const nothing = await team.ana.command('coding.redo', {}, projectId);
    expect(nothing.status).toBe(400);
  });

  it('refuses a viewer who tries to code, with an audit entry, and changes nothing', async () => {
    const count = async (table: 'events' | 'codings' | 'audit_entries') =>
      Number(
        (
          await t.store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = {
      events: await count('events'),
      codings: await count('codings'),
      audit: await count('audit_entries'),
    };
    const doc = await get<DocumentResponse>(`/documents/${documentId}`, team.viewer);
    const refused = await team.viewer.command(
      'coding.add',
      { documentId, versionId: doc.version.id, codeId: codes.Motivation, start: 0, end: 11 },
      projectId,
    );
    expect(refused.status).toBe(403);
    expect({
      events: await count('events'),
      codings: await count('codings'),
      audit: await count('audit_entries'),
    }).toEqual({
      ...before,
      audit: before.audit + 1,
    });
    const entry = await t.store.db
      .selectFrom('audit_entries')
      .selectAll()
      .orderBy('at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(entry.outcome).toMatch(/denied|forbidden/);
  });
  it('marks a coding fuzzy when a typo fix changes the words it covers', async () => {
    const doc = await get<DocumentResponse>(`/documents/${documentId}`);
    const edited = await ok<{ reanchored: Record<string, number> }>(team.ana, 'document.edit', {
      documentId,
      expectedVersion: doc.version.version,
      text: doc.version.text.replace('Money was always short', 'Money was allways short'),
    });
    expect(edited.reanchored.fuzzy).toBeGreaterThanOrEqual(1);
    const money = (await docCodings()).find((c) => c.id === codings.money);
    expect([money?.anchorStatus, money?.exact]).toEqual(['fuzzy', 'Money was allways short']);
    expect(money?.score).toBeGreaterThan(0.6);
  });
});
