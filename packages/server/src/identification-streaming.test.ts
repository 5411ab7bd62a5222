import { createHash } from 'node:crypto';
import type { UploadResponse } from '@weft/protocol';
import { openUpload, UPLOAD_CHUNK_BYTES } from '@weft/storage';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from './testing/test-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

const PASSWORD = 'correct horse battery';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface ImportResult {
  recordCount: number;
  format: string;
}

function ris(count: number): string {
  const parts: string[] = [];
  for (let i = 1; i <= count; i++)
    parts.push(`TY  - JOUR\r\nTI  - Müller’s trial ${i} ${'ä'.repeat(300)}\r\nPY  - 2020\r\nER  - \r\n\r\n`);
  return parts.join('');
}

function csv(count: number): string {
  const rows = ['title,authors,year,abstract'];
  for (let i = 1; i <= count; i++)
    rows.push(`"Trial ${i}, a ""quoted"" title","Smith, J.; Doe, K.",2020,${'x'.repeat(300)}`);
  return `${rows.join('\n')}\n`;
}

function pubmed(count: number): string {
  const parts = ['<?xml version="1.0"?>\n<PubmedArticleSet>'];
  for (let i = 1; i <= count; i++)
    parts.push(
      `<PubmedArticle><MedlineCitation><PMID>${i}</PMID><Article><ArticleTitle>Trial ${i} ${'y'.repeat(300)}</ArticleTitle></Article></MedlineCitation></PubmedArticle>`,
    );
  parts.push('</PubmedArticleSet>\n');
  return parts.join('\n');
}

/*
 * Uploads go to the store in 1 MiB chunks as they arrive and imports read them back chunk by
 * chunk: a file of several chunks must round-trip byte for byte, import in any encoding, and a
 * file that breaks after the first batches were stored must still change nothing.
 */
describe.each(availableBackends())('streamed uploads and imports on %s', (backend) => {
  let t: TestServer;
  let lead: TestClient;
  let projectId: string;

  beforeAll(async () => {
    t = await startTestServer(backend);
    lead = t.client();
    await lead.setup('lead', 'Lena Lead', PASSWORD);
    const created = await lead.command<{ projectId: string }>('project.create', { name: 'Streaming' });
    projectId = created.body.result.projectId;
  });
  afterAll(async () => t?.close());

  async function search(name: string): Promise<string> {
    const response = await lead.command<{ searchId: string }>(
      'search.create',
      { sourceType: 'database', name, platform: '', dateRun: null, query: '', reportedCount: null },
      projectId,
    );
    expect(response.status).toBe(200);
    return response.body.result.searchId;
  }

  async function counts() {
    const n = async (table: 'records' | 'source_records' | 'imports' | 'events') =>
      Number(
        (
          await t.store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('project_id', '=', projectId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      records: await n('records'),
      sources: await n('source_records'),
      imports: await n('imports'),
      events: await n('events'),
    };
  }

  it.each([
    ['UTF-8', 'big.ris', (text: string) => new Uint8Array(Buffer.from(text)), 'ris'],
    [
      'UTF-16LE with BOM',
      'big-utf16.ris',
      (text: string) =>
        new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])),
      'ris',
    ],
  ] as const)(
    'a %s file of several chunks round-trips byte-identical and imports every record',
    async (_, name, encode, format) => {
      const bytes = encode(ris(4000));
      expect(bytes.length).toBeGreaterThan(2 * UPLOAD_CHUNK_BYTES);
      const upload = await lead.upload<UploadResponse>(projectId, name, bytes);
      expect(upload.status).toBe(200);
      expect(upload.body.byteSize).toBe(bytes.length);
      expect(upload.body.sha256).toBe(sha256(bytes));
      const stored = await openUpload(t.store.db, projectId, upload.body.uploadId);
      const hash = createHash('sha256');
      let chunks = 0;
      for await (const chunk of stored?.chunks() ?? []) {
        hash.update(chunk);
        chunks++;
      }
      expect(chunks).toBe(Math.ceil(bytes.length / UPLOAD_CHUNK_BYTES));
      expect(hash.digest('hex')).toBe(sha256(bytes));

      const before = await counts();
      const imported = await lead.command<ImportResult>(
        'import.records',
        { searchId: await search(name), uploadId: upload.body.uploadId },
        projectId,
      );
      expect(imported.status).toBe(200);
      expect(imported.body.result).toMatchObject({ recordCount: 4000, format });
      expect((await counts()).records - before.records).toBe(4000);
      const title = await t.store.db
        .selectFrom('records')
        .select('title')
        .where('project_id', '=', projectId)
        .where('title', 'like', 'Müller’s trial 4000 %')
        .executeTakeFirst();
      expect(title?.title).toBe(`Müller’s trial 4000 ${'ä'.repeat(300)}`);
    },
  );

  it.each([
    ['cut.csv', `${csv(5000)}"never closed,x\n`, /^cut\.csv, line 5002: /],
    [
      'cut.xml',
      pubmed(5000).replace(/<\/PubmedArticleSet>\n$/, '<PubmedArticle><MedlineCitation>'),
      /^cut\.xml, line \d+: the XML is cut off/,
    ],
    ['late-binary.ris', `${ris(3000)}\u0000\u0001garbage`, /^late-binary\.ris, line \d+: binary data/],
  ])(
    '%s breaks after the first batches were stored: an error with its line, and nothing changes',
    async (name, text, message) => {
      const bytes = new Uint8Array(Buffer.from(text));
      expect(bytes.length).toBeGreaterThan(UPLOAD_CHUNK_BYTES);
      const searchId = await search(name);
      const upload = await lead.upload<UploadResponse>(projectId, name, bytes);
      expect(upload.status).toBe(200);
      const before = await counts();
      const response = await lead.command(
        'import.records',
        { searchId, uploadId: upload.body.uploadId },
        projectId,
      );
      expect(response.status).toBe(400);
      expect((response.body as { detail: string }).detail).toMatch(message);
      expect(await counts()).toEqual(before);
    },
  );

  it('an empty upload is refused and not kept', async () => {
    const response = await lead.upload<{ detail: string }>(projectId, 'empty.ris', new Uint8Array(0));
    expect(response.status).toBe(400);
    expect(response.body.detail).toBe('empty.ris: the file is empty.');
    const left = await t.store.db
      .selectFrom('uploads')
      .select('id')
      .where('file_name', '=', 'empty.ris')
      .execute();
    expect(left).toEqual([]);
  });
});
