import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runInProcess } from './testing/capture-io.js';
import { type CliOnTestStore, cliOnTestStore } from './testing/cli-on-test-store.js';

/** Written for this test: rows 1 and 3 are one article (DOI in two forms); 2 and 4 are different works. */
const REFERENCES_CSV = `record_id,title,authors,year,journal,volume,pages,doi
1,Effects of aspirin on stroke recurrence in older adults: a randomised trial,Smith J; Jones M,2019,Stroke,50,1001-1010,10.1161/STROKEAHA.119.000001
2,Physical activity and depression among adolescents in rural settings,Garcia A; Lee K,2020,Journal of Adolescent Health,66,200-210,
3,Effects of aspirin on stroke recurrence in older adults: a randomised trial.,Smith John; Jones Mary,2019,Stroke,50,1001-10,https://doi.org/10.1161/strokeaha.119.000001
4,"Nurse-led clinics for heart failure, a cost analysis",Brown P,2018,BMJ Open,8,e012345,
`;

const MEDLINE_RIS = `TY  - JOUR
TI  - Effects of aspirin on stroke recurrence in older adults: a randomised trial
AU  - Smith, John
AU  - Jones, Mary
PY  - 2019
T2  - Stroke
VL  - 50
SP  - 1001
EP  - 1010
DO  - 10.1161/STROKEAHA.119.000001
ER  - 

TY  - JOUR
TI  - Nurse-led clinics for heart failure: a cost analysis
AU  - Brown, Peter
PY  - 2018
T2  - BMJ Open
ER  - 
`;

const BROKEN_RIS = 'TY  - JOUR\nTI  - A fine first record\nER  - \n\nthis line is not a tag\n';

function expectOneLineError(result: CliResult, message: RegExp): void {
  expect(result.code, result.stderr).toBe(1);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^weft: /);
  expect(lines[0]).toMatch(message);
}

describe('weft dedup (no project)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'weft-dedup-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes record_id,group_id for every record; duplicates share a group', async () => {
    writeFileSync(join(dir, 'refs.csv'), REFERENCES_CSV);
    const out = join(dir, 'groups.csv');
    const result = await runInProcess(['dedup', join(dir, 'refs.csv'), '--groups', out, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      files: 1,
      records: 4,
      groups: 1,
      duplicatesRemoved: 1,
      unique: 3,
    });
    expect(readFileSync(out, 'utf8')).toBe('record_id,group_id\n1,1\n2,2\n3,1\n4,3\n');
  });

  it('prefixes ids with the file name when reading several files', async () => {
    writeFileSync(join(dir, 'a.csv'), REFERENCES_CSV);
    writeFileSync(join(dir, 'medline.ris'), MEDLINE_RIS);
    const out = join(dir, 'two.csv');
    const result = await runInProcess([
      'dedup',
      join(dir, 'a.csv'),
      join(dir, 'medline.ris'),
      '--groups',
      out,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^6 records in 2 files: 2 duplicate groups \(3 duplicates\), 3 unique records/,
    );
    const rows = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    const group = Object.fromEntries(rows);
    expect(Object.keys(group)).toEqual([
      'a.csv:1',
      'a.csv:2',
      'a.csv:3',
      'a.csv:4',
      'medline.ris:1',
      'medline.ris:2',
    ]);
    expect(new Set([group['a.csv:1'], group['a.csv:3'], group['medline.ris:1']]).size).toBe(1);
    expect(group['a.csv:4']).toBe(group['medline.ris:2']);
  });

  it('a bad file exits non-zero with one line naming the file and line, and writes nothing', async () => {
    const bad = join(dir, 'broken.ris');
    writeFileSync(bad, BROKEN_RIS);
    const out = join(dir, 'never.csv');
    const result = await runInProcess(['dedup', bad, '--groups', out]);
    expectOneLineError(result, /broken\.ris, line 5: expected a tag/);
    expect(() => readFileSync(out)).toThrow();
    expectOneLineError(
      await runInProcess(['dedup', join(dir, 'missing.ris'), '--groups', out]),
      /Cannot read .*missing\.ris: no such file/,
    );
    expectOneLineError(await runInProcess(['dedup', join(dir, 'refs.csv')]), /--groups/);
  });
});

describe.each(availableBackends())('weft import on %s', (backend) => {
  let cli: CliOnTestStore;
  const dir = mkdtempSync(join(tmpdir(), 'weft-import-cli-'));
  const weft = (args: string[], stdin?: string) => cli.weft(args, stdin);

  beforeAll(async () => {
    cli = await cliOnTestStore(backend);
    expect((await weft(['user', 'add', 'ana', '--password-stdin'], 'correct horse\n')).code).toBe(0);
    expect((await weft(['project', 'create', 'Review'])).code).toBe(0);
  });
  afterAll(async () => {
    await cli?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports files into a search, warns about the reported count, and refuses a bad file whole', async () => {
    writeFileSync(join(dir, 'medline.ris'), MEDLINE_RIS);
    writeFileSync(join(dir, 'broken.ris'), BROKEN_RIS);
    const args = ['import', join(dir, 'medline.ris'), '--search', 'MEDLINE via Ovid', '--date', '2020-03-01'];
    const result = await weft([...args, '--reported', '3', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.imports).toMatchObject([
      { recordCount: 2, format: 'ris', countMismatch: { reported: 3, imported: 2 } },
    ]);

    const bad = await weft([
      'import',
      join(dir, 'broken.ris'),
      '--search',
      'MEDLINE via Ovid',
      '--date',
      '2020-03-01',
    ]);
    expectOneLineError(bad, /broken\.ris, line 5/);
    expectOneLineError(
      await weft(['import', join(dir, 'medline.ris'), '--search', 'X', '--date', '1 March']),
      /--date/,
    );

    const plain = await weft([
      'import',
      join(dir, 'medline.ris'),
      '--search',
      'Embase',
      '--source-type',
      'database',
    ]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('2 records imported (ris) into "Embase"');
  });
});
