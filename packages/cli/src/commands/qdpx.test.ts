import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { qdpxFixtures, readQdpx } from '@weft/formats';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../testing/capture-io.js';
import { type CliOnTestStore, cliOnTestStore } from '../testing/cli-on-test-store.js';

const DATA = join(import.meta.dirname, '../../../../../shared/data/qdpx');

describe.skipIf(!existsSync(DATA))('weft qdpx inspect', () => {
  it('prints the counts with exactly the documented JSON keys, as ../shared/tools/qde-counts.py counts them', async () => {
    const result = await runInProcess(['qdpx', 'inspect', '--json', join(DATA, 'nvivo-win-oltas0517.qdpx')]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      users: 2,
      codes: 152,
      sources: 2,
      selections: 303,
      codings: 303,
      notes: 0,
      cases: 0,
      variables: 0,
      sets: 0,
    });
  });

  it('names the file and the problem in one line for a file that is not REFI-QDA', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weft-qdpx-'));
    try {
      const file = join(dir, 'refs.qdpx');
      writeFileSync(file, qdpxFixtures.MALFORMED.notZip());
      const result = await runInProcess(['qdpx', 'inspect', file]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        'weft: refs.qdpx: not a REFI-QDA file: neither a zip archive (.qdpx) nor XML (.qde, .qdc)\n',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(availableBackends())('weft qdpx import / export, weft qdc export on %s', (backend) => {
  let cli: CliOnTestStore;
  let dir: string;

  beforeAll(async () => {
    cli = await cliOnTestStore(backend);
    dir = mkdtempSync(join(tmpdir(), 'weft-qdpx-'));
    const made = await cli.weft(
      ['user', 'add', 'admin', '--admin', '--password-stdin'],
      'long-enough-password\n',
    );
    expect(made.code).toBe(0);
  });
  afterAll(async () => {
    await cli?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports into a new project, prints its id and the report, and exports it again', async () => {
    const file = join(dir, 'atlas.qdpx');
    writeFileSync(file, qdpxFixtures.atlasStyleQdpx());
    const imported = await cli.weft(['qdpx', 'import', file, '--json']);
    expect(imported.stderr).toBe('');
    const { projectId, report } = JSON.parse(imported.stdout);
    expect(report.imported).toMatchObject({ codes: 2, documents: 1, codings: 2 });

    const out = join(dir, 'out.qdpx');
    const exported = await cli.weft(['qdpx', 'export', projectId, out]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(`Wrote ${out}: 2 codes, 1 sources, 2 codings.\n`);
    expect(readQdpx(new Uint8Array(readFileSync(out)), 'out.qdpx').counts.codings).toBe(2);

    const qdc = join(dir, 'out.qdc');
    expect((await cli.weft(['qdc', 'export', projectId, qdc])).code).toBe(0);
    expect(readQdpx(new Uint8Array(readFileSync(qdc)), 'out.qdc').counts.codes).toBe(2);
  });

  it('refuses a malformed file in one line and creates no project', async () => {
    const before = JSON.parse((await cli.weft(['project', 'list', '--json'])).stdout) as unknown[];
    const file = join(dir, 'bad.qdpx');
    writeFileSync(file, qdpxFixtures.MALFORMED.unknownCode());
    const result = await cli.weft(['qdpx', 'import', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^weft: bad\.qdpx: project\.qde, line \d+: coding .* not in the codebook\n$/,
    );
    const after = JSON.parse((await cli.weft(['project', 'list', '--json'])).stdout) as unknown[];
    expect(after).toHaveLength(before.length);
  });
});
