import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@weft/storage';
import { availableBackends, createTestStoreLocation, type TestStoreLocation } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../testing/capture-io.js';

/** Headers no guess knows for the title; "Summary" would be guessed as the abstract. */
const HANDMADE_CSV = `Ref,Headline,Summary,When
A1,Aspirin after stroke: a trial,Background and methods.,2019
A2,Telehealth for heart failure,Objectives only.,2020
`;

describe.each(availableBackends())('weft import --map and failed imports on %s', (backend) => {
  let place: TestStoreLocation;
  const savedUrl = process.env.DATABASE_URL;
  const dir = mkdtempSync(join(tmpdir(), 'weft-import-map-'));
  const weft = (args: string[], stdin?: string) => {
    if (place.options.databaseUrl) process.env.DATABASE_URL = place.options.databaseUrl;
    return runInProcess(
      [...args, ...(place.options.dataDir ? ['--data-dir', place.options.dataDir] : [])],
      stdin,
    );
  };
  async function tableCounts() {
    const store = await openStore(place.options);
    try {
      const n = async (table: 'uploads' | 'imports' | 'records' | 'events') =>
        Number(
          (
            await store.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return {
        uploads: await n('uploads'),
        imports: await n('imports'),
        records: await n('records'),
        events: await n('events'),
      };
    } finally {
      await store.close();
    }
  }

  beforeAll(async () => {
    place = await createTestStoreLocation(backend);
    expect((await weft(['user', 'add', 'ana', '--password-stdin'], 'correct horse\n')).code).toBe(0);
    expect((await weft(['project', 'create', 'Review'])).code).toBe(0);
    writeFileSync(join(dir, 'hand.csv'), HANDMADE_CSV);
  });
  afterAll(async () => {
    process.env.DATABASE_URL = savedUrl;
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    await place?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a failed import leaves nothing: no records, no import, no upload', async () => {
    // The search is created first (its own command); the failed file must add nothing after it.
    expect((await weft(['import', join(dir, 'hand.csv'), '--search', 'Hand search'])).code).toBe(0);
    const before = await tableCounts();
    writeFileSync(
      join(dir, 'broken.ris'),
      'TY  - JOUR\nTI  - A fine first record\nER  - \n\nthis line is not a tag\n',
    );
    const bad = await weft(['import', join(dir, 'broken.ris'), '--search', 'Hand search']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^weft: .*broken\.ris, line 5/);
    expect(await tableCounts()).toEqual(before);
  });

  it('--map field=column changes the guessed mapping; the import stores the chosen columns', async () => {
    const result = await weft([
      'import',
      join(dir, 'hand.csv'),
      '--search',
      'Mapped',
      '--map',
      'title=Headline',
      '--map',
      'year=When',
      '--map',
      'abstract=',
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).imports).toMatchObject([{ recordCount: 2, format: 'csv' }]);
    const out = join(dir, 'all.csv');
    expect((await weft(['export', 'Review', out, '--view', 'all'])).code).toBe(0);
    const lines = readFileSync(out, 'utf8').split(/\r?\n/);
    const header = lines[0]?.split(',') ?? [];
    const mapped = lines.filter((line) => line.includes('Mapped'));
    expect(mapped).toHaveLength(2);
    const cell = (line: string, column: string) => line.split(',')[header.indexOf(column)];
    expect(mapped.map((line) => [cell(line, 'title'), cell(line, 'year'), cell(line, 'abstract')])).toEqual([
      ['Aspirin after stroke: a trial', '2019', ''],
      ['Telehealth for heart failure', '2020', ''],
    ]);
    // The column the mapping took away from the abstract is kept under its header (prefixed on
    // export because "Summary" would be read back as the abstract).
    expect(header).toContain('extra.Summary');
  });

  it('refuses a --map naming a column the file lacks, or an unknown field, and changes nothing', async () => {
    const before = await tableCounts();
    const missing = await weft([
      'import',
      join(dir, 'hand.csv'),
      '--search',
      'Mapped',
      '--map',
      'title=Title',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(
      "weft: hand.csv, line 1: the column mapping names a column 'Title' (for title) that the file does not have; its columns are 'Ref', 'Headline', 'Summary', 'When'",
    );
    const field = await weft(['import', join(dir, 'hand.csv'), '--search', 'Mapped', '--map', 'colour=Ref']);
    expect(field.code).toBe(1);
    expect(field.stderr).toMatch(/^weft: --map takes FIELD=COLUMN with FIELD one of title, authors, year/);
    expect(await tableCounts()).toEqual(before);
  });
});
