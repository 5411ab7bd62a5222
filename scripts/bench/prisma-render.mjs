// PRISMA bench: the flow diagram of a 100,000-record project, counts read from the store
// (searches, duplicate groups, final decisions at both stages) and the SVG drawn, as the app's
// `GET /api/projects/:id/prisma` does it. Target: under 300 ms.
// Usage: npm run build && node scripts/bench/prisma-render.mjs [--quick]
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateRis, weft } from './identification-import.mjs';
import { fmt, median, table } from './report.mjs';

const root = new URL('../../', import.meta.url);
const { openStore } = await import(new URL('packages/storage/dist/index.js', root).href);
const { executeCommand, loadPrismaReport } = await import(
  new URL('packages/server/dist/index.js', root).href
);
const { renderPrismaSvg } = await import(new URL('packages/core/dist/index.js', root).href);

/** Decisions in bulk (as if a team had screened): 10 % pass title/abstract, 40 % of those are included at full text. */
async function screenEverything(db, projectId, reviewerId) {
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
  const { sql } = await import(new URL('node_modules/kysely/dist/esm/index.js', root).href);
  await sql`insert into screening_decisions (id, project_id, stage_id, record_id, reviewer_id, decision, reason_ids, note, source, at)
    select gen_random_uuid(), r.project_id, ${ta.id}::uuid, r.id, ${reviewerId}::uuid,
      case when hashtext(r.id::text) % 10 = 0 then 'include' else 'exclude' end, '[]'::jsonb, '', 'weft', now()
    from records r where r.project_id = ${projectId}::uuid`.execute(db);
  await sql`insert into screening_decisions (id, project_id, stage_id, record_id, reviewer_id, decision, reason_ids, note, source, at)
    select gen_random_uuid(), d.project_id, ${ft.id}::uuid, d.record_id, ${reviewerId}::uuid,
      case when hashtext(d.record_id::text) % 5 < 2 then 'include' else 'exclude' end,
      case when hashtext(d.record_id::text) % 5 < 2 then '[]'::jsonb else jsonb_build_array(${reason.id}::text) end, '', 'weft', now()
    from screening_decisions d where d.stage_id = ${ta.id}::uuid and d.decision = 'include'`.execute(db);
}

export async function runPrismaRender({ quick = false, log = () => {} } = {}) {
  const count = quick ? 20_000 : 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'weft-bench-prisma-'));
  try {
    const file = join(dir, 'medline.ris');
    writeFileSync(file, generateRis(count, 7));
    const dataDir = join(dir, 'store');
    await weft(['user', 'add', 'bench', '--password-stdin', '--data-dir', dataDir], {
      stdin: 'correct horse battery\n',
    });
    await weft(['project', 'create', 'Bench', '--data-dir', dataDir]);
    await weft(['import', file, '--search', 'MEDLINE via Ovid', '--data-dir', dataDir]);
    log(`prisma: imported ${count} records`);
    const store = await openStore({ dataDir });
    try {
      const user = await store.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      const actor = {
        id: user.id,
        username: user.username,
        displayName: user.display_name,
        isAdmin: user.is_admin,
        createdAt: user.created_at.toISOString(),
      };
      const project = await store.db.selectFrom('projects').select('id').executeTakeFirstOrThrow();
      await executeCommand(store, actor, {
        id: randomUUID(),
        type: 'screening.set-up',
        projectId: project.id,
        payload: {},
      });
      await screenEverything(store.db, project.id, user.id);
      log('prisma: decisions recorded');
      const full = [];
      const drawOnly = [];
      let report;
      for (let run = 0; run < (quick ? 3 : 7); run++) {
        const started = performance.now();
        report = await loadPrismaReport(store.db, project.id);
        full.push(performance.now() - started);
        const drawing = performance.now();
        renderPrismaSvg(report.flow);
        drawOnly.push(performance.now() - drawing);
      }
      const counts = report.flow.counts;
      const markdown = [
        `What: \`loadPrismaReport\` (read searches, ${count.toLocaleString('en-GB')} records with their duplicate groups and the final decision of every record at both stages from the embedded store, compute the flow, draw the SVG) on a generated project: 10 % of records pass title/abstract, 40 % of those are included at full text. ${full.length} runs, median. Target: under 300 ms.`,
        '',
        table(
          [
            'records',
            'screened',
            'excluded',
            'assessed',
            'included',
            'store → SVG (median)',
            'SVG only (median)',
          ],
          [
            [
              count,
              counts.records_screened.count,
              counts.records_excluded.count,
              counts.dbr_assessed.count,
              counts.new_studies.count,
              `${fmt(median(full), 0)} ms`,
              `${fmt(median(drawOnly), 1)} ms`,
            ],
          ],
        ),
      ].join('\n');
      return { markdown, medianMs: median(full) };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runPrismaRender({ quick: process.argv.includes('--quick'), log: console.error });
  console.log(result.markdown);
}
