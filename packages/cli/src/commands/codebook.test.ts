import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliOnTestStore, cliOnTestStore } from '../testing/cli-on-test-store.js';

const MARKDOWN = `# Seed codebook

- Motivation and purpose
  Description: Why organisations take part.
  Colour: #e03131
  - Shared purpose
    Use when: the partners name a goal they share.
- Resources and capabilities
  Shortcut: r
`;

describe.each(availableBackends())('weft codebook on %s', (backend) => {
  let cli: CliOnTestStore;
  let projectId: string;
  const dir = mkdtempSync(join(tmpdir(), 'weft-codebook-cli-'));
  const weft = (args: string[], stdin?: string) => cli.weft(args, stdin);

  beforeAll(async () => {
    cli = await cliOnTestStore(backend);
    expect((await weft(['user', 'add', 'ana', '--password-stdin'], 'correct horse\n')).code).toBe(0);
    projectId = JSON.parse((await weft(['project', 'create', 'Gardens', '--json'])).stdout).id;
    writeFileSync(join(dir, 'seed.md'), MARKDOWN);
  });
  afterAll(async () => {
    await cli?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a Markdown codebook, and a second import keeps what is there', async () => {
    const first = await weft(['codebook', 'import', projectId, join(dir, 'seed.md')]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('Imported seed.md: 3 codes added, 0 already in the codebook.\n');
    const again = await weft(['codebook', 'import', 'Gardens', join(dir, 'seed.md'), '--json']);
    expect(JSON.parse(again.stdout)).toEqual({ file: join(dir, 'seed.md'), created: 0, skipped: 3 });
  });

  it('exports CSV and Markdown by the file name', async () => {
    const csv = join(dir, 'out.csv');
    const result = await weft(['codebook', 'export', projectId, csv]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`Wrote ${csv}: 3 codes.\n`);
    expect(readFileSync(csv, 'utf8').split('\r\n')).toEqual([
      'path,name,description,inclusion,exclusion,example,colour,shortcut',
      'Motivation and purpose,Motivation and purpose,Why organisations take part.,,,,#e03131,',
      'Motivation and purpose > Shared purpose,Shared purpose,,the partners name a goal they share.,,,,',
      'Resources and capabilities,Resources and capabilities,,,,,,r',
      '',
    ]);
    const md = join(dir, 'out.md');
    expect((await weft(['codebook', 'export', projectId, md])).code).toBe(0);
    expect(readFileSync(md, 'utf8')).toBe(`# Codebook: Gardens\n\n${MARKDOWN.split('\n\n')[1]}`);
  });

  it('refuses a bad file in one line naming file and line, and an unknown extension', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'path,colour\nA,#zzz\n');
    const bad = await weft(['codebook', 'import', projectId, join(dir, 'bad.csv')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toMatch(
      /^weft: .*bad\.csv, line 2: colour '#zzz' is not a colour like #e03131/,
    );
    const unknown = await weft(['codebook', 'export', projectId, join(dir, 'out.docx')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/name it \.csv or \.md/);
  });
});
