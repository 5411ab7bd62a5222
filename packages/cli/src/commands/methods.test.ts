import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractDocx } from '@weft/extract';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliOnTestStore, cliOnTestStore } from '../testing/cli-on-test-store.js';

/** Written for this test: one search of two records. */
const MEDLINE_RIS = `TY  - JOUR
TI  - Effects of aspirin on stroke recurrence in older adults: a randomised trial
AU  - Smith, John
PY  - 2019
T2  - Stroke
ER  - 

TY  - JOUR
TI  - Nurse-led clinics for heart failure: a cost analysis
AU  - Brown, Peter
PY  - 2018
T2  - BMJ Open
ER  - 
`;

describe.each(availableBackends())('weft methods on %s', (backend) => {
  let cli: CliOnTestStore;
  const dir = mkdtempSync(join(tmpdir(), 'weft-methods-cli-'));
  const weft = (args: string[], stdin?: string) => cli.weft(args, stdin);

  beforeAll(async () => {
    cli = await cliOnTestStore(backend);
    expect((await weft(['user', 'add', 'ana', '--password-stdin'], 'correct horse\n')).code).toBe(0);
    expect((await weft(['project', 'create', 'Aspirin review'])).code).toBe(0);
    writeFileSync(join(dir, 'medline.ris'), MEDLINE_RIS);
    const imported = await weft([
      'import',
      join(dir, 'medline.ris'),
      '--search',
      'MEDLINE via Ovid',
      '--source-type',
      'database',
    ]);
    expect(imported.code, imported.stderr).toBe(0);
  });
  afterAll(async () => {
    await cli?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the methods record as Markdown, naming the search and its count', async () => {
    const result = await weft(['methods', 'Aspirin review']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^# /);
    expect(result.stdout).toContain('## Information sources and searches');
    expect(result.stdout).toContain('MEDLINE via Ovid');
    expect(result.stdout).toContain('## Study selection (PRISMA 2020 counts)');
  });

  it('writes Markdown and DOCX files with the same record', async () => {
    const md = join(dir, 'methods.md');
    const docx = join(dir, 'methods.docx');
    const result = await weft(['methods', 'Aspirin review', '--md', md, '--docx', docx]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`wrote ${md}\nwrote ${docx}\n`);
    expect(readFileSync(md, 'utf8')).toContain('MEDLINE via Ovid');
    const { text } = await extractDocx('methods.docx', new Uint8Array(readFileSync(docx)));
    expect(text).toContain('Information sources and searches');
    expect(text).toContain('MEDLINE via Ovid');
  });

  it('refuses an unknown project with one line', async () => {
    const result = await weft(['methods', 'Nope']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^weft: No project "Nope"/);
  });
});
