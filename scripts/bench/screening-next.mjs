// Screening `next` bench: `GET /api/projects/:id/screening/stages/:stageId/next` (the request the
// screening screen makes after every decision) on a 100,000-record project with a fifth of the
// title/abstract stage screened, in random order and in ranked order, and the latency of the
// `screening.decide` command that precedes it (it now rewrites the record's stage outcomes).
// PGlite, and PostgreSQL too when DATABASE_URL is set.
// Usage: npm run build && node scripts/bench/screening-next.mjs [--quick]
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { backends, PASSWORD, screenedProject } from './prisma-render.mjs';
import { fmt, median, table } from './report.mjs';

const root = new URL('../../', import.meta.url);
const storage = await import(new URL('packages/storage/dist/index.js', root).href);
const server = await import(new URL('packages/server/dist/index.js', root).href);
const { sql } = await import(new URL('node_modules/kysely/dist/esm/index.js', root).href);

async function openApp(store) {
  const app = await server.buildApp({
    store,
    hub: new server.EventHub(store),
    version: 'bench',
    secureCookies: false,
    loginRateLimit: { max: 1000, timeWindow: 60_000 },
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username: 'bench', password: PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { app, cookie };
}

async function timeNext(app, cookie, url) {
  const started = performance.now();
  const response = await app.inject({ method: 'GET', url, headers: { cookie } });
  const ms = performance.now() - started;
  if (response.statusCode !== 200) throw new Error(`next: ${response.statusCode} ${response.body}`);
  const body = JSON.parse(response.body);
  if (body.records.length === 0) throw new Error('next returned no records');
  return { ms, body };
}

async function measure(backend, { quick, log }) {
  const count = quick ? 20_000 : 100_000;
  const runs = quick ? 3 : 7;
  const built = await screenedProject({ backend, count, screened: 0.2, log });
  let { store } = built;
  const { location, projectId, owner } = built;
  const ta = built.stages[0];
  const url = `/api/projects/${projectId}/screening/stages/${ta.id}/next?count=5`;
  try {
    // Cold: the first request on a freshly opened store (median of 3 reopenings).
    const cold = [];
    let opened;
    for (let run = 0; run < 3; run++) {
      await opened?.app.close();
      await store.close();
      store = await storage.openStore(location.options);
      opened = await openApp(store);
      cold.push((await timeNext(opened.app, opened.cookie, url)).ms);
    }
    const { app, cookie } = opened;
    log(`${backend}: next cold ${cold.map((ms) => fmt(ms, 0)).join(', ')} ms`);
    const random = [];
    let last;
    for (let run = 0; run < runs; run++) {
      last = await timeNext(app, cookie, url);
      random.push(last.ms);
    }
    const queue = last.body.progress.myQueue;
    log(`${backend}: next warm ${random.map((ms) => fmt(ms, 0)).join(', ')} ms`);

    // A decision on the record offered first, as the screen does, then the next request.
    const decide = [];
    const afterDecide = [];
    for (let run = 0; run < runs; run++) {
      const { body } = await timeNext(app, cookie, url);
      const recordId = body.records[0].recordId ?? body.records[0].id;
      const started = performance.now();
      await server.executeCommand(store, owner, {
        id: randomUUID(),
        type: 'screening.decide',
        projectId,
        payload: { stageId: ta.id, recordId, decision: run % 3 === 0 ? 'include' : 'exclude' },
      });
      decide.push(performance.now() - started);
      afterDecide.push((await timeNext(app, cookie, url)).ms);
    }

    log(`${backend}: decide ${decide.map((ms) => fmt(ms, 0)).join(', ')} ms`);
    // Ranked order: a ranking of every record (as the prioritiser stores it).
    await sql`insert into screening_rankings (stage_id, record_id, score, rank, model_version)
      select o.stage_id, o.record_id, s.score, row_number() over (order by s.score desc), 1
      from stage_outcomes o cross join lateral (select abs(hashtext('r' || o.record_id::text)) / 2147483647.0 as score) s
      where o.stage_id = ${ta.id}::uuid`.execute(store.db);
    const ranked = [];
    for (let run = 0; run < runs; run++) {
      const timed = await timeNext(app, cookie, url);
      if (timed.body.order !== 'ranked') throw new Error('expected the ranked order');
      ranked.push(timed.ms);
    }

    const chain = await storage.listStages(store.db, projectId);
    const derivation = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      await sql`select count(*) from (${storage.statesSql(chain.slice(0, 1))}) s where s.final is null`.execute(
        store.db,
      );
      derivation.push(performance.now() - started);
    }
    await app.close();
    log(`${backend}: next cold ${fmt(median(cold), 0)} ms, warm ${fmt(median(random), 0)} ms`);
    return {
      backend,
      count,
      queue,
      runs,
      cold: median(cold),
      random: median(random),
      afterDecide: median(afterDecide),
      ranked: median(ranked),
      decide: median(decide),
      derivation: median(derivation),
      rebuildMs: built.rebuildMs,
    };
  } finally {
    await store.close();
    await location.dispose();
  }
}

export async function runScreeningNext({ quick = false, log = () => {} } = {}) {
  const load = loadavg()[0];
  const results = [];
  for (const backend of backends()) results.push(await measure(backend, { quick, log }));
  const first = results[0];
  const markdown = [
    `What: \`GET …/screening/stages/:stageId/next?count=5\` through the app's routes (Fastify inject, signed-in session; no network) on a generated ${first.count.toLocaleString('en-GB')}-record project imported through \`import.records\`, title/abstract in single mode with a fifth of the records decided by the asking reviewer (decisions written in bulk, stage outcomes rebuilt). Cold: median of 3 first requests, each on a freshly opened store; warm: median of ${first.runs} requests in random order, then after each of ${first.runs} \`screening.decide\` commands (timed too, in process), then with a stored ranking of every record (ranked order). Load average ${fmt(load, 1)} at start.`,
    '',
    table(
      [
        'backend',
        'records',
        'queue',
        'next, cold',
        'next, warm',
        'next after a decision',
        'next, ranked',
        'screening.decide',
      ],
      results.map((r) => [
        r.backend,
        r.count,
        r.queue,
        `${fmt(r.cold, 0)} ms`,
        `${fmt(r.random, 0)} ms`,
        `${fmt(r.afterDecide, 0)} ms`,
        `${fmt(r.ranked, 0)} ms`,
        `${fmt(r.decide, 0)} ms`,
      ]),
    ),
    '',
    'For comparison, on the same store: counting the stage’s undecided records from scratch (`statesSql`, what every `next` and every decision paid before the outcomes were materialised; median of 3).',
    '',
    table(
      ['backend', 'derivation from scratch'],
      results.map((r) => [r.backend, `${fmt(r.derivation, 0)} ms`]),
    ),
  ].join('\n');
  return { markdown, results };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runScreeningNext({ quick: process.argv.includes('--quick'), log: console.error });
  console.log(result.markdown);
}
