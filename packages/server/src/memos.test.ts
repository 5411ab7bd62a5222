import type {
  AnnotationsResponse,
  CommandType,
  DocumentResponse,
  MemoResponse,
  MemosResponse,
  UploadResponse,
} from '@weft/protocol';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScreeningTeam, screeningTeam } from './testing/screening-fixtures.js';
import type { TestClient } from './testing/test-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

/*
 * Memos and annotations through the API: memos on the project and on a segment, with rich text
 * and see-also links, searched and filtered; stale edits, someone else's memo, viewers; delete and
 * restore; a memo whose segment is removed stays, marked; annotations on codings.
 */
const TEXT = [
  'Ana: We started the garden because the school had no green space at all.',
  'Ben: The council gave us the land after a long campaign by the parents.',
  '',
].join('\n');

type Node = Record<string, unknown>;
const text = (t: string, marks?: Node[]): Node =>
  marks ? { type: 'text', text: t, marks } : { type: 'text', text: t };
const doc = (...paragraphs: Node[][]) => ({
  type: 'doc',
  content: paragraphs.map((content) => ({ type: 'paragraph', content })),
});

describe.each(availableBackends())('memos and annotations through the API on %s', (backend) => {
  let t: TestServer;
  let team: ScreeningTeam;
  let projectId: string;
  let documentId: string;
  const codings: string[] = [];
  const memos: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestServer(backend);
    team = await screeningTeam(t);
    projectId = (await team.lead.command<{ projectId: string }>('project.create', { name: 'Gardens' })).body
      .result.projectId;
    for (const name of ['ana', 'ben'] as const)
      await ok(team.lead, 'member.add', { username: name, role: 'reviewer' });
    await ok(team.lead, 'member.add', { username: 'viewer', role: 'viewer' });
    const upload = await team.ana.upload<UploadResponse>(projectId, 'garden.txt', TEXT, 'documents/uploads');
    const added = await ok<{ documentId: string; versionId: string }>(team.ana, 'document.add', {
      uploadId: upload.body.uploadId,
      name: 'Garden interview',
    });
    documentId = added.documentId;
    const { codeId } = await ok<{ codeId: string }>(team.ana, 'code.create', { name: 'Motivation' });
    // The stored text is the extracted one (a transcript's speakers become structure).
    const stored = (await get<DocumentResponse>(`/documents/${documentId}`)).version.text;
    for (const phrase of ['no green space at all', 'a long campaign by the parents']) {
      const start = stored.indexOf(phrase);
      const coded = await ok<{ codingId: string }>(team.ana, 'coding.add', {
        documentId,
        versionId: added.versionId,
        codeId,
        start,
        end: start + phrase.length,
      });
      codings.push(coded.codingId);
    }
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
  const count = async (table: 'events' | 'memos' | 'memo_links' | 'annotations' | 'audit_entries') =>
    Number(
      (
        await t.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('writes a project memo with bold text and a link to another memo, sanitised', async () => {
    memos.funding = (
      await ok<{ memoId: string }>(team.ana, 'memo.create', {
        title: 'Funding',
        content: doc([text('Money came from parents.')]),
        targetKind: 'project',
      })
    ).memoId;
    memos.origins = (
      await ok<{ memoId: string }>(team.ana, 'memo.create', {
        title: '  Origins  of the garden ',
        content: doc(
          [text('The garden began with '), text('no green space', [{ type: 'bold' }]), text('.')],
          [text('evil', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])],
        ),
        targetKind: 'project',
        links: [{ kind: 'memo', targetId: memos.funding }],
      })
    ).memoId;
    const read = await get<MemoResponse>(`/memos/${memos.origins}`);
    expect(read.memo.title).toBe('Origins of the garden');
    expect(read.memo.plainText).toBe('The garden began with no green space.\nevil');
    expect(read.memo.content.content[0]?.content?.[1]).toEqual(text('no green space', [{ type: 'bold' }]));
    // The script link is gone, its word kept.
    expect(read.memo.content.content[1]?.content).toEqual([text('evil')]);
    expect(read.memo.target).toMatchObject({ kind: 'project', id: null, label: 'Gardens', missing: false });
    expect(read.memo.authorName).toBe('Ana Reviewer');
    expect(read.links).toEqual([{ kind: 'memo', targetId: memos.funding, label: 'Funding', missing: false }]);
    const funding = await get<MemoResponse>(`/memos/${memos.funding}`);
    expect(funding.backlinks).toEqual([
      { id: memos.origins, title: 'Origins of the garden', status: 'active' },
    ]);
  });

  it('writes a memo on a segment linking to another segment, resolved to quote and document', async () => {
    memos.segment = (
      await ok<{ memoId: string }>(team.ben, 'memo.create', {
        content: doc([text('Compare the campaign with the lack of space.')]),
        targetKind: 'coding',
        targetId: codings[0],
        links: [{ kind: 'coding', targetId: codings[1] }],
      })
    ).memoId;
    const read = await get<MemoResponse>(`/memos/${memos.segment}`);
    expect(read.memo.title).toBe('Compare the campaign with the lack of space.');
    expect(read.memo.target).toMatchObject({
      kind: 'coding',
      label: 'no green space at all',
      documentName: 'Garden interview',
      documentId,
      missing: false,
    });
    expect(read.links).toEqual([
      {
        kind: 'coding',
        targetId: codings[1],
        label: 'a long campaign by the parents',
        documentName: 'Garden interview',
        documentId,
        missing: false,
      },
    ]);
  });

  it('lists memos by target and by words in title or text', async () => {
    const titles = async (query: string) =>
      (await get<MemosResponse>(`/memos${query}`)).memos.map((m) => m.title).sort();
    expect(await titles('')).toEqual([
      'Compare the campaign with the lack of space.',
      'Funding',
      'Origins of the garden',
    ]);
    expect(await titles('?targetKind=project')).toEqual(['Funding', 'Origins of the garden']);
    expect(await titles(`?targetKind=coding&targetId=${codings[0]}`)).toEqual([
      'Compare the campaign with the lack of space.',
    ]);
    expect(await titles('?q=PARENTS')).toEqual(['Funding']);
    expect(await titles('?q=garden%20space')).toEqual(['Origins of the garden']);
    expect(await titles('?q=100%25')).toEqual([]);
    const listed = (await get<MemosResponse>('/memos?targetKind=project')).memos.find(
      (m) => m.id === memos.origins,
    );
    expect(listed).toMatchObject({ linkCount: 1, excerpt: 'The garden began with no green space. evil' });
    const bad = await team.ana.request('GET', `/api/projects/${projectId}/memos?targetKind=planet`);
    expect(bad.status).toBe(400);
  });

  it('refuses a stale edit with the current memo, and accepts a fresh one', async () => {
    const edited = await ok<{ version: number }>(team.ana, 'memo.edit', {
      memoId: memos.funding,
      expectedVersion: 1,
      content: doc([text('Money came from parents and the council.')]),
    });
    expect(edited.version).toBe(2);
    const stale = await team.ana.command<never>(
      'memo.edit',
      { memoId: memos.funding, expectedVersion: 1, title: 'Money' },
      projectId,
    );
    expect(stale.status).toBe(409);
    expect((stale.body as unknown as { current: { version: number } }).current.version).toBe(2);
    expect((await get<MemoResponse>(`/memos/${memos.funding}`)).memo).toMatchObject({
      title: 'Funding',
      plainText: 'Money came from parents and the council.',
      version: 2,
    });
  });

  it("refuses a reviewer changing someone else's memo, with an audit entry, and lets a lead", async () => {
    const before = { events: await count('events'), audit: await count('audit_entries') };
    for (const [type, payload] of [
      ['memo.edit', { memoId: memos.funding, expectedVersion: 2, title: 'Hijacked' }],
      ['memo.delete', { memoId: memos.funding }],
      ['memo.link', { memoId: memos.funding, kind: 'memo', targetId: memos.segment }],
    ] as const) {
      const refused = await team.ben.command(type, payload, projectId);
      expect(refused.status).toBe(403);
      expect(JSON.stringify(refused.body)).toContain('only its author or a lead');
    }
    expect({ events: await count('events'), audit: await count('audit_entries') }).toEqual({
      events: before.events,
      audit: before.audit + 3,
    });
    const entry = await t.store.db
      .selectFrom('audit_entries')
      .selectAll()
      .orderBy('at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ outcome: 'denied', project_id: projectId });
    const byLead = await ok<{ version: number }>(team.lead, 'memo.edit', {
      memoId: memos.funding,
      expectedVersion: 2,
      title: 'Funding sources',
    });
    expect(byLead.version).toBe(3);
  });

  it('lets a viewer read memos but not write them', async () => {
    expect((await get<MemosResponse>('/memos', team.viewer)).memos).toHaveLength(3);
    const refused = await team.viewer.command(
      'memo.create',
      { content: doc([text('x')]), targetKind: 'project' },
      projectId,
    );
    expect(refused.status).toBe(403);
  });

  it('checks links: not to itself, not twice, only to what is in the project; unlinks', async () => {
    const self = await team.ana.command(
      'memo.link',
      { memoId: memos.origins, kind: 'memo', targetId: memos.origins },
      projectId,
    );
    expect(self.status).toBe(400);
    expect(JSON.stringify(self.body)).toContain('cannot link to itself');
    const twice = await team.ana.command(
      'memo.link',
      { memoId: memos.origins, kind: 'memo', targetId: memos.funding },
      projectId,
    );
    expect(twice.status).toBe(409);
    const nowhere = await team.ana.command(
      'memo.link',
      { memoId: memos.origins, kind: 'coding', targetId: '00000000-0000-4000-8000-000000000000' },
      projectId,
    );
    expect(nowhere.status).toBe(404);
    const onNothing = await team.ana.command(
      'memo.create',
      { content: doc([text('x')]), targetKind: 'document', targetId: '00000000-0000-4000-8000-000000000000' },
      projectId,
    );
    expect(onNothing.status).toBe(404);
    const memosBefore = await count('memos');
    // A failed link in a create leaves no memo behind.
    const halfway = await team.ana.command(
      'memo.create',
      {
        content: doc([text('x')]),
        targetKind: 'project',
        links: [{ kind: 'code', targetId: '00000000-0000-4000-8000-000000000000' }],
      },
      projectId,
    );
    expect(halfway.status).toBe(404);
    expect(await count('memos')).toBe(memosBefore);
    await ok(team.ana, 'memo.link', { memoId: memos.origins, kind: 'coding', targetId: codings[1] });
    await ok(team.ana, 'memo.unlink', { memoId: memos.origins, kind: 'memo', targetId: memos.funding });
    const read = await get<MemoResponse>(`/memos/${memos.origins}`);
    expect(read.links.map((l) => l.kind)).toEqual(['coding']);
  });

  it('deletes and restores a memo; a deleted memo is listed only when asked for', async () => {
    await ok(team.ana, 'memo.delete', { memoId: memos.origins });
    expect((await get<MemosResponse>('/memos')).memos.map((m) => m.id)).not.toContain(memos.origins);
    expect((await get<MemosResponse>('/memos?status=deleted')).memos.map((m) => m.id)).toEqual([
      memos.origins,
    ]);
    const editDeleted = await team.ana.command(
      'memo.edit',
      { memoId: memos.origins, expectedVersion: 2, title: 'x' },
      projectId,
    );
    expect(editDeleted.status).toBe(409);
    const again = await team.ana.command('memo.delete', { memoId: memos.origins }, projectId);
    expect(again.status).toBe(409);
    await ok(team.ana, 'memo.restore', { memoId: memos.origins });
    expect((await get<MemosResponse>('/memos')).memos.map((m) => m.id)).toContain(memos.origins);
  });

  it('keeps a memo whose segment was removed, marked missing', async () => {
    await ok(team.ana, 'coding.remove', { codingId: codings[0] });
    const read = await get<MemoResponse>(`/memos/${memos.segment}`);
    expect(read.memo.status).toBe('active');
    expect(read.memo.target).toMatchObject({ kind: 'coding', label: 'no green space at all', missing: true });
    await ok(team.ana, 'coding.undo', {});
    expect((await get<MemoResponse>(`/memos/${memos.segment}`)).memo.target.missing).toBe(false);
  });

  it('annotates codings: add, list per coding and per document, edit, owner rule, remove', async () => {
    const { annotationId } = await ok<{ annotationId: string }>(team.ana, 'annotation.add', {
      codingId: codings[1],
      text: '  Which parents?  ',
    });
    await ok(team.ben, 'annotation.add', { codingId: codings[0], text: 'Is this the main reason?' });
    const onCoding = await get<AnnotationsResponse>(`/codings/${codings[1]}/annotations`, team.viewer);
    expect(onCoding.annotations.map((a) => [a.text, a.authorName, a.version])).toEqual([
      ['Which parents?', 'Ana Reviewer', 1],
    ]);
    const onDocument = await get<AnnotationsResponse>(`/documents/${documentId}/annotations`);
    expect(onDocument.annotations.map((a) => a.codingId).sort()).toEqual([...codings].sort());
    const byBen = await team.ben.command(
      'annotation.edit',
      { annotationId, expectedVersion: 1, text: 'Mine now' },
      projectId,
    );
    expect(byBen.status).toBe(403);
    await ok(team.ana, 'annotation.edit', {
      annotationId,
      expectedVersion: 1,
      text: 'Which parents? The PTA?',
    });
    const stale = await team.ana.command(
      'annotation.edit',
      { annotationId, expectedVersion: 1, text: 'x' },
      projectId,
    );
    expect(stale.status).toBe(409);
    const empty = await team.ana.command('annotation.add', { codingId: codings[1], text: '   ' }, projectId);
    expect(empty.status).toBe(400);
    const viewer = await team.viewer.command(
      'annotation.add',
      { codingId: codings[1], text: 'hm' },
      projectId,
    );
    expect(viewer.status).toBe(403);
    await ok(team.lead, 'annotation.remove', { annotationId });
    expect((await get<AnnotationsResponse>(`/codings/${codings[1]}/annotations`)).annotations).toEqual([]);
  });

  it('describes memo events in the activity feed', async () => {
    const feed = await get<{ events: { eventType: string; description?: string }[] }>('/events?after=0');
    const types = feed.events.map((e) => e.eventType);
    for (const type of [
      'memo.created',
      'memo.edited',
      'memo.linked',
      'memo.unlinked',
      'memo.deleted',
      'memo.restored',
      'annotation.added',
      'annotation.edited',
      'annotation.removed',
    ])
      expect(types).toContain(type);
  });
});
