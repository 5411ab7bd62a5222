import { COMMAND_TYPES, type CommandType } from '@weft/protocol';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES_COMMAND_MATRIX, CASES_READ_ROUTES, casesPayloadFor } from './testing/cases-policy-fixtures.js';
import {
  CODING_COMMAND_MATRIX,
  CODING_READ_ROUTES,
  codingPayloadFor,
} from './testing/coding-policy-fixtures.js';
import { EMBASE_RIS, MEDLINE_RIS } from './testing/identification-fixtures.js';
import { MEMO_COMMAND_MATRIX, MEMO_READ_ROUTES, memoPayloadFor } from './testing/memo-policy-fixtures.js';
import { QDPX_COMMAND_MATRIX, qdpxPayloadFor } from './testing/qdpx-policy-fixtures.js';
import {
  REPORT_FILE_COMMAND_MATRIX,
  REPORT_FILE_READ_ROUTES,
  reportFilePayloadFor,
} from './testing/report-file-policy-fixtures.js';
import { SCREENING_COMMAND_MATRIX, screeningPayloadFor } from './testing/screening-policy-fixtures.js';
import type { TestClient } from './testing/test-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

type Actor = 'owner' | 'lead' | 'reviewer' | 'viewer' | 'outsider' | 'anonymous';
const ACTORS: Actor[] = ['owner', 'lead', 'reviewer', 'viewer', 'outsider', 'anonymous'];
const PASSWORD = 'correct horse battery';

/**
 * The specification, written out by hand rather than derived from the policy code: the HTTP
 * status each actor gets for each command. The owner is also the instance administrator.
 */
const COMMAND_MATRIX: Record<CommandType, Record<Actor, number>> = {
  'user.create': { owner: 200, lead: 403, reviewer: 403, viewer: 403, outsider: 403, anonymous: 401 },
  'project.create': { owner: 200, lead: 200, reviewer: 200, viewer: 200, outsider: 200, anonymous: 401 },
  'demo.create': { owner: 200, lead: 200, reviewer: 200, viewer: 200, outsider: 200, anonymous: 401 },
  'project.rename': { owner: 200, lead: 200, reviewer: 403, viewer: 403, outsider: 403, anonymous: 401 },
  'project.describe': { owner: 200, lead: 200, reviewer: 403, viewer: 403, outsider: 403, anonymous: 401 },
  'project.archive': { owner: 200, lead: 403, reviewer: 403, viewer: 403, outsider: 403, anonymous: 401 },
  'project.unarchive': { owner: 200, lead: 403, reviewer: 403, viewer: 403, outsider: 403, anonymous: 401 },
  'member.add': { owner: 200, lead: 200, reviewer: 403, viewer: 403, outsider: 403, anonymous: 401 },
  'member.change-role': { owner: 200, lead: 200, reviewer: 403, viewer: 403, outsider: 403, anonymous: 401 },
  'member.remove': { owner: 200, lead: 200, reviewer: 403, viewer: 403, outsider: 403, anonymous: 401 },
  'search.create': { owner: 200, lead: 200, reviewer: 403, viewer: 403, outsider: 403, anonymous: 401 },
  'search.update': { owner: 200, lead: 200, reviewer: 403, viewer: 403, outsider: 403, anonymous: 401 },
  'import.records': { owner: 200, lead: 200, reviewer: 403, viewer: 403, outsider: 403, anonymous: 401 },
  'dedup.run': { owner: 200, lead: 200, reviewer: 403, viewer: 403, outsider: 403, anonymous: 401 },
  'dedup.merge': { owner: 200, lead: 200, reviewer: 200, viewer: 403, outsider: 403, anonymous: 401 },
  'dedup.unmerge': { owner: 200, lead: 200, reviewer: 200, viewer: 403, outsider: 403, anonymous: 401 },
  'dedup.mark-not-duplicate': {
    owner: 200,
    lead: 200,
    reviewer: 200,
    viewer: 403,
    outsider: 403,
    anonymous: 401,
  },
  'dedup.unmark-not-duplicate': {
    owner: 200,
    lead: 200,
    reviewer: 200,
    viewer: 403,
    outsider: 403,
    anonymous: 401,
  },
  'dedup.merge-above-score': {
    owner: 200,
    lead: 200,
    reviewer: 403,
    viewer: 403,
    outsider: 403,
    anonymous: 401,
  },
  'dedup.undo-merge-batch': {
    owner: 200,
    lead: 200,
    reviewer: 403,
    viewer: 403,
    outsider: 403,
    anonymous: 401,
  },
  'records.remove-before-screening': {
    owner: 200,
    lead: 200,
    reviewer: 403,
    viewer: 403,
    outsider: 403,
    anonymous: 401,
  },
  'records.restore-for-screening': {
    owner: 200,
    lead: 200,
    reviewer: 403,
    viewer: 403,
    outsider: 403,
    anonymous: 401,
  },
  ...SCREENING_COMMAND_MATRIX,
  'report.set-retrieval': {
    owner: 200,
    lead: 200,
    reviewer: 200,
    viewer: 403,
    outsider: 403,
    anonymous: 401,
  },
  'report.link-study': { owner: 200, lead: 200, reviewer: 200, viewer: 403, outsider: 403, anonymous: 401 },
  'report.unlink-study': { owner: 200, lead: 200, reviewer: 200, viewer: 403, outsider: 403, anonymous: 401 },
  'prisma.configure': { owner: 200, lead: 200, reviewer: 403, viewer: 403, outsider: 403, anonymous: 401 },
  ...REPORT_FILE_COMMAND_MATRIX,
  ...CODING_COMMAND_MATRIX,
  ...CASES_COMMAND_MATRIX,
  ...MEMO_COMMAND_MATRIX,
  ...QDPX_COMMAND_MATRIX,
};

const READ_ROUTES: Array<{ path: (projectId: string) => string; expected: Record<Actor, number> }> = [
  {
    path: () => '/api/projects',
    expected: { owner: 200, lead: 200, reviewer: 200, viewer: 200, outsider: 200, anonymous: 401 },
  },
  {
    path: () => '/api/users',
    expected: { owner: 200, lead: 200, reviewer: 200, viewer: 200, outsider: 200, anonymous: 401 },
  },
  {
    path: (p) => `/api/projects/${p}`,
    expected: { owner: 200, lead: 200, reviewer: 200, viewer: 200, outsider: 403, anonymous: 401 },
  },
  {
    path: (p) => `/api/projects/${p}/members`,
    expected: { owner: 200, lead: 200, reviewer: 200, viewer: 200, outsider: 403, anonymous: 401 },
  },
  {
    path: (p) => `/api/projects/${p}/events`,
    expected: { owner: 200, lead: 200, reviewer: 200, viewer: 200, outsider: 403, anonymous: 401 },
  },
  ...[
    'searches',
    'records',
    'duplicates',
    'identification',
    'prisma',
    'review-log',
    'screening/stages',
    ...CODING_READ_ROUTES,
    ...CASES_READ_ROUTES,
    ...MEMO_READ_ROUTES,
    ...REPORT_FILE_READ_ROUTES,
  ].map((what) => ({
    path: (p: string) => `/api/projects/${p}/${what}`,
    expected: {
      owner: 200,
      lead: 200,
      reviewer: 200,
      viewer: 200,
      outsider: 403,
      anonymous: 401,
    } as Record<Actor, number>,
  })),
];

describe.each(availableBackends())('policy matrix on %s', (backend) => {
  let t: TestServer;
  const clients = {} as Record<Actor, TestClient>;
  const ids = {} as Record<Actor, string>;

  beforeAll(async () => {
    t = await startTestServer(backend);
    clients.owner = t.client();
    const setup = await clients.owner.setup('owner', 'Olive Owner', PASSWORD);
    ids.owner = (setup.body as { user: { id: string } }).user.id;
    for (const actor of ['lead', 'reviewer', 'viewer', 'outsider'] as const) {
      const created = await clients.owner.command<{ userId: string }>('user.create', {
        username: actor,
        displayName: `${actor[0]?.toUpperCase()}${actor.slice(1)} Person`,
        password: PASSWORD,
      });
      expect(created.status).toBe(200);
      ids[actor] = created.body.result.userId;
      clients[actor] = t.client();
      expect((await clients[actor].login(actor, PASSWORD)).status).toBe(200);
    }
    await clients.owner.command('user.create', {
      username: 'spare',
      displayName: 'Spare',
      password: PASSWORD,
    });
    clients.anonymous = t.client();
  });

  afterAll(async () => t?.close());

  /** A fresh project with a lead, a reviewer and a viewer, so every cell starts from the same state. */
  async function freshProject(archived = false): Promise<string> {
    const created = await clients.owner.command<{ projectId: string }>('project.create', { name: 'Matrix' });
    const projectId = created.body.result.projectId;
    for (const role of ['lead', 'reviewer', 'viewer'] as const) {
      const added = await clients.owner.command('member.add', { username: role, role }, projectId);
      expect(added.status).toBe(200);
    }
    if (archived) await clients.owner.command('project.archive', { expectedVersion: 1 }, projectId);
    return projectId;
  }

  /** Identification fixtures made by the owner: a search, an upload, imported records, a merge. */
  async function identificationFixture(projectId: string, steps: 'search' | 'upload' | 'records' | 'group') {
    const search = await clients.owner.command<{ searchId: string }>(
      'search.create',
      { sourceType: 'database', name: 'MEDLINE' },
      projectId,
    );
    const searchId = search.body.result.searchId;
    if (steps === 'search') return { searchId, uploadId: '', recordIds: [] as string[], groupId: '' };
    const upload = await clients.owner.upload<{ uploadId: string }>(projectId, 'medline.ris', MEDLINE_RIS);
    const uploadId = upload.body.uploadId;
    if (steps === 'upload') return { searchId, uploadId, recordIds: [], groupId: '' };
    await clients.owner.command('import.records', { searchId, uploadId }, projectId);
    const rows = await t.store.db
      .selectFrom('records')
      .select('id')
      .where('project_id', '=', projectId)
      .execute();
    const recordIds = rows.map((row) => row.id).slice(0, 2);
    if (steps === 'records') return { searchId, uploadId, recordIds, groupId: '' };
    const merged = await clients.owner.command<{ groupId: string }>('dedup.merge', { recordIds }, projectId);
    return { searchId, uploadId, recordIds, groupId: merged.body.result.groupId };
  }

  /** Two overlapping imports deduplicated: one possible pair waits in the queue. */
  async function queueFixture(projectId: string) {
    const search = await clients.owner.command<{ searchId: string }>(
      'search.create',
      { sourceType: 'database', name: 'Both' },
      projectId,
    );
    for (const [name, text] of [
      ['medline.ris', MEDLINE_RIS],
      ['embase.ris', EMBASE_RIS],
    ] as const) {
      const upload = await clients.owner.upload<{ uploadId: string }>(projectId, name, text);
      await clients.owner.command(
        'import.records',
        { searchId: search.body.result.searchId, uploadId: upload.body.uploadId },
        projectId,
      );
    }
    expect((await clients.owner.command('dedup.run', {}, projectId)).status).toBe(200);
    const pending = await t.store.db
      .selectFrom('duplicate_candidates')
      .select(['record_a', 'record_b'])
      .where('project_id', '=', projectId)
      .where('status', '=', 'pending')
      .execute();
    expect(pending).toHaveLength(1);
    return pending[0] as { record_a: string; record_b: string };
  }

  async function payloadFor(type: CommandType, projectId: string, actor: Actor): Promise<unknown> {
    const screening = await screeningPayloadFor(type, projectId, actor, {
      store: t.store,
      clients,
      ids,
      records: async (id) => (await identificationFixture(id, 'records')).recordIds,
    });
    if (screening !== undefined) return screening;
    const coding = await codingPayloadFor(type, projectId, actor, clients);
    if (coding !== undefined) return coding;
    const cases = await casesPayloadFor(type, projectId, clients);
    if (cases !== undefined) return cases;
    const memo = await memoPayloadFor(type, projectId, actor, clients);
    if (memo !== undefined) return memo;
    const reportFile = await reportFilePayloadFor(
      type,
      projectId,
      clients.owner,
      async (id) => (await identificationFixture(id, 'records')).recordIds,
    );
    if (reportFile !== undefined) return reportFile;
    const qdpx = await qdpxPayloadFor(type, t.store, ids[actor]);
    if (qdpx !== undefined) return qdpx;
    switch (type) {
      case 'search.create':
        return { sourceType: 'register', name: 'ClinicalTrials.gov' };
      case 'search.update': {
        const { searchId } = await identificationFixture(projectId, 'search');
        return { searchId, expectedVersion: 1, sourceType: 'database', name: 'MEDLINE via Ovid' };
      }
      case 'import.records': {
        const { searchId, uploadId } = await identificationFixture(projectId, 'upload');
        return { searchId, uploadId };
      }
      case 'dedup.run':
        return {};
      case 'dedup.merge':
        return { recordIds: (await identificationFixture(projectId, 'records')).recordIds };
      case 'dedup.mark-not-duplicate':
        return { recordIds: (await identificationFixture(projectId, 'records')).recordIds };
      case 'dedup.unmerge':
        return { groupId: (await identificationFixture(projectId, 'group')).groupId };
      case 'dedup.unmark-not-duplicate': {
        const { recordIds } = await identificationFixture(projectId, 'records');
        await clients.owner.command('dedup.mark-not-duplicate', { recordIds }, projectId);
        return { recordIds };
      }
      case 'dedup.merge-above-score':
        await queueFixture(projectId);
        return { minScore: 0, expectedCount: 1 };
      case 'dedup.undo-merge-batch': {
        await queueFixture(projectId);
        const merged = await clients.owner.command<{ batchId: string }>(
          'dedup.merge-above-score',
          { minScore: 0, expectedCount: 1 },
          projectId,
        );
        return { batchId: merged.body.result.batchId };
      }
      case 'records.remove-before-screening':
        return {
          recordIds: (await identificationFixture(projectId, 'records')).recordIds,
          kind: 'other',
          reason: 'Retracted',
        };
      case 'records.restore-for-screening': {
        const { recordIds } = await identificationFixture(projectId, 'records');
        await clients.owner.command(
          'records.remove-before-screening',
          { recordIds, kind: 'automation', reason: 'RCT classifier' },
          projectId,
        );
        return { recordIds };
      }
      case 'report.set-retrieval': {
        const [recordId] = (await identificationFixture(projectId, 'records')).recordIds;
        return { recordId, retrieval: 'not-retrieved' };
      }
      case 'report.link-study': {
        const { recordIds } = await identificationFixture(projectId, 'records');
        return { recordIds, studyRecordId: recordIds[0] };
      }
      case 'report.unlink-study': {
        const { recordIds } = await identificationFixture(projectId, 'records');
        await clients.owner.command(
          'report.link-study',
          { recordIds, studyRecordId: recordIds[0] },
          projectId,
        );
        return { recordId: recordIds[1] };
      }
      case 'prisma.configure':
        return { expectedVersion: 0, labels: { records_screened: 'Titles and abstracts screened' } };
      case 'user.create':
        return {
          username: `u${Math.random().toString(36).slice(2, 10)}`,
          displayName: 'New',
          password: PASSWORD,
        };
      case 'project.create':
        return { name: 'Another' };
      case 'demo.create':
        return {};
      case 'project.rename':
        return { name: 'Renamed', expectedVersion: 1 };
      case 'project.describe':
        return { description: 'About', expectedVersion: 1 };
      case 'project.archive':
        return { expectedVersion: 1 };
      case 'project.unarchive':
        return { expectedVersion: 2 };
      case 'member.add':
        return { username: 'spare', role: 'reviewer' };
      case 'member.change-role':
        return { userId: ids.viewer, role: 'reviewer', expectedVersion: 1 };
      case 'member.remove':
        return { userId: ids.viewer };
    }
  }

  async function counts(projectId: string) {
    const db = t.store.db;
    const [events, commands, audit] = await Promise.all([
      db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('project_id', '=', projectId)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('commands')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('audit_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { events: Number(events.n), commands: Number(commands.n), audit: Number(audit.n) };
  }

  it('covers every command type', () => {
    expect(Object.keys(COMMAND_MATRIX).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  for (const type of COMMAND_TYPES) {
    it(`${type}: each actor gets the specified status; a refusal changes nothing but the audit log`, async () => {
      for (const actor of ACTORS) {
        const projectId = await freshProject(type === 'project.unarchive');
        const payload = await payloadFor(type, projectId, actor);
        const before = await counts(projectId);
        const response = await clients[actor].command(type, payload, projectId);
        const expected = COMMAND_MATRIX[type][actor];
        expect({ actor, status: response.status }).toEqual({ actor, status: expected });
        const after = await counts(projectId);
        if (expected === 200) {
          // demo.create also runs its follow-up commands (searches, imports, deduplication).
          if (type === 'demo.create') expect(after.commands).toBeGreaterThan(before.commands);
          else expect(after.commands).toBe(before.commands + 1);
        } else {
          expect((response.body as { code: string }).code).toBe(
            expected === 401 ? 'unauthenticated' : 'forbidden',
          );
          expect({ actor, events: after.events, commands: after.commands }).toEqual({
            actor,
            events: before.events,
            commands: before.commands,
          });
          expect(after.audit).toBe(before.audit + 1);
        }
      }
    });
  }

  it('read routes: each actor gets the specified status', async () => {
    const projectId = await freshProject();
    for (const route of READ_ROUTES) {
      for (const actor of ACTORS) {
        const response = await clients[actor].request('GET', route.path(projectId));
        expect({ route: route.path('P'), actor, status: response.status }).toEqual({
          route: route.path('P'),
          actor,
          status: route.expected[actor],
        });
      }
    }
  });

  it('a lead cannot make anyone owner nor demote an owner', async () => {
    const projectId = await freshProject();
    const promote = await clients.lead.command(
      'member.change-role',
      { userId: ids.viewer, role: 'owner', expectedVersion: 1 },
      projectId,
    );
    expect(promote.status).toBe(403);
    const demote = await clients.lead.command(
      'member.change-role',
      { userId: ids.owner, role: 'viewer', expectedVersion: 1 },
      projectId,
    );
    expect(demote.status).toBe(403);
    const last = await clients.owner.command('member.remove', { userId: ids.owner }, projectId);
    expect(last.status).toBe(409);
  });

  it('the live feed refuses non-members and anonymous clients before upgrading', async () => {
    const projectId = await freshProject();
    await expect(clients.outsider.openFeed(projectId).opened).rejects.toThrow(/403/);
    await expect(clients.anonymous.openFeed(projectId).opened).rejects.toThrow(/401/);
    const feed = clients.viewer.openFeed(projectId);
    await feed.opened;
    await expect.poll(() => feed.ready).toBe(true);
    expect(feed.events.map((e) => e.eventType)).toEqual([
      'project.created',
      'member.added',
      'member.added',
      'member.added',
    ]);
    feed.close();
  });
});
