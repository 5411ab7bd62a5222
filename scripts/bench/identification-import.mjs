// Identification bench: `weft import` of generated files (100,000 records by default: RIS in
// UTF-8 and UTF-16, and CSV) into fresh embedded stores, then `weft export` of every record, each
// timed from process start to exit as a user would run it, with the process's peak resident memory.
// Usage: node scripts/bench/identification-import.mjs [--records N] [--runs N] [--source]
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
      const cpu = /weft-bench-cpu-ms (\d+)/.exec(stderr);
      const cpuSeconds = cpu ? Number(cpu[1]) / 1000 : undefined;
      if (code !== 0) reject(new Error(`weft ${args[0]} exited ${code}: ${stderr.trim()}`));
      else resolvePromise({ stdout, seconds, peakMegabytes, cpuSeconds });
    });
  });
}

/** The same kind of records as a CSV export (Scopus-like headers), one row per record. */
export function generateCsv(count, seed = 1) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const quote = (cell) => `"${String(cell).replace(/"/g, '""')}"`;
  const rows = [
    'Title,Authors,Year,Source title,Volume,Issue,Page start,Page end,DOI,Abstract,Author Keywords',
  ];
  for (let i = 1; i <= count; i++) {
    const [journal] = pick(JOURNALS);
    const year = 1990 + Math.floor(rand() * 35);
    const first = 1 + Math.floor(rand() * 2000);
    const authors = Array.from(
      { length: 1 + Math.floor(rand() * 6) },
      () => `${pick(FAMILIES)}, ${String.fromCharCode(65 + Math.floor(rand() * 26))}.`,
    ).join('; ');
    const doi = rand() < 0.8 ? `10.${1000 + Math.floor(rand() * 8000)}/bench.${year}.${i}` : '';
    rows.push(
      [
        quote(`${words(8 + Math.floor(rand() * 8))} (${i})`),
        quote(authors),
        year,
        quote(journal),
        1 + Math.floor(rand() * 80),
        1 + Math.floor(rand() * 12),
        first,
        first + Math.floor(rand() * 15),
        doi,
        quote(`${words(40 + Math.floor(rand() * 50))}.`),
        quote([pick(WORDS), pick(WORDS), pick(WORDS)].join('; ')),
      ].join(','),
    );
  }
  return `${rows.join('\n')}\n`;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** A fresh embedded store with a user and a project, as a reviewer would start. */
async function freshStore(dir, name, fromSource) {
  const dataDir = join(dir, name);
  await weft(['user', 'add', 'bench', '--password-stdin', '--data-dir', dataDir], {
    fromSource,
    stdin: 'correct horse battery\n',
  });
  await weft(['project', 'create', 'Bench', '--data-dir', dataDir], { fromSource });
  return dataDir;
}

/**
 * `weft import` of 100,000 records (RIS in UTF-8, the same RIS in UTF-16 LE, and a CSV) into
 * fresh embedded stores, each timed from process start to exit with the process's peak
 * resident memory, median of `runs` runs; then one `weft export` of the UTF-8 import.
 */
export async function runIdentificationBench({
  records,
  runs,
  quick = false,
  fromSource = false,
  log = () => {},
} = {}) {
  const count = records ?? (quick ? 20_000 : 100_000);
  const repeat = runs ?? (quick ? 1 : 3);
  const dir = mkdtempSync(join(tmpdir(), 'weft-bench-identification-'));
  try {
    const generating = performance.now();
    const risText = generateRis(count);
    const files = [
      { what: 'RIS, UTF-8', name: 'medline.ris', bytes: Buffer.from(risText) },
      {
        what: 'RIS, UTF-16 LE with BOM',
        name: 'medline-utf16.ris',
        bytes: Buffer.from(`\ufeff${risText}`, 'utf16le'),
      },
      { what: 'CSV, UTF-8', name: 'scopus.csv', bytes: Buffer.from(generateCsv(count)) },
    ];
    for (const file of files) {
      file.path = join(dir, file.name);
      writeFileSync(file.path, file.bytes);
      file.megabytes = statSync(file.path).size / 1024 / 1024;
      delete file.bytes;
    }
    log(
      `identification: generated ${count} records ×3 files in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
    );
    const rows = [];
    let exportRun;
    for (const file of files) {
      const seconds = [];
      const peaks = [];
      const cpus = [];
      for (let run = 0; run < repeat; run++) {
        const dataDir = await freshStore(dir, `store-${file.name}-${run}`, fromSource);
        const result = await weft(
          [
            'import',
            file.path,
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
        const imported = JSON.parse(result.stdout).imports[0].recordCount;
        if (imported !== count)
          throw new Error(`${file.name}: imported ${imported} records, expected ${count}`);
        seconds.push(result.seconds);
        peaks.push(result.peakMegabytes);
        cpus.push(result.cpuSeconds);
        log(
          `identification: ${file.what} run ${run + 1}: ${result.seconds.toFixed(1)} s (CPU ${result.cpuSeconds?.toFixed(1)} s), peak RSS ${result.peakMegabytes} MB`,
        );
        if (file === files[0] && run === 0) {
          const exported = await weft(
            ['export', 'Bench', join(dir, 'all.ris'), '--view', 'all', '--json', '--data-dir', dataDir],
            { fromSource },
          );
          if (JSON.parse(exported.stdout).records !== count)
            throw new Error('export wrote the wrong number of records');
          exportRun = exported;
        }
        rmSync(dataDir, { recursive: true, force: true });
      }
      rows.push({
        what: file.what,
        records: count,
        fileMegabytes: Number(file.megabytes.toFixed(1)),
        runs: repeat,
        seconds: Number(median(seconds).toFixed(1)),
        secondsRange: [Math.min(...seconds), Math.max(...seconds)].map((s) => Number(s.toFixed(1))),
        cpuSeconds: Number(median(cpus).toFixed(1)),
        peakMegabytes: median(peaks),
        peakMegabytesMax: Math.max(...peaks),
        recordsPerSecond: Math.round(count / median(seconds)),
      });
    }
    const loadAverage = Number(loadavg()[0].toFixed(1));
    const cli = fromSource ? 'TypeScript sources via tsx' : 'built dist';
    const target = count === 100_000 ? 'under 60 s, memory bounded' : 'n/a (not the 100,000-record run)';
    const table = rows
      .map(
        (row) =>
          `| \`weft import\` of a generated ${row.what} file | ${row.records} | ${row.fileMegabytes} MB | ${row.seconds} s (${row.secondsRange.join('–')}) | ${row.cpuSeconds} s | ${row.peakMegabytes} MB (max ${row.peakMegabytesMax}) | ${row.recordsPerSecond} | ${target} |`,
      )
      .join('\n');
    return {
      markdown:
        '| what | records | file | wall time, median (range) | CPU time, median | peak RSS, median (max) | records/s (wall) | target |\n' +
        '|---|---:|---:|---:|---:|---:|---:|---|\n' +
        `${table}\n` +
        `| \`weft export --view all\` of the UTF-8 import as RIS (one run) | ${count} | | ${exportRun.seconds.toFixed(1)} s | ${exportRun.cpuSeconds?.toFixed(1)} s | ${exportRun.peakMegabytes} MB | ${Math.round(count / exportRun.seconds)} | |\n\n` +
        `Median of ${repeat} run(s) each, every run into a fresh embedded (PGlite) store, CLI from the ${cli}. Wall time is process start to exit: opening the store, streaming the file into 1 MiB upload chunks, reading them back, parsing as a stream and storing every source record and working copy in one transaction. CPU time is the process's user + system time, the fairer figure on a shared machine. Peak RSS is the whole process's (Node and the embedded PGlite heap). Load average at the end: ${loadAverage}.`,
      records: count,
      runs: repeat,
      imports: rows,
      exportSeconds: Number(exportRun.seconds.toFixed(1)),
      exportPeakMegabytes: exportRun.peakMegabytes,
      loadAverage,
      cli,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--records');
  const runsAt = args.indexOf('--runs');
  const result = await runIdentificationBench({
    records: at >= 0 ? Number(args[at + 1]) : undefined,
    runs: runsAt >= 0 ? Number(args[runsAt + 1]) : undefined,
    fromSource: args.includes('--source'),
    log: (line) => console.error(line),
  });
  console.log(result.markdown);
}
