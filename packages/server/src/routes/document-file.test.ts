import type { CommandType, DocumentResponse, UploadResponse } from '@weft/protocol';
import { getDocumentVersion } from '@weft/storage';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScreeningTeam, screeningTeam } from '../testing/screening-fixtures.js';
import type { TestClient } from '../testing/test-client.js';
import { makeTestPdf } from '../testing/test-pdf.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

/*
 * The original file of a document: a PDF is served inline with its text items in the document
 * read (for the coding screen's PDF view), other kinds as downloads; non-members are refused with
 * an audit entry, strangers without a session get 401.
 */
const PDF = makeTestPdf({
  pages: [
    ['Interview with a head teacher', 'We started the garden in spring.'],
    ['Page two', 'The council gave us the land.'],
  ],
});

describe.each(availableBackends())('document files on %s', (backend) => {
  let t: TestServer;
  let team: ScreeningTeam;
  let projectId: string;
  let pdfId: string;
  let htmlId: string;
  let bigId: string;
  // Over one 1 MiB stored chunk, so a range can straddle two of them.
  const BIG = `<html><body><p>Long notes</p><!-- ${'0123456789abcdef'.repeat(80_000)} --></body></html>`;

  beforeAll(async () => {
    t = await startTestServer(backend);
    team = await screeningTeam(t);
    const created = await team.lead.command<{ projectId: string }>('project.create', { name: 'Files' });
    projectId = created.body.result.projectId;
    await ok(team.lead, 'member.add', { username: 'ana', role: 'reviewer' });
    await ok(team.lead, 'member.add', { username: 'viewer', role: 'viewer' });
    pdfId = await add('head teacher.pdf', PDF);
    htmlId = await add('notes.html', '<html><body><p>Field notes</p><script>alert(1)</script></body></html>');
    bigId = await add('long notes.html', BIG);
  });
  afterAll(async () => t?.close());

  async function ok<T = Record<string, unknown>>(client: TestClient, type: CommandType, payload: unknown) {
    const response = await client.command<T>(type, payload, projectId);
    if (response.status !== 200) throw new Error(`${type}: ${JSON.stringify(response.body)}`);
    return response.body.result;
  }
  async function add(fileName: string, bytes: Uint8Array | string) {
    const upload = await team.ana.upload<UploadResponse>(projectId, fileName, bytes, 'documents/uploads');
    expect(upload.status).toBe(200);
    return (await ok<{ documentId: string }>(team.ana, 'document.add', { uploadId: upload.body.uploadId }))
      .documentId;
  }
  const fileUrl = (documentId: string) => `/api/projects/${projectId}/documents/${documentId}/file`;
  // TestClient.download gives the body and type only; the disposition needs the raw response.
  const headers = async (client: TestClient, documentId: string) => {
    const cookie = (client as unknown as { cookie?: string }).cookie;
    const response = await fetch(`${client.baseUrl}${fileUrl(documentId)}`, {
      headers: cookie ? { cookie } : {},
    });
    await response.arrayBuffer();
    return response.headers;
  };

  const ranged = async (client: TestClient, documentId: string, range: string) => {
    const cookie = (client as unknown as { cookie?: string }).cookie ?? '';
    const response = await fetch(`${client.baseUrl}${fileUrl(documentId)}`, { headers: { cookie, range } });
    return {
      status: response.status,
      headers: response.headers,
      body: Buffer.from(await response.arrayBuffer()),
    };
  };

  it('serves byte ranges (pdf.js asks for them): across a stored chunk boundary, open-ended, suffix, 416', async () => {
    const big = Buffer.from(BIG);
    const MiB = 1024 * 1024;
    const across = await ranged(team.viewer, bigId, `bytes=${MiB - 10}-${MiB + 19}`);
    expect(across.status).toBe(206);
    expect(across.headers.get('content-range')).toBe(`bytes ${MiB - 10}-${MiB + 19}/${big.length}`);
    expect(across.headers.get('content-length')).toBe('30');
    expect(across.body.equals(big.subarray(MiB - 10, MiB + 20))).toBe(true);

    const tail = await ranged(team.viewer, bigId, `bytes=${MiB + 5}-`);
    expect(tail.status).toBe(206);
    expect(tail.body.equals(big.subarray(MiB + 5))).toBe(true);

    const pdf = Buffer.from(PDF);
    const suffix = await ranged(team.viewer, pdfId, 'bytes=-100');
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get('content-range')).toBe(
      `bytes ${pdf.length - 100}-${pdf.length - 1}/${pdf.length}`,
    );
    expect(suffix.body.equals(pdf.subarray(pdf.length - 100))).toBe(true);
    expect(suffix.headers.get('content-type')).toBe('application/pdf');
    // A suffix longer than the file is the whole file; an end past it is cut to the file.
    expect((await ranged(team.viewer, pdfId, `bytes=-${pdf.length + 50}`)).body.equals(pdf)).toBe(true);
    expect(
      (await ranged(team.viewer, pdfId, `bytes=10-${pdf.length + 50}`)).body.equals(pdf.subarray(10)),
    ).toBe(true);

    const beyond = await ranged(team.viewer, pdfId, `bytes=${pdf.length}-`);
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${pdf.length}`);
    expect((await ranged(team.viewer, pdfId, 'bytes=-0')).status).toBe(416);

    // Several ranges or a malformed header: the whole file, which a client must accept.
    const whole = await ranged(team.viewer, pdfId, 'bytes=0-1,5-9');
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.body.equals(pdf)).toBe(true);
    expect((await ranged(team.viewer, pdfId, 'bytes=9-3')).status).toBe(200);
    // Ranges are no way round the membership check.
    expect((await ranged(team.cleo, pdfId, 'bytes=0-9')).status).toBe(403);
  });

  it('serves a PDF document inline to a viewer, byte for byte, and its items come with the read', async () => {
    const served = await team.viewer.download(fileUrl(pdfId));
    expect(served.status).toBe(200);
    expect(served.contentType).toBe('application/pdf');
    expect(Buffer.from(served.bytes).equals(Buffer.from(PDF))).toBe(true);
    expect((await headers(team.viewer, pdfId)).get('content-disposition')).toBe(
      `inline; filename="head teacher.pdf"; filename*=UTF-8''head%20teacher.pdf`,
    );

    const read = await team.viewer.request<DocumentResponse>(
      'GET',
      `/api/projects/${projectId}/documents/${pdfId}`,
    );
    type Item = {
      page: number;
      start: number;
      end: number;
      x: number;
      y: number;
      width: number;
      height: number;
    };
    const { text, pages } = read.body.version as {
      text: string;
      pages: { pages: unknown[]; packedItems: number[]; items?: unknown };
    };
    expect(pages.pages).toHaveLength(2);
    // Sent packed, seven numbers an item (page, gap from the last end, length, box): decoded here
    // as the web does, they are the stored items with boxes to a tenth of a point.
    expect(pages.items).toBeUndefined();
    const items: Item[] = [];
    for (let at = 0, end = 0; at < pages.packedItems.length; at += 7) {
      const [page, gap, length, x, y, width, height] = pages.packedItems.slice(at, at + 7) as number[];
      const start = end + (gap ?? 0);
      end = start + (length ?? 0);
      items.push({
        page: page ?? 0,
        start,
        end,
        x: x ?? 0,
        y: y ?? 0,
        width: width ?? 0,
        height: height ?? 0,
      });
    }
    const stored = (await getDocumentVersion(t.store.db, pdfId))?.pages as { items: Item[] };
    expect(items).toHaveLength(stored.items.length);
    stored.items.forEach((item, i) => {
      const sent = items[i] as Item;
      expect([sent.page, sent.start, sent.end]).toEqual([item.page, item.start, item.end]);
      for (const k of ['x', 'y', 'width', 'height'] as const)
        expect(Math.abs(sent[k] - item[k])).toBeLessThanOrEqual(0.05);
    });
    const land = items.find((i) => text.slice(i.start, i.end) === 'The council gave us the land.');
    expect(land).toMatchObject({ page: 2 });
    expect(land?.width).toBeGreaterThan(0);
  });

  it('serves other kinds as a download, never inline', async () => {
    const served = await team.ana.download(fileUrl(htmlId));
    expect(served.status).toBe(200);
    expect(served.contentType).toBe('text/html; charset=utf-8');
    const h = await headers(team.ana, htmlId);
    expect(h.get('content-disposition')).toMatch(/^attachment; filename="notes.html"/);
    expect(h.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses a non-member with an audit entry, a stranger with 401, and names a missing document', async () => {
    const count = async () =>
      Number(
        (
          await t.store.db
            .selectFrom('audit_entries')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const refused = await team.cleo.download(fileUrl(pdfId));
    expect(refused.status).toBe(403);
    expect(await count()).toBe(before + 1);
    const entry = await t.store.db
      .selectFrom('audit_entries')
      .select(['action', 'outcome'])
      .orderBy('at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ action: 'GET /api/projects/:id/documents/:documentId/file', outcome: 'denied' });
    expect((await t.client().download(fileUrl(pdfId))).status).toBe(401);
    expect((await team.ana.download(fileUrl('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await team.ana.download(fileUrl('not-an-id'))).status).toBe(404);
  });
});
