import { availableBackends, createTestStoreLocation } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, spawnServer } from './testing/spawn-server.js';
import { type LiveFeed, TestClient } from './testing/test-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

const PASSWORD = 'correct horse battery';

function seqs(feed: LiveFeed): number[] {
  return feed.events.map((e) => e.seq);
}

function oneToN(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

describe.each(availableBackends())('live feed on %s', (backend) => {
  let t: TestServer;
  let owner: TestClient;
  let projectId: string;

  beforeAll(async () => {
    t = await startTestServer(backend);
    owner = t.client();
    await owner.setup('ana', 'Ana Silva', PASSWORD);
    const created = await owner.command<{ projectId: string }>('project.create', { name: 'Live' });
    projectId = created.body.result.projectId;
  });
  afterAll(async () => t?.close());

  it('replays missed events, then streams live ones, and resumes after a reconnect with no gap or duplicate', async () => {
    const feed = owner.openFeed(projectId, 0);
    await feed.opened;
    await expect.poll(() => feed.ready).toBe(true);
    expect(seqs(feed)).toEqual([1]);

    let version = 1;
    for (let i = 0; i < 5; i++) {
      const renamed = await owner.command<{ version: number }>(
        'project.rename',
        { name: `Live ${i}`, expectedVersion: version },
        projectId,
      );
      version = renamed.body.result.version;
    }
    await expect.poll(() => feed.events.length).toBe(6);
    feed.close();

    // While disconnected, more happens.
    for (let i = 5; i < 8; i++) {
      const renamed = await owner.command<{ version: number }>(
        'project.rename',
        { name: `Live ${i}`, expectedVersion: version },
        projectId,
      );
      version = renamed.body.result.version;
    }
    const resumed = owner.openFeed(projectId, feed.lastSeq());
    await resumed.opened;
    await expect.poll(() => resumed.ready).toBe(true);
    expect(seqs(resumed)).toEqual([7, 8, 9]);
    await owner.command(
      'project.describe',
      { description: 'now live again', expectedVersion: version },
      projectId,
    );
    await expect.poll(() => seqs(resumed)).toEqual([7, 8, 9, 10]);
    expect(resumed.events.at(-1)?.eventType).toBe('project.described');
    resumed.close();
  });

  it('a member removed from the project is cut off from the feed', async () => {
    await owner.command('user.create', { username: 'rita', displayName: 'Rita', password: PASSWORD });
    const added = await owner.command<{ userId: string }>(
      'member.add',
      { username: 'rita', role: 'reviewer' },
      projectId,
    );
    const rita = t.client();
    await rita.login('rita', PASSWORD);
    const feed = rita.openFeed(projectId, 0);
    await feed.opened;
    await expect.poll(() => feed.ready).toBe(true);
    await owner.command('member.remove', { userId: added.body.result.userId }, projectId);
    await expect.poll(() => feed.closed).toBe(true);
    expect(feed.events.at(-1)?.eventType).toBe('member.removed');
  });
});

describe.runIf(availableBackends().includes('postgres'))('two server processes on one PostgreSQL', () => {
  let place: Awaited<ReturnType<typeof createTestStoreLocation>>;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    place = await createTestStoreLocation('postgres');
    const url = place.options.databaseUrl as string;
    [a, b] = await Promise.all([spawnServer(url), spawnServer(url)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await place?.dispose();
  });

  it('each instance streams the other’s events in seq order, with no gap or duplicate, across a reconnect', async () => {
    const onA = new TestClient(a.url);
    await onA.setup('ana', 'Ana Silva', PASSWORD);
    await onA.command('user.create', { username: 'ben', displayName: 'Ben', password: PASSWORD });
    const projectId = (await onA.command<{ projectId: string }>('project.create', { name: 'Shared' })).body
      .result.projectId;
    await onA.command('member.add', { username: 'ben', role: 'lead' }, projectId);
    const onB = new TestClient(b.url);
    await onB.login('ben', PASSWORD);

    const feedA = onA.openFeed(projectId, 0);
    let feedB = onB.openFeed(projectId, 0);
    await Promise.all([feedA.opened, feedB.opened]);

    // Refused commands on both instances at once (no such account) must leave no event anywhere.
    const writes: Array<Promise<{ status: number }>> = [];
    for (let i = 0; i < 20; i++) {
      const client = i % 2 === 0 ? onA : onB;
      writes.push(client.command('member.add', { username: 'nobody', role: 'viewer' }, projectId));
    }
    expect((await Promise.all(writes)).map((w) => w.status)).toEqual(Array(20).fill(400));
    let version = 1;
    for (let i = 0; i < 10; i++) {
      const client = i % 2 === 0 ? onA : onB;
      const r = await client.command<{ version: number }>(
        'project.rename',
        { name: `Shared ${i}`, expectedVersion: version },
        projectId,
      );
      expect(r.status).toBe(200);
      version = r.body.result.version;
      if (i === 4) {
        feedB.close();
        await expect.poll(() => feedB.closed).toBe(true);
      }
      if (i === 7) {
        const seen = feedB.lastSeq();
        const events = feedB.events;
        feedB = onB.openFeed(projectId, seen);
        feedB.events.unshift(...events);
        await feedB.opened;
      }
    }
    const total = 2 + 10;
    await expect.poll(() => seqs(feedA), { timeout: 10_000 }).toEqual(oneToN(total));
    await expect.poll(() => seqs(feedB), { timeout: 10_000 }).toEqual(oneToN(total));
    expect(feedA.events.map((e) => e.eventType)).toEqual(feedB.events.map((e) => e.eventType));
    feedA.close();
    feedB.close();
  }, 60_000);
});
