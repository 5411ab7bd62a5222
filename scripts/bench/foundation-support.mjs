// Shared plumbing of the foundation benchmarks: a keep-alive HTTP client, throwaway stores,
// server child processes and a cleanup stack that also runs on Ctrl-C.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SERVER_SCRIPT = fileURLToPath(new URL('./foundation-server.mjs', import.meta.url));
export const PASSWORD = 'bench horse battery staple';

/** Undo steps, run last-in first-out, once, whether the benchmark succeeds or not. */
export class Cleanup {
  steps = [];
  add(step) {
    this.steps.push(step);
    return step;
  }
  async run() {
    while (this.steps.length > 0) {
      const step = this.steps.pop();
      try {
        await step();
      } catch (error) {
        console.error(`bench: cleanup step failed: ${error.message}`);
      }
    }
  }
}

/** One simulated browser: one keep-alive connection, the session cookie and the CSRF token. */
export class BenchClient {
  constructor(baseUrl, session = {}) {
    this.base = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    this.cookie = session.cookie;
    this.csrfToken = session.csrfToken;
  }

  get session() {
    return { cookie: this.cookie, csrfToken: this.csrfToken };
  }

  request(method, path, body) {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const headers = {};
    if (data !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(data);
    }
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.base.hostname,
          port: this.base.port,
          method,
          path,
          headers,
          agent: this.agent,
          timeout: 30_000,
        },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            const setCookie = res.headers['set-cookie'];
            if (setCookie?.[0]) this.cookie = setCookie[0].split(';')[0];
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode, body: text ? JSON.parse(text) : undefined });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on('error', reject);
      req.end(data);
    });
  }

  async setup(username = 'bench') {
    const r = await this.request('POST', '/api/setup', {
      username,
      displayName: 'Bench',
      password: PASSWORD,
    });
    if (r.status !== 200) throw new Error(`setup failed: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    this.csrfToken = r.body.csrfToken;
  }

  async command(type, payload, projectId) {
    return this.request('POST', '/api/commands', { id: randomUUID(), type, projectId, payload });
  }

  /** A command that must succeed; returns its `result` and `seq`. */
  async ok(type, payload, projectId) {
    const r = await this.command(type, payload, projectId);
    if (r.status !== 200) throw new Error(`${type} failed: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  close() {
    this.agent.destroy();
  }
}

/** A fresh database on the PostgreSQL server of DATABASE_URL, dropped by cleanup. */
export async function createBenchDatabase(adminUrl, cleanup) {
  const name = `weft_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  cleanup.add(async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(`drop database if exists ${name} with (force)`);
    } finally {
      await client.end();
    }
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function createTempDir(cleanup, prefix = 'weft-bench-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanup.add(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const children = new Set();
// Last resort: a crashed or interrupted bench must not leave servers holding ports and locks.
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

export function trackChild(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function stopChild(child, timeoutMs = 10_000) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Runs the real startServer in its own Node process (so the load generator does not share
 * its event loop), on `{dataDir}` or `{databaseUrl}`; resolves with its URL.
 */
export async function spawnServer(storeOptions, cleanup) {
  const child = trackChild(
    spawn(process.execPath, [SERVER_SCRIPT], {
      cwd: REPO,
      env: { ...process.env, WEFT_BENCH_STORE: JSON.stringify(storeOptions) },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  cleanup.add(() => stopChild(child));
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench server did not start within 60 s')), 60_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line).url);
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { url, child, stop: () => stopChild(child) };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux; undefined
 * elsewhere). Unlike wall-clock rates it barely moves when other work shares the cores.
 */
export function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (USER_HZ, 100 on Linux).
    return ((Number(fields[11]) + Number(fields[12])) / 100) * 1000;
  } catch {
    return undefined;
  }
}
