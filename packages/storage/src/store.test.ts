import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { executeInLedger } from './command-ledger.js';
import { readEvents } from './event-log.js';
import { openStore } from './open-store.js';
import { insertUser } from './repositories/users.js';
import {
  availableBackends,
  createTestStore,
  createTestStoreLocation,
  type TestStore,
} from './testing/index.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function freshStore(backend: 'pglite' | 'postgres'): Promise<TestStore> {
  const store = await createTestStore(backend);
  cleanups.push(() => store.destroy());
  return store;
}

async function seedProject(store: TestStore) {
  const user = await insertUser(store.db, {
    id: randomUUID(),
    username: `ana${Math.random().toString(36).slice(2, 8)}`,
    displayName: 'Ana',
    passwordHash: 'x',
    isAdmin: true,
    createdAt: new Date(),
  });
  const projectId = randomUUID();
  await store.db
    .insertInto('projects')
    .values({
      id: projectId,
      name: 'P',
      description: '',
      archived: false,
      version: 1,
      created_at: new Date(),
      created_by: user.id,
      last_seq: 0,
    })
    .execute();
  return { user, projectId, actor: { id: user.id, displayName: user.displayName } };
}

describe.each(availableBackends())('store on %s', (backend) => {
  it('reports its kind and schema version', async () => {
    const store = await freshStore(backend);
    expect(store.kind).toBe(backend === 'pglite' ? 'embedded' : 'server');
    expect(store.schemaVersion).toBeGreaterThanOrEqual(1);
  });

  it('rejects UPDATE, DELETE and TRUNCATE on the event log', async () => {
    const store = await freshStore(backend);
    const { projectId, actor } = await seedProject(store);
    await executeInLedger(
      store.db,
      { id: randomUUID(), type: 't', projectId, payload: {} },
      actor,
      async () => ({
        result: 1,
        event: { projectId, eventType: 'test.happened', payload: { n: 1 } },
      }),
    );
    await expect(sql`update events set type = 'forged'`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from events`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate events`.execute(store.db)).rejects.toThrow(/append-only/);
    const events = await readEvents(store.db, projectId, 0);
    expect(events.map((e) => e.eventType)).toEqual(['test.happened']);
  });

  it('replays a command id without changing anything, even when the copies race', async () => {
    const store = await freshStore(backend);
    const { projectId, actor } = await seedProject(store);
    const command = { id: randomUUID(), type: 't', projectId, payload: {} };
    let applied = 0;
    const handler = async () => {
      applied++;
      return { result: { n: applied }, event: { projectId, eventType: 'test.happened', payload: {} } };
    };
    const [a, b] = await Promise.all([
      executeInLedger(store.db, command, actor, handler),
      executeInLedger(store.db, command, actor, handler),
    ]);
    const c = await executeInLedger(store.db, command, actor, handler);
    expect([a.replayed, b.replayed].filter(Boolean)).toHaveLength(1);
    expect(c.replayed).toBe(true);
    expect(a.result).toEqual(b.result);
    expect(c.result).toEqual(a.result);
    expect(await readEvents(store.db, projectId, 0)).toHaveLength(1);
  });

  it('rolls back the whole command when its handler fails', async () => {
    const store = await freshStore(backend);
    const { projectId, actor } = await seedProject(store);
    await expect(
      executeInLedger(
        store.db,
        { id: randomUUID(), type: 't', projectId, payload: {} },
        actor,
        async (trx) => {
          await trx.updateTable('projects').set({ name: 'changed' }).where('id', '=', projectId).execute();
          throw new Error('boom');
        },
      ),
    ).rejects.toThrow('boom');
    const project = await store.db
      .selectFrom('projects')
      .selectAll()
      .where('id', '=', projectId)
      .executeTakeFirstOrThrow();
    expect(project.name).toBe('P');
    expect(project.last_seq).toBe(0);
    expect(await store.db.selectFrom('commands').selectAll().execute()).toHaveLength(0);
  });

  it('numbers events 1..n with no gap under concurrent writers and failed commands', async () => {
    const store = await freshStore(backend);
    const { projectId, actor } = await seedProject(store);
    const runs = Array.from({ length: 30 }, (_, i) =>
      executeInLedger(
        store.db,
        { id: randomUUID(), type: 't', projectId, payload: { i } },
        actor,
        async () => {
          if (i % 7 === 3) throw new Error('refused');
          return { result: i, event: { projectId, eventType: 'test.happened', payload: { i } } };
        },
      ).catch(() => undefined),
    );
    await Promise.all(runs);
    const events = await readEvents(store.db, projectId, 0);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    expect(events).toHaveLength(30 - 4);
  });

  // Only a server has concurrent transactions: the embedded store runs one at a time.
  it.runIf(backend === 'postgres')(
    'takes the project row before the handler runs, so project writers never wait on each other in a cycle',
    async () => {
      const store = await freshStore(backend);
      const { projectId, actor } = await seedProject(store);
      // Another writer of the project (a finished model run, say) holds its row; the command's
      // handler must not start, and take locks of its own, until that writer has committed.
      let released = false;
      let handlerSawRelease: boolean | undefined;
      await store.db.transaction().execute(async (trx) => {
        await trx.selectFrom('projects').select('id').where('id', '=', projectId).forUpdate().execute();
        const command = executeInLedger(
          store.db,
          { id: randomUUID(), type: 't', projectId, payload: {} },
          actor,
          async () => {
            handlerSawRelease = released;
            return { result: 1, event: { projectId, eventType: 'test.happened', payload: {} } };
          },
        );
        cleanups.push(async () => {
          await command;
        });
        await new Promise((resolve) => setTimeout(resolve, 100));
        released = true;
      });
      await cleanups.pop()?.();
      expect(handlerSawRelease).toBe(true);
    },
  );

  it('delivers a notification for a committed event, not for a rolled back one', async () => {
    const store = await freshStore(backend);
    const { projectId, actor } = await seedProject(store);
    const received: string[] = [];
    const unlisten = await store.listen('weft_events', (payload) => received.push(payload));
    await executeInLedger(
      store.db,
      { id: randomUUID(), type: 't', projectId, payload: {} },
      actor,
      async () => {
        throw new Error('no');
      },
    ).catch(() => undefined);
    await executeInLedger(
      store.db,
      { id: randomUUID(), type: 't', projectId, payload: {} },
      actor,
      async () => ({
        result: 1,
        event: { projectId, eventType: 'test.happened', payload: {} },
      }),
    );
    await expect.poll(() => received.length, { timeout: 5000 }).toBe(1);
    expect(JSON.parse(received[0] ?? '{}')).toEqual({ projectId, seq: 1 });
    await unlisten();
  });

  it('refuses a store written by a newer schema and changes nothing', async () => {
    const place = await createTestStoreLocation(backend);
    cleanups.push(() => place.dispose());
    const first = await openStore(place.options);
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01')`.execute(
      first.db,
    );
    await first.close();
    await expect(openStore(place.options)).rejects.toThrow(/newer version of Weft.*9999-from-the-future/);
  });
});

describe.runIf(availableBackends().includes('postgres'))('server store', () => {
  it('survives the server terminating its idle connections, and reconnects', async () => {
    const store = await freshStore('postgres');
    await sql`select 1`.execute(store.db);
    const name = (await sql<{ db: string }>`select current_database() as db`.execute(store.db)).rows[0]?.db;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
    } finally {
      await admin.end();
    }
    // Give the pool time to see the termination (an unhandled pool error would crash here).
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await sql<{ one: number }>`select 1 as one`.execute(store.db);
    expect(after.rows[0]?.one).toBe(1);
  });
});

describe('embedded store lock', () => {
  it('refuses a second opener naming the holder, and opens again once released', async () => {
    const place = await createTestStoreLocation('pglite');
    cleanups.push(() => place.dispose());
    const first = await openStore(place.options);
    const second = openStore(place.options);
    await expect(second).rejects.toThrow(new RegExp(`in use by another Weft process \\(PID ${process.pid}`));
    await first.close();
    const again = await openStore(place.options);
    await again.close();
  });

  it('refuses when a live process of another program holds the lock file', async () => {
    const place = await createTestStoreLocation('pglite');
    cleanups.push(() => place.dispose());
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    cleanups.push(async () => void holder.kill('SIGKILL'));
    const dataDir = place.options.dataDir as string;
    const { hostname } = await import('node:os');
    writeFileSync(
      join(dataDir, 'weft.lock'),
      JSON.stringify({ pid: holder.pid, host: hostname(), startedAt: 'x' }),
    );
    await expect(openStore(place.options)).rejects.toMatchObject({ code: 'store-locked' });
    await expect(openStore(place.options)).rejects.toThrow(new RegExp(`PID ${holder.pid}`));
  });

  it('takes over a lock left by a dead process', async () => {
    const place = await createTestStoreLocation('pglite');
    cleanups.push(() => place.dispose());
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    const { hostname } = await import('node:os');
    writeFileSync(
      join(place.options.dataDir as string, 'weft.lock'),
      JSON.stringify({ pid: dead.pid, host: hostname(), startedAt: 'x' }),
    );
    const store = await openStore(place.options);
    expect(store.kind).toBe('embedded');
    await store.close();
  });
});
