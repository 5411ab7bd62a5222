// PRISMA bench: the flow diagram of a 100,000-record project, counts read from the store
// (searches, duplicate groups, final decisions at both stages) and the SVG drawn, as the app's
// `GET /api/projects/:id/prisma` does it. Target: under 300 ms. PGlite, and PostgreSQL too when
// DATABASE_URL is set (a fresh database on that server, dropped after).
// Usage: npm run build && node scripts/bench/prisma-render.mjs [--quick] [--keep DIR]
// --keep DIR (or WEFT_BENCH_KEEP=DIR): building the project takes minutes, so keep a copy of the
// built store in DIR (PGlite data directory; a template database on PostgreSQL) and measure a
// fresh copy of it on later runs. Migrations still run when the copy is opened.
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateRis } from './identification-import.mjs';
import { fmt, median, table } from './report.mjs';

const root = new URL('../../', import.meta.url);
const storage = await import(new URL('packages/storage/dist/index.js', root).href);
const { createTestStoreLocation } = await import(
  new URL('packages/storage/dist/testing/index.js', root).href
);
const server = await import(new URL('packages/server/dist/index.js', root).href);
const { computePrismaFlow, prismaFlowJson, renderPrismaSvg } = await import(
  new URL('packages/core/dist/index.js', root).href
);
const { sql } = await import(new URL('node_modules/kysely/dist/esm/index.js', root).href);

export const PASSWORD = 'correct horse battery';

export function backends() {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * Decisions in bulk, as if a team had screened (the commands would take hours at this size):
 * `screened` of the records decided at title/abstract, 10 % of those included; at full text
 * 40 % of those included, the rest excluded with a reason. Written straight to the decision
 * table, so the stage outcomes are rebuilt after, exactly as the migration backfills them.
 */
async function screenInBulk(db, projectId, reviewerId, screened) {
  const stages = await db
    .selectFrom('stages')
    .select(['id', 'key'])
    .where('project_id', '=', projectId)
    .orderBy('position')
    .execute();
  const [ta, ft] = stages;
  const reason = await db
    .selectFrom('exclusion_reasons')
    .select('id')
    .where('stage_id', '=', ft.id)
    .orderBy('position')
    .executeTakeFirstOrThrow();
  const share = Math.round(screened * 1000);
  await sql`insert into screening_decisions (id, project_id, stage_id, record_id, reviewer_id, decision, reason_ids, note, source, at)
    select gen_random_uuid(), r.project_id, ${ta.id}::uuid, r.id, ${reviewerId}::uuid,
      case when abs(hashtext(r.id::text)) % 10 = 0 then 'include' else 'exclude' end, '[]'::jsonb, '', 'weft', now()
    from records r where r.project_id = ${projectId}::uuid
      and abs(hashtext('s' || r.id::text)) % 1000 < ${share}`.execute(db);
  await sql`insert into screening_decisions (id, project_id, stage_id, record_id, reviewer_id, decision, reason_ids, note, source, at)
    select gen_random_uuid(), d.project_id, ${ft.id}::uuid, d.record_id, ${reviewerId}::uuid,
      case when abs(hashtext('f' || d.record_id::text)) % 5 < 2 then 'include' else 'exclude' end,
      case when abs(hashtext('f' || d.record_id::text)) % 5 < 2 then '[]'::jsonb else jsonb_build_array(${reason.id}::text) end, '', 'weft', now()
    from screening_decisions d where d.stage_id = ${ta.id}::uuid and d.decision = 'include'`.execute(db);
  const started = performance.now();
  await storage.rebuildStageOutcomes(db, projectId);
  return { stages, rebuildMs: performance.now() - started };
}

/**
 * A fresh store on `backend` with one owner and a project of `count` generated records imported
 * through the import command, the default stages, and `screened` of them decided (see above).
 * Returns the open store, how to reopen it, and the ids a bench needs.
 */
export async function screenedProject({ backend, count, screened = 1, log = () => {} }) {
  const location = await createTestStoreLocation(backend);
  const store = await storage.openStore(location.options);
  const owner = await server.createFirstOwner(store, {
    username: 'bench',
    displayName: 'Bench',
    password: PASSWORD,
  });
  const run = async (type, payload, projectId) =>
    (await server.executeCommand(store, owner, { id: randomUUID(), type, projectId, payload })).result;
  const { projectId } = await run('project.create', { name: 'Bench' });
  const { searchId } = await run(
    'search.create',
    { sourceType: 'database', name: 'MEDLINE via Ovid' },
    projectId,
  );
  const uploadId = randomUUID();
  await storage.saveUpload(store.db, {
    id: uploadId,
    projectId,
    fileName: 'medline.ris',
    bytes: new TextEncoder().encode(generateRis(count, 7)),
    uploadedBy: owner.id,
    at: new Date(),
  });
  await run('import.records', { searchId, uploadId }, projectId);
  log(`${backend}: imported ${count} records`);
  await run('screening.set-up', {}, projectId);
  const { stages, rebuildMs } = await screenInBulk(store.db, projectId, owner.id, screened);
  log(`${backend}: decisions recorded, stage outcomes rebuilt in ${fmt(rebuildMs, 0)} ms`);
  return { store, location, owner, projectId, stages, rebuildMs, run };
}

/** The from-scratch derivation of the last stage's final decisions (what reads cost before ADR 0005). */
async function derivationMs(db, projectId) {
  const stages = await storage.listStages(db, projectId);
  const started = performance.now();
  await sql`select s.final, count(*) from (${storage.statesSql(stages)}) s group by s.final`.execute(db);
  return performance.now() - started;
}

const pg = (await import(new URL('node_modules/pg/lib/index.js', root).href)).default;

async function adminQuery(text) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function databaseUrl(name) {
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh copy of the kept store, or undefined when `keep` holds none for this backend and size. */
async function keptProject(keep, backend, count) {
  const manifest = join(keep, `${backend}-${count}.json`);
  if (!existsSync(manifest)) return undefined;
  const { projectId, rebuildMs, template } = JSON.parse(readFileSync(manifest, 'utf8'));
  let location;
  if (backend === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'weft-bench-'));
    cpSync(join(keep, `${backend}-${count}`), dataDir, { recursive: true });
    location = {
      options: { dataDir },
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  } else {
    const name = `weft_bench_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    await adminQuery(`create database ${name} template ${template}`);
    location = {
      options: { databaseUrl: databaseUrl(name), poolSize: 10 },
      dispose: () => adminQuery(`drop database if exists ${name} with (force)`),
    };
  }
  return { store: await storage.openStore(location.options), location, projectId, rebuildMs };
}

/** Keeps a copy of a just-built store (closed first) for later runs. */
async function keepProject(keep, backend, count, built) {
  const manifest = { projectId: built.projectId, rebuildMs: built.rebuildMs };
  if (backend === 'pglite') {
    cpSync(built.location.options.dataDir, join(keep, `${backend}-${count}`), { recursive: true });
  } else {
    manifest.template = `weft_bench_kept_${count}`;
    await adminQuery(`drop database if exists ${manifest.template}`);
    await adminQuery(
      `create database ${manifest.template} template ${new URL(built.location.options.databaseUrl).pathname.slice(1)}`,
    );
  }
  writeFileSync(join(keep, `${backend}-${count}.json`), JSON.stringify(manifest));
}

async function buildOrReuse(backend, { count, keep, log }) {
  const kept = keep ? await keptProject(keep, backend, count) : undefined;
  if (kept) {
    log(`${backend}: measuring a copy of the store kept in ${keep}`);
    return kept;
  }
  const built = await screenedProject({ backend, count, log });
  if (!keep) return built;
  await built.store.close();
  await keepProject(keep, backend, count, built);
  return { ...built, store: await storage.openStore(built.location.options) };
}

/** Cold (freshly opened store, first computation) and warm (repeated on one store) timings. */
async function timings(opened, location, projectId, warmRuns) {
  let store = opened;
  // Cold: PGlite re-reads its files; on PostgreSQL a new pool, whose server cache stays warm.
  const cold = [];
  for (let run = 0; run < 3; run++) {
    await store.close();
    store = await storage.openStore(location.options);
    const started = performance.now();
    await server.loadPrismaReport(store.db, projectId);
    cold.push(performance.now() - started);
  }
  const warm = [];
  const drawOnly = [];
  let report;
  for (let run = 0; run < warmRuns; run++) {
    const started = performance.now();
    report = await server.loadPrismaReport(store.db, projectId);
    warm.push(performance.now() - started);
    const drawing = performance.now();
    renderPrismaSvg(report.flow);
    drawOnly.push(performance.now() - drawing);
  }
  // The counted flow must be the flow read record by record (what opening a box reads).
  const read = computePrismaFlow(await storage.gatherPrismaFlowInput(store.db, projectId));
  const same = JSON.stringify(prismaFlowJson(read)) === JSON.stringify(prismaFlowJson(report.flow));
  if (!same) throw new Error('the counted PRISMA flow differs from the flow read record by record');
  return {
    store,
    report,
    cold: median(cold),
    warm: median(warm),
    drawOnly: median(drawOnly),
    runs: warm.length,
  };
}

/**
 * Other methods and duplicates on top: 1,000 records from citation searching (read one by one
 * by the count) and 200 pairs of records merged by hand, through the commands.
 */
async function addOtherMethodsAndMerges(store, projectId) {
  const user = await storage.findUserByUsername(store.db, 'bench');
  const owner = { type: 'user', id: user.id, username: 'bench', displayName: 'Bench', isAdmin: true };
  const run = async (type, payload) =>
    (
      await server.executeCommand(
        store,
        { ...owner, createdAt: new Date().toISOString() },
        {
          id: randomUUID(),
          type,
          projectId,
          payload,
        },
      )
    ).result;
  const { searchId } = await run('search.create', {
    sourceType: 'citation-searching',
    name: 'Reference lists',
  });
  const uploadId = randomUUID();
  await storage.saveUpload(store.db, {
    id: uploadId,
    projectId,
    fileName: 'citations.ris',
    bytes: new TextEncoder().encode(generateRis(1000, 11)),
    uploadedBy: owner.id,
    at: new Date(),
  });
  await run('import.records', { searchId, uploadId });
  const { rows } =
    await sql`select id from records where project_id = ${projectId}::uuid order by id limit 400`.execute(
      store.db,
    );
  for (let i = 0; i + 1 < rows.length; i += 2)
    await run('dedup.merge', { recordIds: [rows[i].id, rows[i + 1].id] });
}

async function measure(backend, { quick, keep, log }) {
  const count = quick ? 20_000 : 100_000;
  const built = await buildOrReuse(backend, { count, keep, log });
  const { location, projectId } = built;
  let { store } = built;
  try {
    const base = await timings(store, location, projectId, quick ? 3 : 7);
    store = base.store;
    const derivation = [];
    for (let run = 0; run < 3; run++) derivation.push(await derivationMs(store.db, projectId));
    log(`${backend}: PRISMA cold ${fmt(base.cold, 0)} ms, warm ${fmt(base.warm, 0)} ms`);
    await addOtherMethodsAndMerges(store, projectId);
    const mixed = await timings(store, location, projectId, quick ? 3 : 7);
    store = mixed.store;
    log(
      `${backend}: with other methods and merges, cold ${fmt(mixed.cold, 0)} ms, warm ${fmt(mixed.warm, 0)} ms`,
    );
    return {
      backend,
      count,
      counts: base.report.flow.counts,
      cold: base.cold,
      warm: base.warm,
      drawOnly: base.drawOnly,
      mixed,
      derivation: median(derivation),
      rebuildMs: built.rebuildMs,
      runs: base.runs,
    };
  } finally {
    await store.close();
    await location.dispose();
  }
}

export async function runPrismaRender({
  quick = false,
  keep = process.env.WEFT_BENCH_KEEP,
  log = () => {},
} = {}) {
  const load = loadavg()[0];
  const results = [];
  for (const backend of backends()) results.push(await measure(backend, { quick, keep, log }));
  const first = results[0];
  const markdown = [
    `What: \`loadPrismaReport\` (count a project of ${first.count.toLocaleString('en-GB')} records in the store: per search, duplicate groups, the final decision of every record at both stages; compute the flow, draw the SVG) on a generated project imported through \`import.records\`: 10 % of records pass title/abstract, 40 % of those are included at full text. Final decisions are read from the materialised stage outcomes (ADR 0005); records of databases and registers outside duplicate groups are counted per search from their imports, the rest read one by one (ADR 0006). Cold: median of 3 first computations, each on a freshly opened store; warm: median of ${first.runs} repeated computations (the server's in-memory PrismaReportCache is not used). Every run checks that the counted flow equals the flow read record by record. Load average ${fmt(load, 1)} at start. Target: under 300 ms.`,
    '',
    table(
      ['backend', 'records', 'screened', 'excluded', 'assessed', 'included', 'cold', 'warm', 'SVG only'],
      results.map((r) => [
        r.backend,
        r.count,
        r.counts.records_screened.count,
        r.counts.records_excluded.count,
        r.counts.dbr_assessed.count,
        r.counts.new_studies.count,
        `${fmt(r.cold, 0)} ms`,
        `${fmt(r.warm, 0)} ms`,
        `${fmt(r.drawOnly, 1)} ms`,
      ]),
    ),
    '',
    'The same project after 1,000 more records from citation searching (other methods: read one by one) were imported and 200 pairs of records merged by hand, through the commands:',
    '',
    table(
      ['backend', 'records', 'citation searching', 'duplicates', 'cold', 'warm'],
      results.map((r) => [
        r.backend,
        r.count + 1000,
        r.mixed.report.flow.counts.citations_results.count,
        r.mixed.report.flow.counts.duplicates.count,
        `${fmt(r.mixed.cold, 0)} ms`,
        `${fmt(r.mixed.warm, 0)} ms`,
      ]),
    ),
    '',
    'For comparison, on the same store: deriving the last stage’s final decisions from scratch (`statesSql`, what every read paid before the outcomes were materialised), and rebuilding the whole projection (the migration’s backfill).',
    '',
    table(
      ['backend', 'derivation from scratch (median of 3)', 'projection rebuilt'],
      results.map((r) => [r.backend, `${fmt(r.derivation, 0)} ms`, `${fmt(r.rebuildMs, 0)} ms`]),
    ),
  ].join('\n');
  return { markdown, medianMs: first.warm, results };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--keep');
  const result = await runPrismaRender({
    quick: process.argv.includes('--quick'),
    ...(at > 0 ? { keep: process.argv[at + 1] } : {}),
    log: console.error,
  });
  console.log(result.markdown);
}
