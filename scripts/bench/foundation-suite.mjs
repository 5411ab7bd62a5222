// The foundation area: command throughput, live-feed delay and cold start, rendered as one
// BENCHMARKS.md section.
import pg from 'pg';
import { measureColdStart } from './foundation-coldstart.mjs';
import { measureLive } from './foundation-live.mjs';
import { Cleanup, createBenchDatabase } from './foundation-support.mjs';
import { measureThroughput } from './foundation-throughput.mjs';
import { fmt, sectionHeading, table } from './report.mjs';

const TARGET_COMMANDS = 500;
const TARGET_LIVE_P95_MS = 50;
const TARGET_COLD_START_MS = 3000;

const ms = (v) => fmt(v, 1);
const seconds = (v) => fmt(v / 1000, 2);
const verdict = (ok) => (ok ? 'met' : '**missed**');

async function postgresSettings(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const one = async (sql) => (await client.query(sql)).rows[0];
    const version = (await one('show server_version')).server_version;
    const fsync = (await one('show fsync')).fsync;
    const sync = (await one('show synchronous_commit')).synchronous_commit;
    return `PostgreSQL ${version} on 127.0.0.1 (same machine), fsync=${fsync}, synchronous_commit=${sync}`;
  } finally {
    await client.end();
  }
}

function throughputMarkdown(results, settings) {
  const rows = [];
  let verdictLine = '';
  for (const { backend, rows: scenarios } of results) {
    const rate = (name, clients) =>
      scenarios.find((s) => s.name.startsWith(name) && s.clients === clients)?.medianPerSecond;
    for (const s of scenarios) {
      const isCommand = s.name.startsWith('command');
      const baseline = isCommand ? rate('GET /api/health', s.clients) : undefined;
      const sql = isCommand ? rate('raw SQL', s.clients) : undefined;
      let target = '';
      if (isCommand && backend === 'postgres' && s.clients === 20) {
        target = `≥ ${TARGET_COMMANDS}/s: ${verdict(s.medianPerSecond >= TARGET_COMMANDS)}`;
        verdictLine = `PostgreSQL, 20 clients: **${fmt(s.medianPerSecond, 0)} commands/s** (target ≥ ${TARGET_COMMANDS}).`;
      }
      rows.push([
        backend === 'postgres' ? 'PostgreSQL' : 'PGlite',
        s.name,
        s.clients,
        `${s.runs} × ${s.durationMs / 1000} s`,
        s.ops,
        s.errors,
        `${fmt(s.medianPerSecond, 0)} (${fmt(s.minPerSecond, 0)}–${fmt(s.maxPerSecond, 0)})`,
        ms(s.p50),
        ms(s.p95),
        baseline ? `${fmt((s.medianPerSecond / baseline) * 100, 0)} % of HTTP` : '',
        sql ? `${fmt((s.medianPerSecond / sql) * 100, 0)} % of raw SQL` : '',
        s.serverCpuMsPerOp === undefined ? '' : ms(s.serverCpuMsPerOp),
        s.serverCpuMsPerOp ? fmt(1000 / s.serverCpuMsPerOp, 0) : '',
        target,
      ]);
    }
  }
  const tpc = results.find((r) => r.transactionsPerCommand !== undefined)?.transactionsPerCommand;
  return [
    '### Command throughput and latency',
    '',
    verdictLine,
    '',
    'What: `POST /api/commands` with `project.rename` through the real HTTP API (session cookie and',
    'CSRF token), each client renaming its own project in a loop with the `expectedVersion` its',
    'previous command returned, so clients never conflict. The server (built `startServer`, pool of',
    "10 connections on PostgreSQL, PGlite's single connection embedded) runs in its own Node process;",
    'the load generator (one keep-alive connection per client) in the bench process, on the same',
    'machine. Data: a fresh store with one owner and 20 projects. Runs: after a warm-up, the',
    'runs listed, each bounded by time and count; rate is the median over runs (min–max), latency',
    '(HTTP request sent → response read) p50/p95 over every command of every run. Baselines measured',
    'in the same run: `GET /api/health` on the same server (HTTP stack, session lookup, no command)',
    'and, on PostgreSQL, the same shape of write sent straight to the database (lock a row, update it,',
    'append a log row, commit; pool of 10).',
    '',
    table(
      [
        'Backend',
        'Workload',
        'Clients',
        'Runs',
        'Ops',
        'Errors',
        'Median ops/s (min–max)',
        'p50 ms',
        'p95 ms',
        'vs HTTP',
        'vs SQL',
        'Server CPU ms/op',
        'Ops/s per server core',
        'Target',
      ],
      rows,
    ),
    '',
    'Server CPU ms/op is the user + system CPU time of the server process (from /proc) divided by',
    'the operations it served: unlike the rates it hardly depends on what else the shared machine',
    'is doing, and 1000 / it is the rate one fully available core could sustain on the Node side',
    "(a PostgreSQL server's CPU is not included; PGlite runs inside the server process, so there it is).",
    '',
    settings ? `PostgreSQL server: ${settings}.` : 'PostgreSQL: not measured (`DATABASE_URL` not set).',
    tpc !== undefined
      ? `Each command costs ${fmt(tpc, 1)} PostgreSQL transactions (pg_stat_database commits per command, 1 client): ` +
        'the session lookup, project and membership reads and the command transaction each round-trip separately.'
      : '',
  ].join('\n');
}

function liveMarkdown(results) {
  const rows = [];
  for (const { backend, crossProcess, rows: scenarios } of results) {
    for (const s of scenarios) {
      const target = crossProcess
        ? `p95 < ${TARGET_LIVE_P95_MS} ms: ${verdict(s.p95 < TARGET_LIVE_P95_MS && s.lost === 0)}`
        : '(same instance)';
      rows.push([
        backend === 'postgres' ? 'PostgreSQL' : 'PGlite',
        crossProcess ? 'another server process' : 'same server (one process)',
        s.name,
        s.commandsPerSecond ? fmt(s.commandsPerSecond, 0) : '',
        s.samples,
        s.lost,
        s.eventFirst,
        ms(s.p50),
        ms(s.p95),
        ms(s.max),
        target,
      ]);
    }
  }
  return [
    '### Live feed: command acknowledged → event on a subscriber',
    '',
    'What: the time from the HTTP response of a `project.rename` (read by the writer) to the',
    '`{kind: "event"}` message for that seq arriving on a WebSocket',
    '(`/api/projects/:id/events`) held open on a second `startServer` process on the same PostgreSQL',
    'database (NOTIFY → the other instance reads the log → sends). Writer and subscriber share the',
    'bench process and its clock. "Event first" counts events that arrived before their HTTP',
    'response (counted as 0 ms); "lost" counts acknowledged commands whose event never arrived',
    'within 10 s. On PGlite there is one process, so the subscriber sits on the same instance',
    '(listed for comparison, not against the target).',
    '',
    table(
      [
        'Backend',
        'Subscriber on',
        'Load',
        'Commands/s',
        'Samples',
        'Lost',
        'Event first',
        'p50 ms',
        'p95 ms',
        'max ms',
        'Target',
      ],
      rows,
    ),
  ].join('\n');
}

function coldStartMarkdown(result) {
  const baseline = result.rows[0]?.median;
  const rows = result.rows.map((r, i) => [
    r.name,
    r.runs,
    seconds(r.median),
    seconds(r.min),
    seconds(r.max),
    i === 0 || !baseline ? '' : `${fmt(r.median / baseline, 1)}×`,
    i === 0 ? '' : `< ${TARGET_COLD_START_MS / 1000} s: ${verdict(r.median < TARGET_COLD_START_MS)}`,
  ]);
  return [
    '### `weft serve` cold start',
    '',
    'What: from spawning `node packages/cli/bin/weft.js serve --port P --quiet` to the first 200 from',
    '`GET /api/health`, polled every 10 ms; the server is stopped after each run. Fresh: a new empty',
    'data directory each run (a copy of the migrated template `npm run build` makes). Existing: the data',
    'directory of the last fresh run. Baseline: `weft --version` spawn to exit in the same run.',
    '',
    table(['Start', 'Runs', 'Median s', 'Min s', 'Max s', 'vs baseline', 'Target'], rows),
  ].join('\n');
}

async function attempt(title, log, fn) {
  try {
    return await fn();
  } catch (error) {
    log(`foundation: ${title} failed: ${error.stack ?? error}`);
    return { failed: String(error.message ?? error) };
  }
}

export async function runFoundation({ machine, quick = false, log = console.error }) {
  const cleanup = new Cleanup();
  const onSignal = async () => {
    await cleanup.run();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const adminUrl = process.env.DATABASE_URL;
  const parts = [sectionHeading('Foundation: commands, live feed, cold start', machine)];
  try {
    const databaseUrl = adminUrl ? await createBenchDatabase(adminUrl, cleanup) : undefined;
    const settings = adminUrl ? await postgresSettings(adminUrl) : undefined;
    const backends = adminUrl ? ['postgres', 'pglite'] : ['pglite'];
    const context = { databaseUrl, cleanup, quick, log };

    const throughput = await attempt('throughput', log, async () => {
      const results = [];
      for (const backend of backends) results.push(await measureThroughput({ ...context, backend }));
      return results;
    });
    parts.push(
      throughput.failed
        ? `### Command throughput\n\nFailed: ${throughput.failed}`
        : throughputMarkdown(throughput, settings),
    );

    const live = await attempt('live feed', log, async () => {
      const results = [];
      for (const backend of backends) results.push(await measureLive({ ...context, backend }));
      return results;
    });
    parts.push(live.failed ? `### Live feed\n\nFailed: ${live.failed}` : liveMarkdown(live));

    const cold = await attempt('cold start', log, () => measureColdStart(context));
    parts.push(cold.failed ? `### Cold start\n\nFailed: ${cold.failed}` : coldStartMarkdown(cold));
    if (throughput.failed && live.failed && cold.failed) {
      throw new Error(`every foundation benchmark failed (first: ${throughput.failed})`);
    }
    if (quick) parts.push('_Quick run (`--quick`): fewer and shorter runs than the default._');
  } finally {
    await cleanup.run();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return parts.filter((p) => p !== '').join('\n\n');
}
