// Screening simulation bench: quality (WSS@95, WSS@100, RRF@10, ATD) and speed of Weft's
// prioritisation model on the labelled sets in ../shared/data/screening, 1 relevant + 1
// irrelevant prior per seed, until the last relevant record (as the baseline in the data README).
// Usage: npx tsc -b packages/core && node scripts/bench/screening-sim.mjs [set ...] [--seeds N]
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = resolve(root, '../shared/data/screening');
export const allSets = ['ace', 'nudging', 'virus', 'nagtegaal_2019', 'cohen_adhd'];

/** Baseline from the data README (scikit-learn re-creation of ASReview ELAS u4, 5 seeds). */
export const baseline = {
  ace: { wss95: 0.777, wss100: 0.261, rrf10: 0.85, atd: 0.0612, seconds: 23.8 },
  nudging: { wss95: 0.694, wss100: 0.431, rrf10: 0.653, atd: 0.0897, seconds: 12.2 },
  virus: { wss95: 0.709, wss100: 0.63, rrf10: 0.75, atd: 0.0775, seconds: 5.3 },
  nagtegaal_2019: { wss95: 0.738, wss100: 0.442, rrf10: 0.678, atd: 0.0866, seconds: 14.2 },
  cohen_adhd: { wss95: 0.507, wss100: 0.557, rrf10: 0.684, atd: 0.078, seconds: 1.7 },
};

function loadSet(name) {
  const rows = parse(readFileSync(resolve(dataDir, `${name}.csv`)), { columns: true, bom: true });
  const labelColumn = 'label_included' in rows[0] ? 'label_included' : 'included';
  return {
    texts: rows.map((r) => `${r.title ?? ''} ${r.abstract ?? ''}`),
    labels: rows.map((r) => Number(r[labelColumn]) === 1),
  };
}

/** CPU seconds (user + system) of this process since `start`: fair on a machine shared with others. */
const cpuSecondsSince = (start) => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
};

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

export async function runScreeningSim({ sets = allSets, seeds = 5, settings } = {}) {
  const core = await import(pathToFileURL(resolve(root, 'packages/core/dist/index.js')).href);
  const used = settings ?? core.defaultModelSettings;
  const results = {};
  for (const name of sets) {
    const { texts, labels } = loadSet(name);
    const runs = [];
    for (let seed = 0; seed < seeds; seed++) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      // Vectorising is inside the timing: a real simulation starts from texts.
      const result = core.simulateScreening({
        texts,
        labels,
        seed,
        priorIncluded: 1,
        priorExcluded: 1,
        settings: used,
      });
      runs.push({
        ...result.metrics,
        seconds: (performance.now() - started) / 1000,
        cpuSeconds: cpuSecondsSince(cpuStarted),
        trainings: result.trainings,
      });
    }
    results[name] = {
      records: labels.length,
      relevant: labels.filter(Boolean).length,
      seeds,
      wss95: mean(runs.map((r) => r.wss95)),
      wss100: mean(runs.map((r) => r.wss100)),
      rrf10: mean(runs.map((r) => r.rrf10)),
      atd: mean(runs.map((r) => r.atd)),
      seconds: mean(runs.map((r) => r.seconds)),
      cpuSeconds: mean(runs.map((r) => r.cpuSeconds)),
      trainings: mean(runs.map((r) => r.trainings)),
    };
  }
  return { settings: used, sets: results, comparison: compareWithBaseline(results) };
}

/**
 * Against the scikit-learn re-creation of ASReview's default (../shared/data/README.md): WSS@95
 * per set and on the mean (Weft's default must beat the mean), and time per seed as a share of
 * the re-creation's (the target is at most one half), by wall clock and by this process's CPU.
 */
function compareWithBaseline(results) {
  const rows = {};
  for (const [name, r] of Object.entries(results)) {
    const b = baseline[name];
    if (!b) continue;
    rows[name] = {
      wss95: r.wss95,
      baselineWss95: b.wss95,
      wallShareOfBaseline: r.seconds / b.seconds,
      cpuShareOfBaseline: r.cpuSeconds / b.seconds,
    };
  }
  const names = Object.keys(rows);
  if (names.length > 0)
    rows.mean = {
      wss95: mean(names.map((n) => rows[n].wss95)),
      baselineWss95: mean(names.map((n) => rows[n].baselineWss95)),
      wallShareOfBaseline: mean(names.map((n) => rows[n].wallShareOfBaseline)),
      cpuShareOfBaseline: mean(names.map((n) => rows[n].cpuShareOfBaseline)),
    };
  return rows;
}

const pct = (x) => `${(100 * x).toFixed(1)} %`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const seedsAt = args.indexOf('--seeds');
  const seeds = seedsAt >= 0 ? Number(args[seedsAt + 1]) : 5;
  const settingsAt = args.indexOf('--settings');
  const settings = settingsAt >= 0 ? JSON.parse(args[settingsAt + 1]) : undefined;
  const optionValues = new Set([seedsAt, settingsAt].filter((i) => i >= 0).map((i) => i + 1));
  const named = args.filter((a, i) => !a.startsWith('--') && !optionValues.has(i));
  const { sets } = await runScreeningSim({ sets: named.length ? named : allSets, seeds, settings });
  console.log(
    'set             WSS@95 (base)     WSS@100 (base)    RRF@10 (base)     ATD (base)        s/seed (base)  CPU s/seed',
  );
  for (const [name, r] of Object.entries(sets)) {
    const b = baseline[name];
    const cell = (v, w) => `${pct(v)} (${pct(w)})`.padEnd(18);
    console.log(
      `${name.padEnd(16)}${cell(r.wss95, b.wss95)}${cell(r.wss100, b.wss100)}${cell(r.rrf10, b.rrf10)}${cell(r.atd, b.atd)}${`${r.seconds.toFixed(2)} (${b.seconds})`.padEnd(15)}${r.cpuSeconds.toFixed(2).padEnd(11)}trainings ${r.trainings.toFixed(0)}`,
    );
  }
  const names = Object.keys(sets);
  console.log(
    `mean WSS@95 ${pct(mean(names.map((n) => sets[n].wss95)))} (baseline ${pct(mean(names.map((n) => baseline[n].wss95)))})`,
  );
}
