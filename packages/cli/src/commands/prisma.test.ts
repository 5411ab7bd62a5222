import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableBackends } from '@weft/storage/testing';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliOnTestStore, cliOnTestStore } from '../testing/cli-on-test-store.js';

/** Written for this test: two searches of two databases (deduplication is tested through the server). */
const MEDLINE_RIS = `TY  - JOUR
TI  - Effects of aspirin on stroke recurrence in older adults: a randomised trial
AU  - Smith, John
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
const EMBASE_RIS = `TY  - JOUR
TI  - Effects of aspirin on stroke recurrence in older adults: a randomised trial.
AU  - Smith, J.
PY  - 2019
T2  - Stroke
VL  - 50
SP  - 1001
EP  - 10
DO  - https://doi.org/10.1161/strokeaha.119.000001
ER  - 
`;

describe.each(availableBackends())('weft prisma on %s', (backend) => {
  let cli: CliOnTestStore;
  const dir = mkdtempSync(join(tmpdir(), 'weft-prisma-cli-'));
  const weft = (args: string[], stdin?: string) => cli.weft(args, stdin);

  beforeAll(async () => {
    cli = await cliOnTestStore(backend);
    expect((await weft(['user', 'add', 'ana', '--password-stdin'], 'correct horse\n')).code).toBe(0);
    expect((await weft(['project', 'create', 'Review'])).code).toBe(0);
    writeFileSync(join(dir, 'medline.ris'), MEDLINE_RIS);
    writeFileSync(join(dir, 'embase.ris'), EMBASE_RIS);
    for (const [file, search] of [
      ['medline.ris', 'MEDLINE via Ovid'],
      ['embase.ris', 'Embase'],
    ] as const)
      expect(
        (await weft(['import', join(dir, file), '--search', search, '--source-type', 'database'])).code,
      ).toBe(0);
  });
  afterAll(async () => {
    await cli?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the counts as JSON with the PRISMA2020 keys', async () => {
    const result = await weft(['prisma', 'Review', '--json']);
    expect(result.code, result.stderr).toBe(0);
    // 3 records identified, none removed (deduplication not run); no stage yet, so none decided.
    expect(JSON.parse(result.stdout)).toMatchObject({
      database_results: 3,
      database_specific_results: { 'MEDLINE via Ovid': 2, Embase: 1 },
      duplicates: 0,
      records_screened: 3,
      records_excluded: 0,
      new_studies: 0,
      dbr_excluded: {},
    });
  });

  it('writes the template CSV, SVG, PNG and PDF, and warns that records are unscreened', async () => {
    const files = {
      csv: join(dir, 'prisma.csv'),
      svg: join(dir, 'prisma.svg'),
      png: join(dir, 'prisma.png'),
      pdf: join(dir, 'prisma.pdf'),
    };
    const result = await weft([
      'prisma',
      'Review',
      '--csv',
      files.csv,
      '--svg',
      files.svg,
      '--png',
      files.png,
      '--pdf',
      files.pdf,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('warning: 3 records have no final title/abstract decision yet.');
    const rows = parse(readFileSync(files.csv, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.find((r) => r.data === 'duplicates')?.n).toBe('0');
    expect(rows.find((r) => r.data === 'records_screened')?.n).toBe('3');
    expect(readFileSync(files.svg, 'utf8')).toMatch(/^<svg /);
    expect(readFileSync(files.png).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(readFileSync(files.pdf).subarray(0, 4).toString('latin1')).toBe('%PDF');
  });

  it('refuses an unknown project with one line', async () => {
    const result = await weft(['prisma', 'Nope', '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^weft: No project "Nope"/);
  });
});
