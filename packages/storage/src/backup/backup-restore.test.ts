import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeInLedger } from '../command-ledger.js';
import type { Store } from '../open-store.js';
import { writeAudit } from '../repositories/audit.js';
import { insertUser } from '../repositories/users.js';
import { TABLES_IN_DEPENDENCY_ORDER } from '../schema.js';
import { availableBackends, type BackendName, createTestStore, type TestStore } from '../testing/index.js';
import { BACKUP_TABLES } from './backup-format.js';
import { restoreBackup } from './restore-backup.js';
import { primaryKeyColumns } from './table-catalog.js';
import { writeBackup } from './write-backup.js';

const folder = mkdtempSync(join(tmpdir(), 'weft-backup-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Every row of every table (sessions too) as PostgreSQL's JSON text in UTC, in primary-key order. */
async function dump(store: Store): Promise<Record<string, string[]>> {
  return store.db.transaction().execute(async (trx) => {
    await sql`set local time zone 'UTC'`.execute(trx);
    const out: Record<string, string[]> = {};
    for (const table of TABLES_IN_DEPENDENCY_ORDER) {
      const keys = await primaryKeyColumns(trx, table);
      const rows = await sql<{ row: string }>`select row_to_json(t)::text as row from ${sql.table(table)} t
        order by ${sql.join(keys.map((k) => sql.ref(`t.${k}`)))}`.execute(trx);
      out[table] = rows.rows.map((r) => r.row);
    }
    return out;
  });
}

/**
 * Data that catches lossy round trips: microsecond timestamps, integers beyond 2^53 and
 * decimals in jsonb, non-BMP characters, nulls, several projects with event logs.
 */
async function seed(store: Store): Promise<void> {
  const admin = await insertUser(store.db, {
    id: randomUUID(),
    username: 'ana',
    displayName: 'Ana Ñúñez 🧵',
    passwordHash: 'scrypt$abc',
    isAdmin: true,
    createdAt: new Date('2024-02-29T12:34:56.789Z'),
  });
  const bo = await insertUser(store.db, {
    id: randomUUID(),
    username: 'bo',
    displayName: 'Bo',
    passwordHash: 'scrypt$def',
    isAdmin: false,
    createdAt: new Date(),
  });
  await sql`update users set created_at = '2023-01-01 00:00:00.123456+00' where id = ${bo.id}`.execute(
    store.db,
  );
  const actor = { id: admin.id, displayName: admin.displayName };
  for (const name of ['Alpha', 'Beta']) {
    const projectId = randomUUID();
    await executeInLedger(
      store.db,
      { id: randomUUID(), type: 'project.create', payload: { name } },
      actor,
      async (trx, at) => {
        await trx
          .insertInto('projects')
          .values({
            id: projectId,
            name,
            description: '',
            archived: false,
            version: 1,
            created_at: at,
            created_by: admin.id,
            last_seq: 0,
          })
          .execute();
        await trx
          .insertInto('members')
          .values([
            { project_id: projectId, user_id: admin.id, role: 'owner', version: 1, added_at: at },
            { project_id: projectId, user_id: bo.id, role: 'reviewer', version: 2, added_at: at },
          ])
          .execute();
        return {
          result: { projectId },
          event: { projectId, eventType: 'project.created', payload: { name } },
        };
      },
    );
    for (let i = 0; i < 5; i++) {
      await executeInLedger(
        store.db,
        { id: randomUUID(), type: 'project.describe', projectId, payload: { n: i } },
        actor,
        async () => ({
          result: { big: 2 ** 60, exact: 0.1 + i },
          event: {
            projectId,
            eventType: 'project.described',
            payload: {
              description: `Δ ${i} “quoted” \\ back\nslash`,
              nested: { list: [1, null, true, 'x'] },
              i,
            },
          },
        }),
      );
    }
  }
  // jsonb written as SQL text keeps numbers JavaScript cannot represent.
  await sql`update commands set result = '{"big": 123456789012345678901234567890, "scale": 1.50}'::jsonb
    where type = 'project.create'`.execute(store.db);
  await writeAudit(store.db, {
    actorId: null,
    projectId: null,
    action: 'login',
    outcome: 'login-failed',
    detail: { ip: '::1' },
  });
  await writeAudit(store.db, {
    actorId: admin.id,
    projectId: null,
    action: 'user.create',
    outcome: 'denied',
  });
  // Enough rows to need several cursor fetches on backup and several batches on restore.
  await sql`insert into audit_entries (at, actor_id, project_id, action, outcome, detail)
    select timestamptz '2024-01-01 00:00:00.000001+00' + g * interval '1.000001 second', null, null,
      'login', 'login-failed', jsonb_build_object('n', g, 'ip', '10.0.0.' || (g % 256))
    from generate_series(1, 2500) g`.execute(store.db);
  await store.db
    .insertInto('sessions')
    .values({
      id: 'hash',
      user_id: admin.id,
      csrf_token: 'csrf',
      created_at: new Date(),
      expires_at: new Date(),
    })
    .execute();
}

describe.each(availableBackends())('backup from %s', (sourceBackend) => {
  let source: TestStore;
  let file: string;
  let before: Record<string, string[]>;

  beforeAll(async () => {
    source = await createTestStore(sourceBackend);
    await seed(source);
    before = await dump(source);
    file = join(folder, `${sourceBackend}.weft-backup.gz`);
    const summary = await writeBackup(source, file);
    expect(summary.tables).toMatchObject({
      users: 2,
      projects: 2,
      members: 4,
      commands: 12,
      events: 12,
      audit_entries: 2502,
    });
  });
  afterAll(async () => source?.destroy());

  it.each(availableBackends())(
    'restores into an empty %s store with identical data',
    async (targetBackend: BackendName) => {
      const target = await createTestStore(targetBackend);
      try {
        const summary = await restoreBackup(target, file);
        expect(summary.tables.events).toBe(12);
        const after = await dump(target);
        for (const table of BACKUP_TABLES) expect(after[table], table).toEqual(before[table]);
        expect(after.sessions).toEqual([]);
        // The ids restored explicitly must not collide with the next ones the store hands out.
        await writeAudit(target.db, { actorId: null, projectId: null, action: 'login', outcome: 'login' });
        const ids = await target.db.selectFrom('audit_entries').select('id').orderBy('id').execute();
        expect(new Set(ids.map((r) => r.id)).size).toBe(2503);
      } finally {
        await target.destroy();
      }
    },
  );

  it('writes every table in dependency order with a header that counts them', () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0] ?? '');
    expect(header).toMatchObject({ format: 'weft-backup', version: 1, schemaVersion: source.schemaVersion });
    const tables = lines.slice(1, -1).map((line) => JSON.parse(line).table as string);
    const distinct = [...new Set(tables)];
    expect(distinct).toEqual(BACKUP_TABLES.filter((table) => distinct.includes(table)));
    expect(distinct).toEqual(
      expect.arrayContaining(['users', 'projects', 'members', 'commands', 'events', 'audit_entries']),
    );
    expect(JSON.parse(lines.at(-1) ?? '')).toEqual({ end: true, rows: tables.length });
  });

  it('refuses a non-empty target and changes nothing', async () => {
    await expect(restoreBackup(source, file)).rejects.toThrow(/is not empty .*Nothing was changed/);
    expect(await dump(source)).toEqual(before);
  });

  it('refuses to overwrite an existing file', async () => {
    await expect(writeBackup(source, file)).rejects.toThrow(/already exists/);
  });

  describe('damaged files restore nothing', () => {
    let target: TestStore;
    beforeAll(async () => {
      target = await createTestStore(sourceBackend);
    });
    afterAll(async () => target?.destroy());

    const lines = () => gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const variants: Array<[string, () => Buffer, RegExp]> = [
      [
        'cut mid-stream (bytes)',
        () => readFileSync(file).subarray(0, Math.floor(readFileSync(file).length * 0.6)),
        /line \d+: the file is cut off/,
      ],
      [
        'cut at a line boundary',
        () => gzipSync(lines().slice(0, 20).join('\n')),
        /line 21: the file ends early/,
      ],
      [
        'missing its end marker',
        () => gzipSync(`${lines().slice(0, -2).join('\n')}\n`),
        /line \d+: the file ends without its end marker/,
      ],
      [
        'a corrupt line',
        () =>
          gzipSync(
            lines()
              .map((l, i) => (i === 15 ? l.slice(0, 30) : l))
              .join('\n'),
          ),
        /line 16: not valid JSON/,
      ],
      [
        'a row the store refuses',
        () =>
          gzipSync(
            lines()
              .map((l, i) => (i === 10 ? l.replace(/"at":"[^"]+"/, '"at":"not a date"') : l))
              .join('\n'),
          ),
        /line 11: the store refuses this commands row/,
      ],
      ['not gzip', () => Buffer.from('hello\n'), /line 1: it is not a gzip-compressed Weft backup/],
      [
        'a newer schema',
        () =>
          gzipSync(
            lines()
              .map((l, i) => (i === 0 ? l.replace(/"schemaVersion":\d+/, '"schemaVersion":999') : l))
              .join('\n'),
          ),
        /newer version of Weft/,
      ],
    ];
    it.each(variants)('refuses a backup %s, naming file and line', async (_name, make, message) => {
      const damagedFile = join(folder, `damaged-${sourceBackend}-${randomUUID()}.gz`);
      writeFileSync(damagedFile, make());
      const error = await restoreBackup(target, damagedFile).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error?.message).toContain(damagedFile);
      expect(error?.message).toMatch(message);
      const after = await dump(target);
      for (const table of BACKUP_TABLES) expect(after[table], table).toEqual([]);
    });

    it('names a missing file', async () => {
      await expect(restoreBackup(target, join(folder, 'nope.gz'))).rejects.toThrow(/nope\.gz: no such file/);
    });
  });
});
