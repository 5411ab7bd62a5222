import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@weft/storage';
import { availableBackends, createTestStoreLocation, type TestStoreLocation } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runInProcess } from './testing/capture-io.js';
import { runCliProcess } from './testing/spawn-cli.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function expectOneLineError(result: CliResult, message: RegExp): void {
  expect(result.code, result.stderr).not.toBe(0);
  expect(result.code).not.toBe(2); // 2 is reserved for bugs
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^weft: /);
  expect(lines[0]).toMatch(message);
  expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  expect(result.stdout).toBe('');
}

function parseJson<T>(result: CliResult): T {
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

/**
 * The real CLI run in-process against a store of each kind: the store is chosen the way a user
 * chooses it, with --data-dir for PGlite and DATABASE_URL for PostgreSQL.
 */
describe.each(availableBackends())('weft commands on %s', (backend) => {
  let place: TestStoreLocation;
  let restored: TestStoreLocation | undefined;
  const savedUrl = process.env.DATABASE_URL;
  const files = mkdtempSync(join(tmpdir(), 'weft-cli-files-'));
  const storeArgs = (where: TestStoreLocation) =>
    where.options.dataDir ? ['--data-dir', where.options.dataDir] : [];
  // DATABASE_URL names the test database only while the CLI runs: the test helpers read the
  // server's admin URL from it too.
  const weft = async (args: string[], stdin?: string, where: TestStoreLocation = place) => {
    if (where.options.databaseUrl) process.env.DATABASE_URL = where.options.databaseUrl;
    try {
      return await runInProcess([...args, ...storeArgs(where)], stdin);
    } finally {
      restoreEnv();
    }
  };
  const restoreEnv = () => {
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedUrl;
  };
  let projectA = '';

  beforeAll(async () => {
    place = await createTestStoreLocation(backend);
  });
  afterAll(async () => {
    await place?.dispose();
    await restored?.dispose();
    rmSync(files, { recursive: true, force: true });
  });

  it('init creates the store and reports it as JSON', async () => {
    const report = parseJson<Record<string, unknown>>(await weft(['init', '--json']));
    expect(report).toMatchObject({ kind: backend === 'pglite' ? 'embedded' : 'server', users: 0 });
    expect(report.schemaVersion).toBeGreaterThanOrEqual(1);
  });

  it('makes the first account an admin, from a password on stdin', async () => {
    const user = parseJson<Record<string, unknown>>(
      await weft(
        ['user', 'add', 'ana', '--display-name', 'Ana A', '--password-stdin', '--json'],
        'correct horse\n',
      ),
    );
    expect(user).toMatchObject({ username: 'ana', displayName: 'Ana A', isAdmin: true, firstAccount: true });
  });

  it('refuses a password that is too short, and creates nothing', async () => {
    expectOneLineError(
      await weft(['user', 'add', 'bo', '--password-stdin'], 'short\n'),
      /password is too short/,
    );
    const users = parseJson<Array<{ username: string }>>(await weft(['user', 'list', '--json']));
    expect(users.map((u) => u.username)).toEqual(['ana']);
  });

  it('refuses to prompt without a terminal, a bad username and a taken one', async () => {
    expectOneLineError(await weft(['user', 'add', 'bo']), /--password-stdin/);
    expectOneLineError(
      await weft(['user', 'add', 'Bad Name!', '--password-stdin'], 'long enough'),
      /username/,
    );
    expectOneLineError(await weft(['user', 'add', 'ana', '--password-stdin'], 'long enough'), /taken/);
  });

  it('creates later accounts as the first admin', async () => {
    const user = parseJson<Record<string, unknown>>(
      await weft(['user', 'add', 'bo', '--password-stdin', '--json'], 'another password'),
    );
    expect(user).toMatchObject({ username: 'bo', displayName: 'bo', isAdmin: false, firstAccount: false });
    const list = await weft(['user', 'list']);
    expect(list.stdout).toMatch(/^USERNAME\s+DISPLAY NAME\s+ADMIN/);
    expect(list.stdout).toMatch(/\nbo\s+bo\s+no/);
  });

  it('creates projects, printing the id (or JSON), owned by the first admin or --owner', async () => {
    projectA = parseJson<{ id: string }>(await weft(['project', 'create', 'Review A', '--json'])).id;
    expect(projectA).toMatch(UUID);
    const plain = await weft(['project', 'create', 'Review B', '--owner', 'bo']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout.trim()).toMatch(UUID);
    expectOneLineError(
      await weft(['project', 'create', 'C', '--owner', 'nobody']),
      /No account is named "nobody"/,
    );
    expectOneLineError(await weft(['project', 'create', '   ']), /needs a name/);

    const projects = parseJson<Array<Record<string, unknown>>>(await weft(['project', 'list', '--json']));
    expect(projects).toEqual([
      expect.objectContaining({ id: projectA, name: 'Review A', archived: false, members: 1, events: 1 }),
      expect.objectContaining({
        id: plain.stdout.trim(),
        name: 'Review B',
        archived: false,
        members: 1,
        events: 1,
      }),
    ]);
    const shown = parseJson<{ members: Array<{ username: string; role: string }> }>(
      await weft(['project', 'show', projectA, '--json']),
    );
    expect(shown.members).toEqual([expect.objectContaining({ username: 'ana', role: 'owner' })]);
  });

  it('names an unknown project id, a malformed one, a missing argument and an unknown option', async () => {
    const unknown = randomUUID();
    expectOneLineError(
      await weft(['project', 'show', unknown]),
      new RegExp(`No project has the id ${unknown}`),
    );
    expectOneLineError(await weft(['project', 'show', 'not-an-id']), /"not-an-id" is not a project id/);
    expectOneLineError(
      await weft(['project', 'create']),
      /missing required argument 'name'.*weft project create --help/,
    );
    expectOneLineError(await weft(['project', 'list', '--bogus']), /unknown option '--bogus'/);
    expectOneLineError(await weft(['frobnicate']), /unknown command 'frobnicate'/);
  });

  it('shows help with exit code 0', async () => {
    const help = await weft(['user', 'add', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: weft user add \[options\] <name>/);
    expect(help.stdout).toMatch(/--password-stdin/);
    expect(help.stdout).toMatch(/instance administrator/);
  });

  it('backs up, refuses a non-empty target, and restores into an empty store', async () => {
    const file = join(files, 'all.weft-backup.gz');
    const summary = parseJson<{ tables: Record<string, number> }>(await weft(['backup', file, '--json']));
    expect(summary.tables).toMatchObject({ users: 2, projects: 2, members: 2, events: 2 });
    expectOneLineError(await weft(['backup', file]), /already exists/);
    expectOneLineError(await weft(['restore', file]), /is not empty.*Nothing was changed/);
    expectOneLineError(await weft(['restore', join(files, 'missing.gz')]), /missing\.gz: no such file/);

    restored = await createTestStoreLocation(backend);
    const back = parseJson<{ tables: Record<string, number> }>(
      await weft(['restore', file, '--json'], '', restored),
    );
    expect(back.tables).toEqual(summary.tables);
    const before = parseJson(await weft(['project', 'list', '--json']));
    expect(parseJson(await weft(['project', 'list', '--json'], '', restored))).toEqual(before);
  });

  it('records the CLI’s commands under the first admin account', async () => {
    const store = await openStore(place.options);
    try {
      const ana = await store.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'ana')
        .executeTakeFirstOrThrow();
      const bo = await store.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'bo')
        .executeTakeFirstOrThrow();
      const ledger = await store.db
        .selectFrom('commands')
        .select(['type', 'actor_id', 'payload'])
        .orderBy('at')
        .execute();
      expect(ledger.map((c) => [c.type, c.actor_id])).toEqual([
        ['user.create', ana.id],
        ['user.create', ana.id],
        ['project.create', ana.id],
        ['project.create', bo.id],
      ]);
      // Passwords never reach the ledger (it is in every backup).
      expect(JSON.stringify(ledger)).not.toMatch(/another password|correct horse/);
    } finally {
      await store.close();
    }
  });
});

describe('weft as a separate process', () => {
  it('refuses a too-short password from stdin with one line and exit code 1', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'weft-cli-proc-'));
    try {
      const result = await runCliProcess(['user', 'add', 'ana', '--password-stdin', '--data-dir', dataDir], {
        stdin: 'short\n',
      });
      expect(result.code).toBe(1);
      expectOneLineError(result, /password is too short/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
