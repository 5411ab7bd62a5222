import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliOnTestStore, cliOnTestStore } from './testing/cli-on-test-store.js';

/** Written for this test: four records, two with DOIs, one with a PMID. */
const RECORDS_RIS = `TY  - JOUR
TI  - Cats in the household: a survey
PY  - 2019
DO  - 10.1000/cats.1
ER  - 

TY  - JOUR
TI  - Dogs and their owners
PY  - 2020
AN  - PMID: 31234567
ER  - 

TY  - JOUR
TI  - Fish tanks and filters
PY  - 2018
ER  - 

TY  - JOUR
TI  - Birds at the feeder
PY  - 2017
DO  - 10.1000/birds.4
ER  - 
`;

/** An ASReview export of the same review: matched by DOI, title (+year), one unknown, one undecided. */
const ASREVIEW_CSV = `record_id,title,doi,year,included
0,Cats in the household - a survey,https://doi.org/10.1000/CATS.1,2019,1
1,Fish-tanks and filters,,2018,0
2,A study Weft never imported,10.1000/none,2021,1
3,Birds at the feeder,10.1000/birds.4,2017,
`;

describe.each(availableBackends())('weft screen on %s', (backend) => {
  let cli: CliOnTestStore;
  const dir = mkdtempSync(join(tmpdir(), 'weft-screen-cli-'));
  const weft = (args: string[], stdin?: string) => cli.weft(args, stdin);

  beforeAll(async () => {
    cli = await cliOnTestStore(backend);
    expect((await weft(['user', 'add', 'ana', '--password-stdin'], 'correct horse\n')).code).toBe(0);
    expect((await weft(['user', 'add', 'ben', '--password-stdin'], 'correct horse\n')).code).toBe(0);
    expect((await weft(['project', 'create', 'Review'])).code).toBe(0);
    writeFileSync(join(dir, 'records.ris'), RECORDS_RIS);
    const imported = await weft(['import', join(dir, 'records.ris'), '--search', 'MEDLINE']);
    expect(imported.code, imported.stderr).toBe(0);
  });
  afterAll(async () => {
    await cli?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports an ASReview CSV: matched by DOI and title, the unknown row listed, stages set up', async () => {
    writeFileSync(join(dir, 'asreview.csv'), ASREVIEW_CSV);
    const result = await weft([
      'screen',
      'import',
      'Review',
      join(dir, 'asreview.csv'),
      '--stage',
      'title-abstract',
      '--reviewer',
      'ana',
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      file: join(dir, 'asreview.csv'),
      stage: 'title-abstract',
      reviewer: 'ana',
      rows: 4,
      matched: 3,
      decisions: { include: 1, exclude: 1, maybe: 0, undecided: 1 },
      unmatched: [
        { row: 3, reason: 'line 4: no record has its DOI, title', title: 'A study Weft never imported' },
      ],
    });

    const text = await weft([
      'screen',
      'import',
      'Review',
      join(dir, 'asreview.csv'),
      '--stage',
      'title-abstract',
      '--reviewer',
      'ana',
    ]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toBe(
      '4 rows in asreview.csv: 3 matched (1 include, 1 exclude, 0 maybe, 1 undecided), 1 unmatched; decisions attributed to ana at Title and abstract\n' +
        '  row 3: line 4: no record has its DOI, title — A study Weft never imported\n',
    );
  });

  it('exports the decisions in each shape; the ASReview export imports back onto the same records', async () => {
    const out = join(dir, 'export.csv');
    const exported = await weft([
      'screen',
      'export',
      'Review',
      '--stage',
      'title-abstract',
      '--format',
      'asreview-csv',
      '--out',
      out,
      '--json',
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ records: 4, decided: 2, format: 'asreview-csv' });
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'record_id,title,abstract,authors,year,journal,doi,pmid,included,weft_decision,exclusion_reasons,exported_notes_1',
    );
    expect(lines.filter((l) => l.includes('Cats in the household'))[0]).toMatch(/,1,include,,$/);
    expect(lines.filter((l) => l.includes('Fish tanks'))[0]).toMatch(/,0,exclude,,$/);

    const back = await weft([
      'screen',
      'import',
      'Review',
      out,
      '--stage',
      'title-abstract',
      '--reviewer',
      'ana',
      '--json',
    ]);
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({
      rows: 4,
      matched: 4,
      decisions: { include: 1, exclude: 1, maybe: 0, undecided: 2 },
      unmatched: [],
    });

    for (const format of ['rayyan-csv', 'covidence-csv', 'ris']) {
      const file = join(dir, `export-${format}`);
      const result = await weft([
        'screen',
        'export',
        'Review',
        '--stage',
        'title-abstract',
        '--format',
        format,
        '--out',
        file,
      ]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe(`4 records (2 with a final decision) written to ${file} (${format})\n`);
    }
    expect(readFileSync(join(dir, 'export-rayyan-csv'), 'utf8')).toContain(
      'RAYYAN-INCLUSION: {""ana""=>""Included""}',
    );
    expect(readFileSync(join(dir, 'export-ris'), 'utf8')).toContain('LB  - ASReview_irrelevant');
  });

  it('refuses a non-member reviewer, an unknown stage and a bad file in one line, recording nothing', async () => {
    const args = (file: string, ...rest: string[]) => ['screen', 'import', 'Review', file, ...rest];
    const notMember = await weft(
      args(join(dir, 'asreview.csv'), '--stage', 'title-abstract', '--reviewer', 'ben'),
    );
    expect(notMember.code).toBe(1);
    expect(notMember.stderr).toMatch(/^weft: .*reviewer role or above/);
    const noStage = await weft(args(join(dir, 'asreview.csv'), '--stage', 'abstracts', '--reviewer', 'ana'));
    expect(noStage.stderr).toMatch(
      /^weft: No screening stage "abstracts" in this project \(stages: title-abstract, full-text\)/,
    );
    writeFileSync(
      join(dir, 'bad.csv'),
      'title,included\nCats in the household: a survey,1\nDogs and their owners,yes\n',
    );
    const bad = await weft(args(join(dir, 'bad.csv'), '--stage', 'title-abstract', '--reviewer', 'ana'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe("weft: bad.csv, line 3: included must be 1, 0 or empty, found 'yes'\n");
    const exported = await weft([
      'screen',
      'export',
      'Review',
      '--stage',
      'title-abstract',
      '--format',
      'asreview-csv',
      '--out',
      join(dir, 'after.csv'),
      '--json',
    ]);
    expect(JSON.parse(exported.stdout)).toMatchObject({ decided: 2 });
  });

  it("imports Covidence full-text exclusions with the stage's reasons; records the stage does not screen are named", async () => {
    // Only the cats record passed title and abstract (included above).
    const covidence = `Title,Authors,Published Year,DOI,Covidence #,Study,Notes,Exclusion Reason
Cats in the household: a survey,"Smith, J",2019,10.1000/cats.1,#1,Smith 2019,,wrong outcomes
Dogs and their owners,"Doe, A",2020,,#2,Doe 2020,,Wrong population or setting
`;
    writeFileSync(join(dir, 'review_1_excluded_csv_20240101.csv'), covidence);
    const args = (file: string) => [
      'screen',
      'import',
      'Review',
      file,
      '--stage',
      'full-text',
      '--reviewer',
      'ana',
      '--json',
    ];
    const result = await weft(args(join(dir, 'review_1_excluded_csv_20240101.csv')));
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      rows: 2,
      matched: 1,
      decisions: { include: 0, exclude: 1, maybe: 0, undecided: 0 },
      unmatched: [
        {
          row: 2,
          reason:
            'line 3: the record is not screened at Full text (a merged duplicate, or not passed on by the stage before)',
        },
      ],
    });
    const out = join(dir, 'full-text.csv');
    await weft([
      'screen',
      'export',
      'Review',
      '--stage',
      'full-text',
      '--format',
      'asreview-csv',
      '--out',
      out,
    ]);
    expect(readFileSync(out, 'utf8')).toMatch(/Cats in the household: a survey,.*,0,exclude,Wrong outcomes,/);

    // Full text needs a reason for an exclusion: a row without one is listed, not recorded.
    writeFileSync(join(dir, 'review_1_irrelevant_csv_20240101.csv'), covidence.replace('wrong outcomes', ''));
    const noReason = await weft(args(join(dir, 'review_1_irrelevant_csv_20240101.csv')));
    expect(noReason.code, noReason.stderr).toBe(0);
    const parsed = JSON.parse(noReason.stdout);
    expect(parsed.matched).toBe(0);
    expect(parsed.unmatched[0]).toEqual({
      row: 1,
      reason: "line 2: an exclusion at Full text needs one of the stage's reasons",
      title: 'Cats in the household: a survey',
    });
  });
});
