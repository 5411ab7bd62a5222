// REFI-QDA bench: import and export of the 1.4 MB NVivo file (../shared/data/qdpx), each target
// under 2 s, and the export of a generated project with 100,000 codings, target under 15 s.
// PGlite, and PostgreSQL too when DATABASE_URL is set (a fresh database on that server).
// Usage: npm run build && node scripts/bench/qdpx.mjs [--quick]
//   (or from the sources: node --conditions=weft-source --import tsx scripts/bench/qdpx.mjs)
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fmt, median, table } from './report.mjs';

const storage = await import('@weft/storage');
const { createTestStoreLocation } = await import('@weft/storage/testing');
const server = await import('@weft/server');

const NVIVO = new URL('../../../shared/data/qdpx/nvivo-win-oltas0517.qdpx', import.meta.url);

function backends() {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

async function timed(fn) {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/** 100,000 codings over 20 documents of ~25,000 words, on 50 codes, written straight to the tables. */
export async function generatedProject(store, owner, codings) {
  const run = async (type, payload) =>
    (await server.executeCommand(store, owner, { id: randomUUID(), type, payload })).result;
  const { projectId } = await run('project.create', { name: 'Generated coding' });
  const at = new Date();
  const words = ['care', 'integration', 'patients', 'nurses', 'funding', 'trust', 'data', 'leadership'];
  const codes = Array.from({ length: 50 }, (_, i) => ({
    id: randomUUID(),
    project_id: projectId,
    parent_id: null,
    name: `Code ${i + 1}`,
    description: '',
    inclusion: '',
    exclusion: '',
    example: '',
    colour: null,
    position: i,
    status: 'active',
    created_at: at,
    created_by: owner.id,
  }));
  const documents = [];
  await store.db.transaction().execute(async (trx) => {
    await storage.insertRows(trx, 'codes', codes);
    for (let d = 0; d < 20; d++) {
      const text = Array.from({ length: 25_000 }, (_, i) => words[(i * 7 + d) % words.length]).join(' ');
      const doc = { id: randomUUID(), versionId: randomUUID(), text };
      documents.push(doc);
      await storage.insertDocument(
        trx,
        {
          ...doc,
          projectId,
          name: `Interview ${d + 1}`,
          kind: 'text',
          folder: '',
          structure: [],
          pages: null,
          meta: {},
        },
        owner.id,
        at,
      );
    }
    const rows = [];
    for (let i = 0; i < codings; i++) {
      const doc = documents[i % documents.length];
      const start = (i * 37) % (doc.text.length - 200);
      const end = start + 20 + (i % 150);
      rows.push({
        id: randomUUID(),
        project_id: projectId,
        code_id: codes[i % codes.length].id,
        document_id: doc.id,
        version_id: doc.versionId,
        start_offset: start,
        end_offset: end,
        exact: doc.text.slice(start, end),
        prefix: '',
        suffix: '',
        coder_id: owner.id,
        created_at: at,
        status: 'active',
        anchor_status: 'kept',
        score: 1,
      });
    }
    await storage.insertRows(trx, 'codings', rows);
  });
  return projectId;
}

export async function runQdpxBench({ quick = false, log = () => {} } = {}) {
  if (!existsSync(NVIVO)) throw new Error(`${NVIVO.pathname} is missing`);
  const bytes = new Uint8Array(readFileSync(NVIVO));
  const runs = quick ? 1 : 3;
  const codings = quick ? 20_000 : 100_000;
  const rows = [];
  for (const backend of backends()) {
    const location = await createTestStoreLocation(backend);
    const store = await storage.openStore(location.options);
    try {
      const owner = await server.createFirstOwner(store, {
        username: 'bench',
        displayName: 'Bench',
        password: 'correct horse battery',
      });
      const imports = [];
      const exports = [];
      let projectId;
      for (let r = 0; r < runs; r++) {
        const uploadId = randomUUID();
        await storage.saveQdpxUpload(
          store.db,
          { id: uploadId, fileName: 'nvivo-win-oltas0517.qdpx', bytes, uploadedBy: owner.id },
          new Date(),
        );
        const imported = await timed(() =>
          server.executeCommand(store, owner, {
            id: randomUUID(),
            type: 'project.import-qdpx',
            payload: { uploadId },
          }),
        );
        imports.push(imported.ms);
        projectId = imported.value.result.projectId;
        exports.push((await timed(() => server.encodeQdpxExport(store.db, projectId, 'qdpx'))).ms);
      }
      log(
        `qdpx: ${backend}: NVivo import ${fmt(median(imports), 0)} ms, export ${fmt(median(exports), 0)} ms`,
      );
      rows.push([
        backend,
        'import NVivo .qdpx (152 codes, 2 texts, 303 codings)',
        runs,
        fmt(median(imports), 0),
        '< 2,000',
      ]);
      rows.push([backend, 'export it as .qdpx', runs, fmt(median(exports), 0), '< 2,000']);

      const generated = await generatedProject(store, owner, codings);
      const big = [];
      let size = 0;
      for (let r = 0; r < runs; r++) {
        const exported = await timed(() => server.encodeQdpxExport(store.db, generated, 'qdpx'));
        big.push(exported.ms);
        size = exported.value.bytes.byteLength;
      }
      log(`qdpx: ${backend}: ${codings} codings export ${fmt(median(big), 0)} ms`);
      rows.push([
        backend,
        `export ${codings.toLocaleString('en')} codings, 20 texts (${fmt(size / 1024 / 1024, 1)} MB .qdpx)`,
        runs,
        fmt(median(big), 0),
        '< 15,000',
      ]);
    } finally {
      await store.close();
      await location.dispose();
    }
  }
  const markdown = [
    'What: `project.import-qdpx` run through `executeCommand` (parse, place positions, one transaction',
    'writing project, codes, documents, codings, origins and report), the file already staged; and',
    '`encodeQdpxExport` (read, write project.qde, zip with sources/). Data: the shared NVivo 12 file',
    '(../shared/data/qdpx/nvivo-win-oltas0517.qdpx, 1.4 MB), and a generated project whose codings',
    `are written straight to the tables. Median of the runs listed. Load average at start ${fmt(loadavg()[0], 1)}.`,
    '',
    table(['Backend', 'Operation', 'Runs', 'Median ms', 'Target ms'], rows),
  ].join('\n');
  return { markdown, rows };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runQdpxBench({
    quick: process.argv.includes('--quick'),
    log: (l) => console.error(l),
  });
  console.log(result.markdown);
}
