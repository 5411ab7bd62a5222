// Identification bench: `weft import` of a generated RIS file (100,000 records by default) into
// a fresh embedded store, then `weft export` of every record, each timed from process start to
// exit as a user would run it, with the process's peak resident memory.
// Usage: node scripts/bench/identification-import.mjs [--records N] [--source]
//   --source runs the CLI from the TypeScript sources (tsx) instead of the built dist.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PEAK_RSS = join(REPO, 'scripts/bench/identification-peak-rss.mjs');

const WORDS = (
  'stroke aspirin outcomes randomised trial cohort adolescents depression physical activity rural ' +
  'nurse clinics heart failure cost analysis mortality elderly intervention primary care quality ' +
  'systematic review meta-analysis hospital admission readmission community health workers diabetes ' +
  'hypertension adherence telehealth pandemic vaccination uptake barriers facilitators qualitative ' +
  'integrated care older people mental services evaluation programme realist synthesis context mechanism'
).split(' ');
const FAMILIES =
  'Smith Jones Garcia Lee Brown Müller Nguyen Kowalski Rossi Dubois Silva Kim Okafor Larsen Novak Haddad'.split(
    ' ',
  );
const JOURNALS = [
  ['Stroke', 'Stroke'],
  ['BMJ Open', 'BMJ Open'],
  ['Journal of Adolescent Health', 'J Adolesc Health'],
  ['Social Science & Medicine', 'Soc Sci Med'],
  ['The Lancet', 'Lancet'],
  ['International Journal of Nursing Studies', 'Int J Nurs Stud'],
];

/** Deterministic (mulberry32), so every run imports the same file. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A MEDLINE-via-Ovid-shaped RIS export: DOIs on most records, abstracts of 40–90 words. */
export function generateRis(count, seed = 1) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const parts = [];
  for (let i = 1; i <= count; i++) {
    const [journal, abbreviation] = pick(JOURNALS);
    const year = 1990 + Math.floor(rand() * 35);
    const first = 1 + Math.floor(rand() * 2000);
    const lines = ['TY  - JOUR', `ID  - ${i}`, `TI  - ${words(8 + Math.floor(rand() * 8))} (${i})`];
    const authors = 1 + Math.floor(rand() * 6);
    for (let a = 0; a < authors; a++)
      lines.push(`AU  - ${pick(FAMILIES)}, ${String.fromCharCode(65 + Math.floor(rand() * 26))}.`);
    lines.push(
      `PY  - ${year}`,
      `T2  - ${journal}`,
      `J2  - ${abbreviation}`,
      `VL  - ${1 + Math.floor(rand() * 80)}`,
    );
    lines.push(
      `IS  - ${1 + Math.floor(rand() * 12)}`,
      `SP  - ${first}`,
      `EP  - ${first + Math.floor(rand() * 15)}`,
    );
    if (rand() < 0.8) lines.push(`DO  - 10.${1000 + Math.floor(rand() * 8000)}/bench.${year}.${i}`);
    if (rand() < 0.5) lines.push(`AN  - ${30000000 + i}`);
    lines.push(`AB  - ${words(40 + Math.floor(rand() * 50))}.`);
    for (let k = 0; k < 3; k++) lines.push(`KW  - ${pick(WORDS)}`);
    lines.push('ER  - ', '');
    parts.push(lines.join('\n'));
  }
  return `${parts.join('\n')}\n`;
}

export function weft(args, { fromSource, stdin } = {}) {
  const entry = fromSource
    ? [
        '--import',
        PEAK_RSS,
        '--conditions=weft-source',
        '--import',
        'tsx',
        join(REPO, 'packages/cli/src/testing/weft-from-source.ts'),
      ]
    : ['--import', PEAK_RSS, join(REPO, 'packages/cli/bin/weft.js')];
  return new Promise((resolvePromise, reject) => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    delete env.WEFT_DATA_DIR;
    const started = performance.now();
    const child = spawn(process.execPath, [...entry, ...args], {
      cwd: REPO,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdin.end(stdin ?? '');
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const peak = /weft-bench-peak-rss-kb (\d+)/.exec(stderr);
      const peakMegabytes = peak ? Math.round(Number(peak[1]) / 1024) : undefined;
      if (code !== 0) reject(new Error(`weft ${args[0]} exited ${code}: ${stderr.trim()}`));
      else resolvePromise({ stdout, seconds, peakMegabytes });
    });
  });
}

export async function runIdentificationBench({
  records,
  quick = false,
  fromSource = false,
  log = () => {},
} = {}) {
  const count = records ?? (quick ? 20_000 : 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'weft-bench-identification-'));
  try {
    const file = join(dir, 'medline.ris');
    const generating = performance.now();
    writeFileSync(file, generateRis(count));
    const megabytes = statSync(file).size / 1024 / 1024;
    log(
      `identification: generated ${count} RIS records (${megabytes.toFixed(1)} MB) in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
    );
    const dataDir = join(dir, 'store');
    await weft(['user', 'add', 'bench', '--password-stdin', '--data-dir', dataDir], {
      fromSource,
      stdin: 'correct horse battery\n',
    });
    await weft(['project', 'create', 'Bench', '--data-dir', dataDir], { fromSource });
    const run = await weft(
      [
        'import',
        file,
        '--search',
        'MEDLINE via Ovid',
        '--date',
        '2020-03-01',
        '--json',
        '--data-dir',
        dataDir,
      ],
      { fromSource },
    );
    const imported = JSON.parse(run.stdout).imports[0].recordCount;
    if (imported !== count) throw new Error(`imported ${imported} records, expected ${count}`);
    log(
      `identification: weft import of ${count} records took ${run.seconds.toFixed(1)} s, peak RSS ${run.peakMegabytes} MB`,
    );
    const exported = await weft(
      ['export', 'Bench', join(dir, 'all.ris'), '--view', 'all', '--json', '--data-dir', dataDir],
      { fromSource },
    );
    if (JSON.parse(exported.stdout).records !== count)
      throw new Error('export wrote the wrong number of records');
    log(
      `identification: weft export of ${count} records took ${exported.seconds.toFixed(1)} s, peak RSS ${exported.peakMegabytes} MB`,
    );
    const row = {
      what: '`weft import` of a generated RIS file into a fresh embedded (PGlite) store',
      records: count,
      fileMegabytes: Number(megabytes.toFixed(1)),
      seconds: Number(run.seconds.toFixed(1)),
      peakMegabytes: run.peakMegabytes,
      recordsPerSecond: Math.round(count / run.seconds),
      exportSeconds: Number(exported.seconds.toFixed(1)),
      exportPeakMegabytes: exported.peakMegabytes,
      target: count === 100_000 ? 'under 60 s' : 'n/a (not the 100,000-record run)',
      runs: 1,
      // Wall time on a shared machine depends on what else runs: the load says how shared it was.
      loadAverage: Number(loadavg()[0].toFixed(1)),
      cli: fromSource ? 'TypeScript sources via tsx' : 'built dist',
    };
    return {
      markdown:
        '| what | records | file | wall time (process start to exit) | peak RSS | records/s | target |\n' +
        '|---|---:|---:|---:|---:|---:|---|\n' +
        `| ${row.what} (${row.cli}) | ${row.records} | ${row.fileMegabytes} MB | ${row.seconds} s | ${row.peakMegabytes} MB | ${row.recordsPerSecond} | ${row.target} |\n` +
        `| \`weft export --view all\` of the same records as RIS | ${row.records} | | ${row.exportSeconds} s | ${row.exportPeakMegabytes} MB | ${Math.round(count / row.exportSeconds)} | |\n\n` +
        `One run each; the import time includes opening the store, parsing, and storing every source record and working copy in one transaction. Peak RSS is the whole process's (Node and the embedded PGlite heap). Load average during the run: ${row.loadAverage}.`,
      ...row,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--records');
  const result = await runIdentificationBench({
    records: at >= 0 ? Number(args[at + 1]) : undefined,
    fromSource: args.includes('--source'),
    log: (line) => console.error(line),
  });
  console.log(result.markdown);
}
