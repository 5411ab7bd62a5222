import { randomUUID } from 'node:crypto';
import { availableBackends, createTestStore } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './start-server.js';
import type { TestClient } from './testing/test-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

const PASSWORD = 'correct horse battery';

describe.each(availableBackends())('commands over HTTP on %s', (backend) => {
  let t: TestServer;
  let owner: TestClient;

  beforeAll(async () => {
    t = await startTestServer(backend, { loginRateLimit: { max: 5, timeWindow: 60_000 } });
    owner = t.client();
    expect((await owner.setup('ana', 'Ana Silva', PASSWORD)).status).toBe(200);
  });
  afterAll(async () => t?.close());

  it('a second first-run setup is refused', async () => {
    const again = await t.client().setup('eve', 'Eve', PASSWORD);
    expect(again.status).toBe(409);
    expect((again.body as { code: string }).code).toBe('setup-done');
  });

  it('replaying a command id returns the first result and appends nothing', async () => {
    const id = randomUUID();
    const first = await owner.command<{ projectId: string }>(
      'project.create',
      { name: 'Once' },
      undefined,
      id,
    );
    const second = await owner.command<{ projectId: string }>(
      'project.create',
      { name: 'Once' },
      undefined,
      id,
    );
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.result).toEqual(first.body.result);
    expect(first.body.replayed).toBe(false);
    expect(second.body.replayed).toBe(true);
    const projects = await t.store.db.selectFrom('projects').selectAll().where('name', '=', 'Once').execute();
    expect(projects).toHaveLength(1);
  });

  it('another user cannot replay someone else’s command id', async () => {
    await owner.command('user.create', { username: 'bob', displayName: 'Bob', password: PASSWORD });
    const bob = t.client();
    await bob.login('bob', PASSWORD);
    const id = randomUUID();
    await owner.command('project.create', { name: 'Mine' }, undefined, id);
    const stolen = await bob.command('project.create', { name: 'Mine' }, undefined, id);
    expect(stolen.status).toBe(409);
  });

  it('a stale version gets 409 with the current state, and changes nothing', async () => {
    const created = await owner.command<{ projectId: string }>('project.create', { name: 'Versioned' });
    const projectId = created.body.result.projectId;
    const renamed = await owner.command<{ version: number }>(
      'project.rename',
      { name: 'V2', expectedVersion: 1 },
      projectId,
    );
    expect(renamed.body.result.version).toBe(2);
    const stale = await owner.command(
      'project.rename',
      { name: 'Lost update', expectedVersion: 1 },
      projectId,
    );
    expect(stale.status).toBe(409);
    const problem = stale.body as { code: string; current: { name: string; version: number } };
    expect(problem.code).toBe('stale-version');
    expect(problem.current).toMatchObject({ name: 'V2', version: 2 });
    const events = await owner.request<{ events: Array<{ eventType: string }> }>(
      'GET',
      `/api/projects/${projectId}/events`,
    );
    expect(events.body.events.map((e) => e.eventType)).toEqual(['project.created', 'project.renamed']);
  });

  it('an archived project refuses changes until it is restored', async () => {
    const { body } = await owner.command<{ projectId: string }>('project.create', { name: 'To archive' });
    const projectId = body.result.projectId;
    expect((await owner.command('project.archive', { expectedVersion: 1 }, projectId)).status).toBe(200);
    const refused = await owner.command('project.rename', { name: 'x', expectedVersion: 2 }, projectId);
    expect(refused.status).toBe(409);
    expect((await owner.command('project.unarchive', { expectedVersion: 2 }, projectId)).status).toBe(200);
    expect(
      (await owner.command('project.rename', { name: 'Back', expectedVersion: 3 }, projectId)).status,
    ).toBe(200);
  });

  it('invalid payloads get 400 naming the field', async () => {
    const response = await owner.command('project.create', { name: '   ' });
    expect(response.status).toBe(400);
    expect((response.body as { detail: string }).detail).toMatch(/needs a name/);
    const badType = await owner.request('POST', '/api/commands', {
      id: randomUUID(),
      type: 'project.explode',
      payload: {},
    });
    expect(badType.status).toBe(400);
    const badId = await owner.request('POST', '/api/commands', {
      id: 'not-a-uuid',
      type: 'project.create',
      payload: { name: 'x' },
    });
    expect(badId.status).toBe(400);
    const badJson = await owner.request('POST', '/api/commands', undefined, {
      'content-type': 'application/json',
    });
    expect(badJson.status).toBe(400);
  });

  it('a state change without the CSRF token is refused', async () => {
    const token = owner.csrfToken;
    owner.csrfToken = undefined;
    const response = await owner.command('project.create', { name: 'Forged' });
    owner.csrfToken = token;
    expect(response.status).toBe(403);
    const forged = await t.store.db.selectFrom('projects').selectAll().where('name', '=', 'Forged').execute();
    expect(forged).toHaveLength(0);
  });

  it('failed logins are audited and rate-limited', async () => {
    const mallory = t.client();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await mallory.login('ana', 'wrong password')).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const audit = await t.store.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('outcome', '=', 'login-failed')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(5);
  });

  it('logout ends the session', async () => {
    const c = t.client();
    await c.login('bob', PASSWORD);
    expect((await c.request('GET', '/api/session')).status).toBe(200);
    expect((await c.request('DELETE', '/api/session')).status).toBe(204);
    expect((await c.request('GET', '/api/session')).status).toBe(401);
  });

  it('a malformed project id in a URL gets 400, not a server error', async () => {
    const response = await owner.request<{ code: string }>('GET', '/api/projects/not-a-uuid');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation');
  });

  it('health reports the store kind and schema version', async () => {
    const health = await t.client().request<{ store: string; schemaVersion: number }>('GET', '/api/health');
    expect(health.body.store).toBe(backend === 'pglite' ? 'embedded' : 'server');
    expect(health.body.schemaVersion).toBeGreaterThanOrEqual(1);
  });
});

describe('binding', () => {
  it('refuses a non-loopback address while no account exists', async () => {
    const store = await createTestStore('pglite');
    try {
      await expect(startServer({ store, host: '0.0.0.0', port: 0 })).rejects.toMatchObject({
        code: 'setup-required',
      });
    } finally {
      await store.destroy();
    }
  });
});
