// Delay from a command's HTTP acknowledgement to its event arriving on a WebSocket subscriber
// of ANOTHER server process on the same PostgreSQL database (NOTIFY → read log → send).
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { BenchClient, createTempDir, PASSWORD, REPO, sleep, spawnServer } from './foundation-support.mjs';
import { median, percentile } from './report.mjs';

// `ws` is a dependency of the server package; resolve it from there, as the server does.
const WebSocket = createRequire(`${REPO}packages/server/package.json`)('ws');

/** Subscribes to every project; calls `onEvent(projectId, seq, at)` for each event. */
async function subscribe(baseUrl, session, projectIds, onEvent) {
  const sockets = await Promise.all(
    projectIds.map(
      (projectId) =>
        new Promise((resolve, reject) => {
          const url = `${baseUrl.replace(/^http/, 'ws')}/api/projects/${projectId}/events?after=0`;
          const socket = new WebSocket(url, { headers: { cookie: session.cookie } });
          const timer = setTimeout(() => reject(new Error('live feed not ready within 10 s')), 10_000);
          socket.on('message', (data) => {
            const at = performance.now();
            const message = JSON.parse(String(data));
            if (message.kind === 'event') onEvent(projectId, message.event.seq, at);
            if (message.kind === 'ready') {
              clearTimeout(timer);
              resolve(socket);
            }
          });
          socket.once('error', reject);
          socket.once('unexpected-response', (_req, res) =>
            reject(new Error(`live feed: HTTP ${res.statusCode}`)),
          );
        }),
    ),
  );
  return () => {
    for (const socket of sockets) socket.terminate();
  };
}

/** Pairs acknowledgements with events, whichever arrives first. */
class DelayBook {
  acks = new Map();
  events = new Map();
  delays = [];
  eventFirst = 0;
  key = (projectId, seq) => `${projectId}:${seq}`;
  ack(projectId, seq, at) {
    const k = this.key(projectId, seq);
    const seen = this.events.get(k);
    if (seen === undefined) return this.acks.set(k, at);
    this.events.delete(k);
    this.eventFirst++;
    this.delays.push(Math.max(0, seen - at));
  }
  event(projectId, seq, at) {
    const k = this.key(projectId, seq);
    const acked = this.acks.get(k);
    if (acked === undefined) return this.events.set(k, at);
    this.acks.delete(k);
    this.delays.push(at - acked);
  }
  async settle(timeoutMs = 10_000) {
    const deadline = performance.now() + timeoutMs;
    while (this.acks.size > 0 && performance.now() < deadline) await sleep(5);
    return this.acks.size; // events never delivered
  }
}

function summary(name, book, lost, extra = {}) {
  return {
    name,
    samples: book.delays.length,
    lost,
    eventFirst: book.eventFirst,
    p50: percentile(book.delays, 50),
    p95: percentile(book.delays, 95),
    max: book.delays.length ? Math.max(...book.delays) : Number.NaN,
    median: median(book.delays),
    ...extra,
  };
}

/**
 * Idle: one writer, one command at a time, waiting for its event (plus a short pause) before
 * the next. Loaded: 20 writers renaming their own projects as fast as they can.
 */
export async function measureLive({ backend, databaseUrl, cleanup, quick, log }) {
  const idleCommands = quick ? 50 : 200;
  const loadedMs = quick ? 2000 : 5000;
  const storeOptions =
    backend === 'postgres' ? { databaseUrl, poolSize: 10 } : { dataDir: createTempDir(cleanup) };
  const writerServer = await spawnServer(storeOptions, cleanup);
  // PGlite is one process's store: there the subscriber is on the same instance.
  const readerServer = backend === 'postgres' ? await spawnServer(storeOptions, cleanup) : writerServer;

  const owner = new BenchClient(writerServer.url);
  cleanup.add(async () => owner.close());
  // A fresh database has no owner yet; the throughput run on the same database made one.
  const login = await owner.request('POST', '/api/session', { username: 'bench', password: PASSWORD });
  if (login.status === 200) owner.csrfToken = login.body.csrfToken;
  else await owner.setup();

  const writers = Array.from({ length: 20 }, () => new BenchClient(writerServer.url, owner.session));
  cleanup.add(async () => {
    for (const w of writers) w.close();
  });
  const projects = [];
  for (let i = 0; i < writers.length; i++) {
    const created = await owner.ok('project.create', { name: `Live ${i}` });
    projects.push({ id: created.result.projectId, version: 1, n: 0 });
  }
  const book = new DelayBook();
  let current = book;
  const unsubscribe = await subscribe(
    readerServer.url,
    owner.session,
    projects.map((p) => p.id),
    (projectId, seq, at) => current.event(projectId, seq, at),
  );
  cleanup.add(async () => unsubscribe());

  const rename = async (i) => {
    const p = projects[i];
    p.n++;
    const r = await writers[i].ok(
      'project.rename',
      { name: `Live ${i} #${p.n}`, expectedVersion: p.version },
      p.id,
    );
    book.ack(p.id, r.seq, performance.now());
    p.version = r.result.version;
  };

  log(`foundation: ${backend}: live feed, idle (${idleCommands} commands)`);
  const idleDeadline = performance.now() + 60_000;
  for (let k = 0; k < idleCommands && performance.now() < idleDeadline; k++) {
    await rename(0);
    await book.settle(2000);
    await sleep(10);
  }
  const idle = summary('idle: 1 writer, one command at a time', book, await book.settle());

  log(`foundation: ${backend}: live feed, loaded (20 writers, ${loadedMs / 1000} s)`);
  const loadedBook = new DelayBook();
  current = loadedBook;
  const rate0 = performance.now();
  let commands = 0;
  await Promise.all(
    writers.map(async (_, i) => {
      while (performance.now() - rate0 < loadedMs && commands < 100_000) {
        commands++;
        const p = projects[i];
        p.n++;
        const r = await writers[i].ok(
          'project.rename',
          { name: `Live ${i} #${p.n}`, expectedVersion: p.version },
          p.id,
        );
        loadedBook.ack(p.id, r.seq, performance.now());
        p.version = r.result.version;
      }
    }),
  );
  const perSecond = (commands / (performance.now() - rate0)) * 1000;
  const loaded = summary('loaded: 20 writers, as fast as they can', loadedBook, await loadedBook.settle(), {
    commandsPerSecond: perSecond,
  });
  unsubscribe();
  await Promise.all([writerServer.stop(), readerServer.stop()]);
  return { backend, crossProcess: backend === 'postgres', rows: [idle, loaded] };
}
