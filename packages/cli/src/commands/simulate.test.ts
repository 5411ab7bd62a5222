import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliResult, runInProcess } from '../testing/capture-io.js';

/**
 * Written for this test: 6 relevant records about zebrafish heart regeneration, 34 irrelevant
 * ones built from unrelated topics, so any sensible model finds the relevant ones first.
 */
const RELEVANT = [
  [
    'Zebrafish heart regeneration after cryoinjury',
    'Cardiomyocyte proliferation drives zebrafish heart regeneration.',
  ],
  [
    'Cardiomyocyte dedifferentiation in regenerating zebrafish hearts',
    'Zebrafish cardiomyocytes dedifferentiate and proliferate during heart regeneration.',
  ],
  [
    'Epicardial signals in zebrafish cardiac regeneration',
    'The epicardium supports cardiomyocyte proliferation in zebrafish heart regeneration.',
  ],
  [
    'Macrophages are required for zebrafish heart regeneration',
    'Without macrophages zebrafish cardiomyocyte proliferation and heart regeneration fail.',
  ],
  [
    'Notch signalling in zebrafish cardiomyocyte proliferation',
    'Notch controls cardiomyocyte proliferation after zebrafish heart injury and regeneration.',
  ],
  [
    'Hypoxia and zebrafish heart regeneration',
    'Hypoxia promotes cardiomyocyte proliferation in the regenerating zebrafish heart.',
  ],
];
const TOPICS = [
  'school meals',
  'rural broadband',
  'tax compliance',
  'bus timetables',
  'library loans',
  'wheat yields',
  'river pollution',
  'housing prices',
  'football injuries',
  'voter turnout',
  'coffee trade',
  'museum visits',
  'teacher workload',
  'hospital parking',
  'urban noise',
  'fishing quotas',
  'retail wages',
];
const SETTINGS = ['in Norway', 'among retirees', 'in secondary schools', 'during winter', 'in small towns'];

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function labelledCsv(options: { relevant?: number; irrelevant?: number; header?: string } = {}): string {
  const relevant = options.relevant ?? RELEVANT.length;
  const irrelevant = options.irrelevant ?? 34;
  const rows: string[][] = [];
  for (let i = 0; i < irrelevant; i++) {
    const topic = TOPICS[i % TOPICS.length] as string;
    const setting = SETTINGS[(i * 3) % SETTINGS.length] as string;
    rows.push([
      `A survey of ${topic} ${setting}`,
      `We describe ${topic} ${setting} and discuss policy options for ${topic}.`,
      '0',
    ]);
  }
  // Relevant records spread through the file, not at the top.
  RELEVANT.slice(0, relevant).forEach(([title, abstract], i) => {
    rows.splice(Math.min(rows.length, i * 6 + 3), 0, [title as string, abstract as string, '1']);
  });
  const header = options.header ?? 'title,abstract,label_included';
  return `record_id,${header}\n${rows.map((row, i) => [String(i + 1), ...row].map(csvCell).join(',')).join('\n')}\n`;
}

const dir = mkdtempSync(join(tmpdir(), 'weft-simulate-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function expectOneLineError(result: CliResult, message: RegExp): void {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^weft: /);
  expect(lines[0]).toMatch(message);
}

/** The JSON output without wall-clock figures, which differ between two identical runs. */
function withoutTimings(json: Record<string, unknown>): Record<string, unknown> {
  const { seconds: _s, recordsPerSecond: _r, perSeed, ...rest } = json;
  return {
    ...rest,
    perSeed: (perSeed as Array<Record<string, unknown>>).map(
      ({ seconds: _ss, recordsPerSecond: _rr, ...seed }) => seed,
    ),
  };
}

describe('weft simulate', () => {
  const easy = write('easy.csv', labelledCsv());

  it('finds the obviously relevant records first and prints one JSON object', async () => {
    const result = await runInProcess(['simulate', easy, '--seeds', '1', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({
      labelColumn: 'label_included',
      records: 40,
      relevant: 6,
      seeds: 1,
      priorIncluded: 1,
      priorExcluded: 1,
      settings: { type: 'model-settings' },
    });
    // 5 relevant left among 38 records: finding them first gives WSS@95 = 33/38 − 0.05 ≈ 0.818.
    expect(json.wss95).toBeGreaterThan(0.75);
    expect(json.wss100).toBeGreaterThan(0.75);
    expect(json.rrf10).toBeGreaterThanOrEqual(0.6);
    expect(json.atd).toBeLessThan(0.1);
    for (const key of ['wss95', 'wss100', 'rrf10', 'atd']) {
      expect(json[key]).toBeGreaterThanOrEqual(0);
      expect(json[key]).toBeLessThanOrEqual(1);
    }
    expect(json.seconds).toBeGreaterThan(0);
    expect(json.recordsPerSecond).toBeGreaterThan(0);
    expect(json.perSeed).toHaveLength(1);
    const [seed] = json.perSeed;
    expect(seed).toMatchObject({ seed: 0, wss95: json.wss95, atd: json.atd });
    expect(seed.screened).toBeGreaterThanOrEqual(5);
    expect(seed.screened).toBeLessThanOrEqual(38);
    expect(seed.priorLines).toHaveLength(2);
  });

  it('runs one entry per seed, and the same seeds give the same results', async () => {
    const first = await runInProcess(['simulate', easy, '--seeds', '2', '--json']);
    const second = await runInProcess(['simulate', easy, '--seeds', '2', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const a = JSON.parse(first.stdout);
    const b = JSON.parse(second.stdout);
    expect(a.perSeed.map((s: { seed: number }) => s.seed)).toEqual([0, 1]);
    expect(withoutTimings(a)).toEqual(withoutTimings(b));
    const mean = (key: string) => (a.perSeed[0][key] + a.perSeed[1][key]) / 2;
    for (const key of ['wss95', 'wss100', 'rrf10', 'atd', 'seconds'])
      expect(a[key]).toBeCloseTo(mean(key), 12);
    // Different seeds draw different priors.
    expect(a.perSeed[0].priorLines).not.toEqual(a.perSeed[1].priorLines);
  });

  it('prints a table per seed and the mean without --json', async () => {
    const result = await runInProcess(['simulate', easy, '--seeds', '2']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^easy\.csv: 40 records, 6 relevant \(label_included\)/);
    expect(result.stdout).toMatch(/seed\s+WSS@95\s+WSS@100\s+RRF@10\s+ATD\s+screened\s+seconds\s+records\/s/);
    expect(result.stdout).toMatch(/^0\s+\d+\.\d %/m);
    expect(result.stdout).toMatch(/^1\s+\d+\.\d %/m);
    expect(result.stdout).toMatch(/^mean\s+\d+\.\d %/m);
  });

  it('accepts the `included` column (ASReview sim_datasets)', async () => {
    const path = write('included.csv', labelledCsv({ header: 'title,abstract,included' }));
    const result = await runInProcess(['simulate', path, '--seeds', '1', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ labelColumn: 'included', relevant: 6 });
  });

  it('writes the recall curve and the random diagonal as a standalone SVG', async () => {
    const plot = join(dir, 'recall.svg');
    const result = await runInProcess(['simulate', easy, '--seeds', '3', '--plot', plot, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).plot).toBe(plot);
    const svg = readFileSync(plot, 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg);
    expect(doc.svg.xmlns).toBe('http://www.w3.org/2000/svg');
    const paths = ([] as Array<Record<string, string>>).concat(doc.svg.path);
    const series = paths.map((p) => p['data-series']);
    expect(series).toEqual(['random', 'seed-0', 'seed-1', 'seed-2', 'mean']);
    const random = paths.find((p) => p['data-series'] === 'random') as Record<string, string>;
    const mean = paths.find((p) => p['data-series'] === 'mean') as Record<string, string>;
    const points = (d: string) => d.split(/\s+/).map((p) => p.replace(/^[ML]/, '').split(',').map(Number));
    // The diagonal goes from the bottom-left corner to the top-right one.
    const [start, end] = points(random.d as string) as [number[], number[]];
    expect(start[0]).toBeLessThan(end[0] as number);
    expect(start[1]).toBeGreaterThan(end[1] as number);
    // The model's curve starts at the same corner, rises above the diagonal and ends at the top right.
    const curve = points(mean.d as string);
    expect(curve[0]).toEqual(start);
    expect(curve[curve.length - 1]).toEqual(end);
    expect(curve.length).toBeGreaterThan(5);
    const texts = JSON.stringify(doc.svg.text);
    expect(texts).toContain('Records screened');
    expect(texts).toContain('Relevant records found');
    expect(texts).toContain('Recall curve: easy.csv');
    expect(texts).toContain('100 %');
    expect(JSON.stringify(doc.svg.g)).toContain('random screening');
  });

  describe('refuses with one line on stderr and nothing on stdout', () => {
    it.each([
      ['a missing file', () => [join(dir, 'nope.csv')], /Cannot read .*nope\.csv: no such file/],
      [
        'a file without a label column',
        () => [write('unlabelled.csv', 'title,abstract\nOne,first\nTwo,second\n')],
        /unlabelled\.csv has no label column \(label_included or included/,
      ],
      [
        'a file without titles or abstracts',
        () => [write('no-text.csv', 'record_id,label_included\n1,1\n2,0\n3,1\n')],
        /no-text\.csv has no title or abstract text/,
      ],
      [
        'a label that is not 0 or 1',
        () => [write('maybe.csv', 'title,label_included\nOne,1\nTwo,maybe\nThree,0\n')],
        /maybe\.csv, line 3: label_included must be 1 or 0 for every record, not "maybe"/,
      ],
      [
        'no relevant records',
        () => [write('none-relevant.csv', labelledCsv({ relevant: 0 }))],
        /none-relevant\.csv has no relevant records/,
      ],
      [
        'no irrelevant records',
        () => [write('all-relevant.csv', labelledCsv({ irrelevant: 0 }))],
        /all-relevant\.csv has no irrelevant records/,
      ],
      [
        'fewer relevant records than --prior-included',
        () => [easy, '--prior-included', '7'],
        /easy\.csv has 6 relevant records: --prior-included 7 leaves none to find/,
      ],
      [
        'as many relevant records as --prior-included',
        () => [write('one-relevant.csv', labelledCsv({ relevant: 1 }))],
        /has 1 relevant record: --prior-included 1 leaves none to find/,
      ],
      [
        'more --prior-excluded than irrelevant records',
        () => [easy, '--prior-excluded', '35'],
        /has 34 irrelevant records, fewer than --prior-excluded 35/,
      ],
      ['--seeds 0', () => [easy, '--seeds', '0'], /--seeds must be a whole number of at least 1, not "0"/],
      ['--seeds abc', () => [easy, '--seeds', 'abc'], /--seeds must be a whole number/],
      ['--seeds 2.5', () => [easy, '--seeds', '2.5'], /--seeds must be a whole number/],
      ['--prior-included -1', () => [easy, '--prior-included=-1'], /--prior-included must be a whole number/],
      [
        '--prior-excluded x',
        () => [easy, '--prior-excluded', 'x'],
        /--prior-excluded must be a whole number/,
      ],
      [
        'a plot in a folder that does not exist',
        () => [easy, '--plot', join(dir, 'no-such-folder', 'r.svg')],
        /Cannot write .*r\.svg: its folder does not exist/,
      ],
    ])('%s', async (_name, args, message) => {
      expectOneLineError(await runInProcess(['simulate', ...args(), '--json']), message);
    });
  });
});
