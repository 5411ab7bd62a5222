// `npm run bench [-- AREA…] [--quick] [--sets a,b] [--seeds N]`: measures speed and quality of
// the built packages and rewrites the measured areas' sections of BENCHMARKS.md.
// Benchmarks are not tests: nothing here fails on a missed target; it reports the figure.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeMachine, machineLine } from './bench/machine.mjs';
import { renderValue, sectionHeading, updateBenchmarks } from './bench/report.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = `${ROOT}BENCHMARKS.md`;

const SECTIONS = [
  {
    id: 'foundation',
    title: 'Foundation: commands, live feed, cold start',
    script: 'foundation-suite.mjs',
    run: (mod, options) => mod.runFoundation(options),
  },
  {
    id: 'dedup',
    title: 'Deduplication quality',
    script: 'dedup-quality.mjs',
    run: async (mod, options) =>
      `${sectionHeading('Deduplication quality', options.machine)}\n\n${renderResult(await mod.runDedupQuality(), mod)}`,
  },
  {
    id: 'dedup-speed',
    title: 'Deduplication speed',
    script: 'dedup-synthetic.mjs',
    run: async (mod, options) => {
      // 7,000 records is the size of BibDedupe's timed set; 100,000 the scale target.
      const sizes = options.quick ? [7_000] : [7_000, 100_000];
      const rows = [];
      for (const n of sizes) rows.push(await mod.runDedupSynthetic({ n }));
      return `${sectionHeading('Deduplication speed', options.machine)}\n\nWhat: \`findDuplicates\` on generated records with realistic variation (typos, missing DOIs, abbreviated journals, reordered authors, preprint/published pairs), one run per size. Targets: 7,000 records under 5 s; 100,000 under 60 s and 2 GB.\n\n${renderValue(rows)}`;
    },
  },
  {
    id: 'identification',
    title: 'Import speed',
    script: 'identification-import.mjs',
    run: async (mod, options) =>
      `${sectionHeading('Import speed', options.machine)}\n\n${renderResult(
        await mod.runIdentificationBench({ quick: options.quick, log: options.log }),
        mod,
      )}`,
  },
  {
    id: 'anchoring',
    title: 'Re-anchoring codings',
    script: 'anchoring.mjs',
    run: async (mod, options) =>
      `${sectionHeading('Re-anchoring codings', options.machine)}\n\n${renderResult(await mod.runAnchoringBench({ quick: options.quick }), mod)}`,
  },
  {
    id: 'screening',
    title: 'Screening simulation',
    script: 'screening-sim.mjs',
    run: async (mod, options) =>
      `${sectionHeading('Screening simulation', options.machine)}\n\n${renderResult(
        await mod.runScreeningSim({ sets: options.sets, seeds: options.seeds }),
        mod,
      )}`,
  },
  {
    id: 'screening-retrain',
    title: 'Screening retrain speed',
    script: 'screening-retrain.mjs',
    run: async (mod, options) =>
      `${sectionHeading('Screening retrain speed', options.machine)}\n\n${(await mod.runScreeningRetrain(options)).markdown}`,
  },
  {
    id: 'screening-next',
    title: 'Screening next',
    script: 'screening-next.mjs',
    run: async (mod, options) =>
      `${sectionHeading('Screening next', options.machine)}\n\n${(await mod.runScreeningNext({ quick: options.quick, log: options.log })).markdown}`,
  },
  {
    id: 'prisma',
    title: 'PRISMA diagram',
    script: 'prisma-render.mjs',
    run: async (mod, options) =>
      `${sectionHeading('PRISMA diagram', options.machine)}\n\n${(await mod.runPrismaRender({ quick: options.quick, log: options.log })).markdown}`,
  },
  {
    id: 'qdpx',
    title: 'REFI-QDA import and export',
    script: 'qdpx.mjs',
    run: async (mod, options) =>
      `${sectionHeading('REFI-QDA import and export', options.machine)}\n\n${(await mod.runQdpxBench({ quick: options.quick, log: options.log })).markdown}`,
  },
  {
    id: 'coding-ui',
    title: 'Coding screen',
    script: 'coding-ui.mjs',
    run: async (mod, options) =>
      `${sectionHeading('Coding screen', options.machine)}\n\n${(await mod.runCodingUi({ quick: options.quick, log: options.log })).markdown}`,
  },
];

/** Another area's result as tables; a `markdown` string it returns is used as written. */
function renderResult(result, mod) {
  if (result && typeof result.markdown === 'string') return result.markdown;
  const parts = [renderValue(result)];
  if (mod.baseline && typeof mod.baseline === 'object') {
    parts.push(`### Reference figures (the script's \`baseline\`)\n\n${renderValue(mod.baseline, 4)}`);
  }
  return parts.join('\n\n');
}

const USAGE = `usage: npm run bench [-- AREA…] [--quick] [--sets a,b] [--seeds N]
  AREA      ${SECTIONS.map((s) => s.id).join(', ')} (default: all)
  --quick   fewer and shorter runs (for trying the bench out; the figures are noisier)
  --sets    screening sets to simulate (default: the script's own list)
  --seeds   screening seeds per set (default: the script's own)
Set DATABASE_URL=postgres://… to measure PostgreSQL as well as PGlite (a fresh database is
created on that server for the run and dropped after).`;

function parseArgs(argv) {
  const options = { areas: [], quick: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--sets') options.sets = argv[++i]?.split(',').filter(Boolean);
    else if (arg === '--seeds') options.seeds = Number.parseInt(argv[++i] ?? '', 10);
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else if (SECTIONS.some((s) => s.id === arg)) options.areas.push(arg);
    else throw new Error(`unknown area "${arg}"`);
  }
  if (options.seeds !== undefined && !(options.seeds > 0)) throw new Error('--seeds needs a positive number');
  if (options.areas.length === 0) options.areas = SECTIONS.map((s) => s.id);
  return options;
}

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(`bench: ${error.message}\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const required = [
  'packages/server/dist/index.js',
  'packages/storage/dist/index.js',
  'packages/cli/dist/main.js',
];
const missing = required.filter((path) => !existsSync(`${ROOT}${path}`));
if (missing.length > 0) {
  console.error(
    `bench: ${missing.join(', ')} not built. Run \`npm run build\` first; the bench measures the built packages.`,
  );
  process.exit(1);
}

const machine = describeMachine();
console.error(`bench: ${machineLine(machine)}`);
const fresh = new Map();
const placeholders = new Map();
let failed = false;
for (const section of SECTIONS) {
  const path = `${ROOT}scripts/bench/${section.script}`;
  if (!existsSync(path)) {
    placeholders.set(
      section.id,
      `## ${section.title}\n\nNot yet measured (\`scripts/bench/${section.script}\` does not exist yet).`,
    );
    if (options.areas.includes(section.id))
      console.error(`bench: ${section.id}: not yet measured (no ${section.script})`);
    continue;
  }
  if (!options.areas.includes(section.id)) {
    placeholders.set(
      section.id,
      `## ${section.title}\n\nNot yet measured: run \`npm run bench -- ${section.id}\`.`,
    );
    continue;
  }
  const started = Date.now();
  console.error(`bench: ${section.id}: running`);
  try {
    const mod = await import(pathToFileURL(path).href);
    fresh.set(
      section.id,
      await section.run(mod, { ...options, machine, log: (line) => console.error(`bench: ${line}`) }),
    );
    console.error(`bench: ${section.id}: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } catch (error) {
    failed = true;
    console.error(`bench: ${section.id} failed (its previous figures are kept): ${error.stack ?? error}`);
  }
}
updateBenchmarks(OUT, { order: SECTIONS.map((s) => s.id), fresh, placeholders, machine });
console.error(`bench: wrote ${OUT} (${[...fresh.keys()].join(', ') || 'no section'} measured)`);
process.exit(failed ? 1 : 0);
