// Commands per second and latency through the real HTTP API: each client owns one project
// and renames it in a loop with its own expectedVersion, so clients never conflict.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { BenchClient, cpuMs, createTempDir, sleep, spawnServer } from './foundation-support.mjs';
import { median, percentile } from './report.mjs';

/**
 * Runs `op(clientIndex)` in `clients` concurrent sequential loops until `durationMs` has
 * passed or `maxOps` operations have completed, whichever comes first.
 */
async function load({ clients, durationMs, maxOps, op }) {
  const latencies = [];
  let errors = 0;
  let started = 0;
  const t0 = performance.now();
  const deadline = t0 + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      while (performance.now() < deadline && started < maxOps) {
        started++;
        const a = performance.now();
        if (await op(i)) latencies.push(performance.now() - a);
        else errors++;
      }
    }),
  );
  const elapsedMs = performance.now() - t0;
  return {
    ops: latencies.length,
    errors,
    elapsedMs,
    perSecond: (latencies.length / elapsedMs) * 1000,
    latencies,
  };
}

/** Several runs of one scenario, summarised: median rate over runs, latency over all operations. */
async function scenario(name, options, runs, warmupMs, serverPid) {
  if (warmupMs > 0) await load({ ...options, durationMs: warmupMs });
  const results = [];
  const cpuBefore = serverPid ? cpuMs(serverPid) : undefined;
  for (let r = 0; r < runs; r++) results.push(await load(options));
  const cpuAfter = serverPid ? cpuMs(serverPid) : undefined;
  const rates = results.map((r) => r.perSecond);
  const latencies = results.flatMap((r) => r.latencies);
  const ops = results.reduce((n, r) => n + r.ops, 0);
  return {
    serverCpuMsPerOp:
      cpuBefore !== undefined && cpuAfter !== undefined && ops > 0 ? (cpuAfter - cpuBefore) / ops : undefined,
    name,
    clients: options.clients,
    runs,
    durationMs: options.durationMs,
    ops: results.reduce((n, r) => n + r.ops, 0),
    errors: results.reduce((n, r) => n + r.errors, 0),
    medianPerSecond: median(rates),
    minPerSecond: Math.min(...rates),
    maxPerSecond: Math.max(...rates),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}

async function transactionsSoFar(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const r = await client.query(
      'select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()',
    );
    return Number(r.rows[0].n);
  } finally {
    await client.end();
  }
}

/**
 * The floor under any command on PostgreSQL: the same shape of write as a command (lock a row,
 * update it, append a log row, commit) sent straight through a pool of 10 (the server's size).
 */
async function rawSqlBaseline(databaseUrl, clients, runs, durationMs) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  try {
    await pool.query('create table bench_rows (id int primary key, version int not null)');
    await pool.query('create table bench_log (id bigserial primary key, row_id int, payload jsonb)');
    await pool.query('insert into bench_rows select g, 1 from generate_series(0, 19) g');
    const op = async (i) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query('select version from bench_rows where id = $1 for update', [i]);
        await client.query('update bench_rows set version = version + 1 where id = $1', [i]);
        await client.query('insert into bench_log (row_id, payload) values ($1, $2)', [i, { n: i }]);
        await client.query('commit');
        return true;
      } finally {
        client.release();
      }
    };
    return await scenario(
      'raw SQL write transaction',
      { clients, durationMs, maxOps: 200_000, op },
      runs,
      500,
    );
  } finally {
    await pool.query('drop table if exists bench_rows, bench_log').catch(() => undefined);
    await pool.end();
  }
}

/**
 * One backend: a server process on a fresh store, the health route as the HTTP baseline,
 * then project.rename with 1 and 20 clients.
 */
export async function measureThroughput({ backend, databaseUrl, cleanup, quick, log }) {
  const runs = quick ? 1 : 3;
  const durationMs = quick ? 2000 : 5000;
  const baselineMs = quick ? 1000 : 2000;
  const warmupMs = quick ? 500 : 1500;
  const maxOps = 100_000;
  const storeOptions =
    backend === 'postgres' ? { databaseUrl, poolSize: 10 } : { dataDir: createTempDir(cleanup) };
  const server = await spawnServer(storeOptions, cleanup);
  const owner = new BenchClient(server.url);
  cleanup.add(async () => owner.close());
  await owner.setup();

  const clients = Array.from({ length: 20 }, () => new BenchClient(server.url, owner.session));
  cleanup.add(async () => {
    for (const c of clients) c.close();
  });
  const projects = [];
  for (let i = 0; i < clients.length; i++) {
    const created = await owner.ok('project.create', { name: `Bench ${i}` });
    projects.push({ id: created.result.projectId, version: 1, n: 0 });
  }

  const health = async (i) => (await clients[i].request('GET', '/api/health')).status === 200;
  const rename = async (i) => {
    const p = projects[i];
    p.n++;
    const r = await clients[i].command(
      'project.rename',
      { name: `Bench ${i} #${p.n}`, expectedVersion: p.version },
      p.id,
    );
    if (r.status !== 200) {
      if (r.body?.current?.version) p.version = r.body.current.version;
      return false;
    }
    p.version = r.body.result.version;
    return true;
  };

  const rows = [];
  for (const n of [1, 20]) {
    log(`foundation: ${backend}: GET /api/health, ${n} client(s)`);
    rows.push(
      await scenario(
        'GET /api/health (HTTP baseline)',
        { clients: n, durationMs: baselineMs, maxOps, op: health },
        runs,
        300,
        server.child.pid,
      ),
    );
  }
  let transactionsPerCommand;
  for (const n of [1, 20]) {
    log(`foundation: ${backend}: project.rename, ${n} client(s)`);
    const before = backend === 'postgres' && n === 1 ? await transactionsSoFar(databaseUrl) : undefined;
    const result = await scenario(
      'command project.rename',
      { clients: n, durationMs, maxOps, op: rename },
      runs,
      warmupMs,
      server.child.pid,
    );
    if (before !== undefined) {
      // PostgreSQL flushes its per-database counters about once a second.
      await sleep(1500);
      // Only client 0 has sent commands so far (warm-up included): that is the divisor.
      transactionsPerCommand = ((await transactionsSoFar(databaseUrl)) - before) / projects[0].n;
    }
    rows.push(result);
  }
  await server.stop();
  if (backend === 'postgres') {
    for (const n of [1, 20]) {
      log(`foundation: postgres: raw SQL baseline, ${n} client(s)`);
      rows.push(await rawSqlBaseline(databaseUrl, n, runs, baselineMs));
    }
  }
  return { backend, rows, transactionsPerCommand, runs, durationMs, baselineMs };
}
