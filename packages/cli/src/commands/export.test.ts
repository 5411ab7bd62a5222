import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFile } from '@weft/formats';
import { executeCommand } from '@weft/server';
import { openStore } from '@weft/storage';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../cli-actor.js';
import type { CliResult } from '../testing/capture-io.js';
import { type CliOnTestStore, cliOnTestStore } from '../testing/cli-on-test-store.js';

/** Written for this test: the first record of each file is one article (the DOI in two forms). */
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

const EMBASE_RIS = `TY  - JOUR
TI  - Effects of aspirin on stroke recurrence in older adults: a randomised trial.
AU  - Smith, J.
AU  - Jones, M.
PY  - 2019
T2  - Stroke
VL  - 50
SP  - 1001
EP  - 10
DO  - https://doi.org/10.1161/strokeaha.119.000001
ER  - 

TY  - JOUR
TI  - Physical activity and depression among adolescents in rural settings
AU  - Garcia, Ana
PY  - 2021
T2  - Journal of Adolescent Health
ER  - 
`;

function expectOneLineError(result: CliResult, message: RegExp): void {
  expect(result.code, result.stderr).toBe(1);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^weft: /);
  expect(lines[0]).toMatch(message);
}

describe.each(availableBackends())('weft export on %s', (backend) => {
  let cli: CliOnTestStore;
  let projectId: string;
  const dir = mkdtempSync(join(tmpdir(), 'weft-export-cli-'));
  const weft = (args: string[], stdin?: string) => cli.weft(args, stdin);

  beforeAll(async () => {
    cli = await cliOnTestStore(backend);
    expect((await weft(['user', 'add', 'ana', '--password-stdin'], 'correct horse\n')).code).toBe(0);
    projectId = JSON.parse((await weft(['project', 'create', 'Review', '--json'])).stdout).id;
    writeFileSync(join(dir, 'medline.ris'), MEDLINE_RIS);
    writeFileSync(join(dir, 'embase.ris'), EMBASE_RIS);
    for (const [file, search] of [
      ['medline.ris', 'MEDLINE'],
      ['embase.ris', 'Embase'],
    ]) {
      const imported = await weft(['import', join(dir, file as string), '--search', search as string]);
      expect(imported.code, imported.stderr).toBe(0);
    }
    // The CLI has no command for a project's deduplication yet: run it as the server would.
    const store = await openStore(cli.options);
    try {
      const response = await executeCommand(store, await cliActor(store), {
        id: randomUUID(),
        type: 'dedup.run',
        projectId,
        payload: {},
      });
      expect(response.result).toMatchObject({ groupsCreated: 1 });
    } finally {
      await store.close();
    }
  });
  afterAll(async () => {
    await cli?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the remaining records as RIS (format from the file name) and prints a JSON summary', async () => {
    const out = join(dir, 'remaining.ris');
    const result = await weft(['export', projectId, out, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ file: out, format: 'ris', view: 'remaining', records: 3 });
    const parsed = await parseFile(readFileSync(out), 'remaining.ris');
    // The merged copy keeps the most complete value of each field (here the Embase title).
    expect(parsed.records.map((r) => r.record.title)).toEqual([
      'Effects of aspirin on stroke recurrence in older adults: a randomised trial.',
      'Nurse-led clinics for heart failure: a cost analysis',
      'Physical activity and depression among adolescents in rural settings',
    ]);
    const merged = parsed.records[0]?.record;
    expect(merged).toMatchObject({
      authors: [
        { family: 'Smith', given: 'John' },
        { family: 'Jones', given: 'Mary' },
      ],
      year: 2019,
      container: 'Stroke',
      volume: '50',
      pages: '1001-1010',
      extra: { U2: ['MEDLINE', 'Embase'] },
    });
    expect(merged?.extra.U1).toHaveLength(1);
    expect(merged?.extra.U3).toHaveLength(1);
    // Nothing is left beside the file.
    expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('--view all as CSV (by name), TSV, BibTeX and XLSX all read back', async () => {
    const csv = join(dir, 'all.csv');
    const result = await weft(['export', 'Review', csv, '--view', 'all']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${csv}: 4 records (all) written as csv\n`);
    const rows = (await parseFile(readFileSync(csv), 'all.csv')).records.map((r) => r.record);
    expect(rows.map((r) => r.extra.weft_search?.[0])).toEqual(['MEDLINE', 'MEDLINE', 'Embase', 'Embase']);
    expect(rows[0]?.extra.weft_group_id).toEqual(rows[2]?.extra.weft_group_id);
    expect(rows[0]?.extra.weft_group_id).toHaveLength(1);
    expect(rows[1]?.extra.weft_group_id).toBeUndefined();

    for (const [name, format, count] of [
      ['all.txt', 'tsv', 4],
      ['all.bib', 'bibtex', 4],
      ['remaining.xlsx', 'xlsx', 3],
    ] as const) {
      const out = join(dir, name);
      const args = ['export', projectId, out, '--json'];
      if (format === 'tsv') args.push('--format', 'tsv');
      if (count === 4) args.push('--view', 'all');
      const written = await weft(args);
      expect(written.code, written.stderr).toBe(0);
      expect(JSON.parse(written.stdout)).toMatchObject({ format, records: count });
      const again = await parseFile(readFileSync(out), name, { format });
      expect(again.records).toHaveLength(count);
      expect(again.records.every((r) => r.record.extra.weft_record_id?.length === 1)).toBe(true);
    }
  });

  it('bad input gets one line and writes nothing', async () => {
    const out = join(dir, 'never.ris');
    expectOneLineError(await weft(['export', projectId, out, '--format', 'docx']), /--format.*docx/);
    expectOneLineError(
      await weft(['export', projectId, join(dir, 'out.txt')]),
      /Cannot tell the format from "out\.txt"/,
    );
    expectOneLineError(await weft(['export', 'Nope', out]), /No project "Nope"/);
    expectOneLineError(await weft(['export', projectId, out, '--view', 'merged']), /--view.*merged/);
    expectOneLineError(
      await weft(['export', projectId, join(dir, 'missing', 'x.ris')]),
      /Cannot write .*x\.ris: no such directory/,
    );
    expect(existsSync(out)).toBe(false);
  });
});
