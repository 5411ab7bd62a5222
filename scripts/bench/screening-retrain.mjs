// Prioritisation retrain speed: the prioritiser's worker thread (built package) on a generated
// 100,000-record project. The worker vectorises a stage's records once (kept between retrains);
// each decision then costs one retrain + re-rank of every record, which must stay under 1 s.
// Usage: npm run build && node scripts/bench/screening-retrain.mjs [--quick]
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { fmt, median, table } from './report.mjs';

const root = new URL('../../', import.meta.url);
const { ModelWorker } = await import(
  new URL('packages/server/dist/screening/prioritiser/model-worker.js', root).href
);
const { defaultModelSettings } = await import(new URL('packages/core/dist/index.js', root).href);

/** Deterministic PRNG (mulberry32): the same corpus on every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Title + abstract of 260–340 words from a 30,000-word Zipf vocabulary where a word is often
 * followed by one of its few usual successors (as in real prose), tuned so that terms per
 * record (about 350 unigrams and bigrams) and the share of one-record terms (about a fifth)
 * match the labelled sets in shared/data/screening; 2 % of records carry a topic's words.
 */
export function generateCorpus(n, seed = 1) {
  const random = prng(seed);
  const size = 30_000;
  const vocabulary = Array.from({ length: size }, (_, i) => `w${i.toString(36)}`);
  const topic = ['collaboration', 'interprofessional', 'teamwork', 'nurses', 'physicians', 'ward'];
  const zipf = () => Math.min(size - 1, Math.floor(Math.exp(random() * Math.log(size)) - 1));
  const successor = (word, k) => ((Math.imul(word + 1, 2654435761) + k * 40503) % 4000) >>> 0;
  const texts = [];
  const relevant = [];
  for (let i = 0; i < n; i++) {
    const isRelevant = random() < 0.02;
    const words = [];
    const length = LENGTH + Math.floor(random() * 80);
    let previous = zipf();
    for (let k = 0; k < length; k++) {
      if (isRelevant && random() < 0.05) {
        words.push(topic[Math.floor(random() * topic.length)]);
        continue;
      }
      const next = random() < PHRASE ? successor(previous, Math.floor(random() * 3)) : zipf();
      words.push(vocabulary[next]);
      previous = next;
    }
    texts.push(words.join(' '));
    relevant.push(isRelevant);
  }
  return { texts, relevant };
}

const PHRASE = 0.75;
const LENGTH = 260;

/**
 * The whole retrain on the embedded store (PGlite), as the server runs it after a decision: read
 * the labels, train in the worker, store the run and its ranking. `stall` is the worst lateness
 * of a 10 ms timer on the server thread meanwhile (how long requests could have waited).
 */
async function endToEnd(n, log) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { randomUUID } = await import('node:crypto');
  const storage = await import(new URL('packages/storage/dist/index.js', root).href);
  const { Prioritiser } = await import(
    new URL('packages/server/dist/screening/prioritiser/prioritiser.js', root).href
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'weft-bench-retrain-'));
  const store = await storage.openStore({ dataDir });
  const prioritiser = new Prioritiser(store, {});
  try {
    const at = new Date();
    const [userId, projectId, searchId, stageId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await store.db
      .insertInto('users')
      .values({
        id: userId,
        username: 'a',
        display_name: 'A',
        password_hash: 'x',
        is_admin: true,
        created_at: at,
      })
      .execute();
    await store.db
      .insertInto('projects')
      .values({
        id: projectId,
        name: 'P',
        description: '',
        archived: false,
        version: 1,
        created_at: at,
        created_by: userId,
        last_seq: 0,
      })
      .execute();
    await storage.insertSearch(store.db, {
      id: searchId,
      projectId,
      createdBy: userId,
      at,
      sourceType: 'database',
      name: 'M',
      platform: '',
      dateRun: null,
      query: '',
      reportedCount: null,
      notes: '',
    });
    const { texts, relevant } = generateCorpus(n, 3);
    log(`screening-retrain: storing ${n} records in PGlite`);
    const ids = await store.db.transaction().execute((trx) =>
      storage.insertImport(
        trx,
        {
          id: randomUUID(),
          projectId,
          searchId,
          uploadId: null,
          fileName: 'g',
          format: 'ris',
          encoding: 'utf-8',
          warnings: [],
          importedBy: userId,
          at,
        },
        texts.map((text, i) => ({
          record: {
            type: 'bibliographic-record',
            authors: [],
            keywords: [],
            urls: [],
            extra: {},
            title: text.slice(0, 90),
            abstract: text,
          },
          sourceText: '',
          line: i + 1,
          position: i + 1,
        })),
      ),
    );
    await storage.insertStage(store.db, {
      id: stageId,
      projectId,
      key: 'title-abstract',
      name: 'T',
      position: 1,
      mode: 'single',
      samplePercent: null,
      sampleSeed: 1,
      reviewerIds: [],
      reasonRequired: false,
      at,
    });
    const decide = (rows) =>
      store.db.transaction().execute((trx) =>
        storage.insertDecisions(
          trx,
          rows.map((r) => ({
            projectId,
            stageId,
            recordId: ids[r],
            reviewerId: userId,
            decision: relevant[r] ? 'include' : 'exclude',
            source: 'weft',
            at: new Date(),
          })),
        ),
      );
    const screened = [relevant.indexOf(true)];
    for (let r = 0; screened.length < 500; r += 7) screened.push(r);
    await decide(screened);
    let worst = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last - 10);
      last = now;
    }, 10);
    const runs = [];
    try {
      log('screening-retrain: first end-to-end retrain (vectorises)');
      await prioritiser.retrain(projectId, stageId);
      for (let i = 0; i < 5; i++) {
        await decide([3 + i * 7]);
        worst = 0;
        last = performance.now();
        const started = performance.now();
        await prioritiser.retrain(projectId, stageId);
        runs.push({ wall: performance.now() - started, stall: worst });
      }
    } finally {
      clearInterval(timer);
    }
    return runs;
  } finally {
    await prioritiser.stop();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runScreeningRetrain({ quick = false, log = () => undefined } = {}) {
  const n = quick ? 20_000 : 100_000;
  const { texts, relevant } = generateCorpus(n);
  const worker = new ModelWorker();
  const random = prng(7);
  // A review part-way through: 1,000 records screened (their true labels), then one decision at a time.
  const labelled = [];
  const seen = new Set();
  while (labelled.length < 1000) {
    const row = Math.floor(random() * n);
    if (seen.has(row)) continue;
    seen.add(row);
    labelled.push(row);
  }
  const request = (rows, withTexts) => ({
    stageId: 'bench',
    corpusKey: `generated-${n}`,
    ...(withTexts ? { texts } : {}),
    labelledRows: Int32Array.from(rows),
    labels: Uint8Array.from(rows, (r) => (relevant[r] ? 1 : 0)),
    settings: defaultModelSettings,
    seed: 1,
  });
  try {
    log(`screening-retrain: vectorising ${n} records in the worker`);
    let started = performance.now();
    const firstCpuStart = process.cpuUsage();
    const first = await worker.train(request(labelled, true));
    const firstUsage = process.cpuUsage(firstCpuStart);
    const firstCpu = (firstUsage.user + firstUsage.system) / 1000;
    const firstWall = performance.now() - started;
    const retrains = [];
    for (let i = 0; i < (quick ? 5 : 12); i++) {
      let row = Math.floor(random() * n);
      while (seen.has(row)) row = (row + 1) % n;
      seen.add(row);
      labelled.push(row);
      started = performance.now();
      // Process-wide CPU time: this thread only waits, so it is the worker's (plus GC threads).
      const cpuStart = process.cpuUsage();
      const outcome = await worker.train(request(labelled, false));
      const wall = performance.now() - started;
      const cpu = process.cpuUsage(cpuStart);
      retrains.push({
        wall,
        cpu: (cpu.user + cpu.system) / 1000,
        ...outcome.timings,
        warm: outcome.warmStart,
      });
    }
    const rss = process.memoryUsage().rss;
    const load = loadavg()[0];
    const rows = [
      [
        'first run (vectorise + train + score)',
        fmt(firstWall / 1000, 2),
        fmt(firstCpu / 1000, 2),
        fmt(first.timings.vectoriseMs / 1000, 2),
        fmt(first.timings.trainMs, 0),
        fmt(first.timings.rankMs, 0),
      ],
      [
        `retrain after one more decision (median of ${retrains.length})`,
        fmt(median(retrains.map((r) => r.wall)) / 1000, 3),
        fmt(median(retrains.map((r) => r.cpu)) / 1000, 3),
        '0 (cached)',
        fmt(median(retrains.map((r) => r.trainMs)), 0),
        fmt(median(retrains.map((r) => r.rankMs)), 0),
      ],
      [
        'slowest retrain',
        fmt(Math.max(...retrains.map((r) => r.wall)) / 1000, 3),
        fmt(Math.max(...retrains.map((r) => r.cpu)) / 1000, 3),
        '0 (cached)',
        fmt(Math.max(...retrains.map((r) => r.trainMs)), 0),
        fmt(Math.max(...retrains.map((r) => r.rankMs)), 0),
      ],
    ];
    const markdown = `What: the prioritiser's worker thread (\`packages/server/src/screening/prioritiser\`, built) with core's default model (TF-IDF unigrams + bigrams, sublinear tf, linear SVM C = 0.11) on ${n.toLocaleString('en')} generated records (260–340 words each, about 350 distinct unigrams and bigrams per record and a fifth of them found in one record only, like the labelled sets in shared/data/screening), 1,000 screened, then one decision at a time. "Wall" is the round trip from the server thread (labels in, every record's score back); the matrix is built once per stage's set of records and kept in the worker. Target: retrain + re-rank under 1 s. Process RSS after the run: ${fmt(rss / 2 ** 30, 2)} GB. Load average when it finished: ${fmt(load, 1)} on ${availableParallelism()} cores (wall times stretch with it; CPU time much less). Storing the run and its ranking is measured end to end below.\n\n${table(['step', 'wall (s)', 'CPU (s)', 'vectorise (s)', 'train (ms)', 'score all (ms)'], rows)}\n\nWarm starts used: ${retrains.filter((r) => r.warm).length} of ${retrains.length} retrains (core's SVM continues from the previous solution when the new labels only add to the old).`;
    const storeN = quick ? 5_000 : 20_000;
    const e2e = await endToEnd(storeN, log);
    const e2eTable = table(
      ['records', 'retrain end to end (s, median of 5)', 'worst server-thread stall (ms)'],
      [[storeN, fmt(median(e2e.map((r) => r.wall)) / 1000, 2), fmt(Math.max(...e2e.map((r) => r.stall)), 0)]],
    );
    const full = `${markdown}\n\nEnd to end on the embedded store (PGlite), after one more decision: read the stage's labels, retrain and score in the worker, store the model run, its best 10,000 scores and the \`model.trained\` event.\n\n${e2eTable}`;
    return {
      markdown: full,
      n,
      retrainSeconds: median(retrains.map((r) => r.wall)) / 1000,
      retrainCpuSeconds: median(retrains.map((r) => r.cpu)) / 1000,
    };
  } finally {
    await worker.terminate();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quick = process.argv.includes('--quick');
  const { markdown } = await runScreeningRetrain({ quick, log: (line) => console.error(line) });
  console.log(markdown);
}
