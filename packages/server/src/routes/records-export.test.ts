import type { BibliographicRecord } from '@weft/core';
import { parseFile } from '@weft/formats';
import type { UploadResponse } from '@weft/protocol';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBASE_RIS, MEDLINE_RIS } from '../testing/identification-fixtures.js';
import type { TestClient } from '../testing/test-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const PASSWORD = 'correct horse battery';

interface Download {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
}

describe.each(availableBackends())('records export on %s', (backend) => {
  let t: TestServer;
  let lead: TestClient;
  /** Session cookies of accounts signed in with plain fetch (TestClient reads JSON only). */
  const cookies = new Map<string, string>();
  let projectId: string;
  const searchIds: Record<string, string> = {};

  async function signIn(username: string): Promise<string> {
    const known = cookies.get(username);
    if (known) return known;
    const response = await fetch(`${t.server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    cookies.set(username, cookie);
    return cookie;
  }

  async function download(username: string | null, query: string, project = projectId): Promise<Download> {
    const cookie = username ? await signIn(username) : undefined;
    const response = await fetch(`${t.server.url}/api/projects/${project}/records/export${query}`, {
      headers: cookie ? { cookie } : {},
    });
    return {
      status: response.status,
      headers: response.headers,
      bytes: new Uint8Array(await response.arrayBuffer()),
    };
  }

  async function importText(project: string, searchId: string, fileName: string, text: string) {
    const upload = await lead.upload<UploadResponse>(project, fileName, text);
    expect(upload.status).toBe(200);
    const imported = await lead.command(
      'import.records',
      { searchId, uploadId: upload.body.uploadId },
      project,
    );
    expect(imported.status).toBe(200);
  }

  async function createSearch(project: string, name: string): Promise<string> {
    const response = await lead.command<{ searchId: string }>(
      'search.create',
      { sourceType: 'database', name, platform: '', dateRun: null, query: '', reportedCount: null },
      project,
    );
    expect(response.status).toBe(200);
    return response.body.result.searchId;
  }

  /** Every record of the project as stored: id, search, group, working copy, and the group's merged copy. */
  async function stored() {
    const rows = await t.store.db
      .selectFrom('records')
      .innerJoin('searches', 'searches.id', 'records.search_id')
      .leftJoin('duplicate_groups', 'duplicate_groups.id', 'records.group_id')
      .select([
        'records.id',
        'records.group_id',
        'records.data',
        'searches.name',
        'duplicate_groups.primary_record_id',
        'duplicate_groups.merged',
      ])
      .where('records.project_id', '=', projectId)
      .execute();
    return rows;
  }

  beforeAll(async () => {
    t = await startTestServer(backend);
    lead = t.client();
    await lead.setup('lead', 'Lena Lead', PASSWORD);
    for (const name of ['viewer', 'outsider']) {
      await lead.command('user.create', { username: name, displayName: name, password: PASSWORD });
    }
    const created = await lead.command<{ projectId: string }>('project.create', {
      name: 'Stroke "review" 2026',
    });
    projectId = created.body.result.projectId;
    await lead.command('member.add', { username: 'viewer', role: 'viewer' }, projectId);
    searchIds.MEDLINE = await createSearch(projectId, 'MEDLINE');
    searchIds.Embase = await createSearch(projectId, 'Embase');
    await importText(projectId, searchIds.MEDLINE, 'medline.ris', MEDLINE_RIS);
    await importText(projectId, searchIds.Embase as string, 'embase.ris', EMBASE_RIS);
    const run = await lead.command('dedup.run', {}, projectId);
    expect(run.body).toMatchObject({ result: { groupsCreated: 1 } });
  });
  afterAll(async () => t?.close());

  it('remaining as RIS: one record fewer, every field of the kept records intact, provenance in U1–U3', async () => {
    const file = await download('viewer', '?format=ris&view=remaining');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/x-research-info-systems; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="Stroke -review- 2026-records.ris"; filename*=UTF-8''${encodeURIComponent('Stroke "review" 2026-records.ris')}`,
    );
    const parsed = await parseFile(file.bytes, 'export.ris');
    expect(parsed.format).toBe('ris');
    expect(parsed.warnings).toEqual([]);
    const rows = await stored();
    expect(rows).toHaveLength(5);
    expect(parsed.records).toHaveLength(4);

    // What remains: each record standing alone as imported, and the group's merged copy.
    const expected = rows
      .filter((row) => row.group_id === null || row.primary_record_id === row.id)
      .map((row) => {
        const record = (row.group_id ? row.merged : row.data) as BibliographicRecord;
        const searches = row.group_id ? ['MEDLINE', 'Embase'] : [row.name];
        return {
          ...record,
          extra: {
            ...record.extra,
            U1: [row.id],
            U2: searches,
            ...(row.group_id ? { U3: [row.group_id] } : {}),
          },
        };
      });
    const again = parsed.records.map((r) => r.record);
    expect(new Set(again.map((r) => r.extra.U1?.[0]))).toEqual(new Set(expected.map((r) => r.extra.U1[0])));
    for (const record of again) {
      expect(record).toEqual(expected.find((e) => e.extra.U1[0] === record.extra.U1?.[0]));
    }
    // The merged copy kept the more complete page range and both searches.
    const merged = again.find((r) => r.extra.U3 !== undefined);
    expect(merged?.pages).toBe('1001-1010');
    expect(merged?.extra.U2).toEqual(['MEDLINE', 'Embase']);
    // Import order, then file order: MEDLINE's three (the merged one in its place), then Embase's other one.
    expect(again.map((r) => r.year)).toEqual([2019, 2020, 2018, 2021]);
  });

  it('all as CSV: every record with its Weft id, search and group id', async () => {
    const file = await download('viewer', '?format=csv&view=all');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toContain('-records.csv"');
    // ignoreBOM: keep the byte-order mark in the text, to see it is there.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
    expect(text.split('\r\n')[0]).toBe(
      '\ufeffrecord_id,title,abstract,authors,year,journal,journal_abbreviation,volume,issue,pages,doi,pmid,issn,isbn,keywords,urls,language,publication_type,weft_record_id,weft_search,weft_group_id',
    );
    const parsed = await parseFile(file.bytes, 'export.csv');
    expect(parsed.records).toHaveLength(5);
    const rows = await stored();
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const { record } of parsed.records) {
      const row = byId.get(record.extra.weft_record_id?.[0] ?? '');
      if (!row) throw new Error(`no stored record for ${JSON.stringify(record.extra)}`);
      const data = row.data as BibliographicRecord;
      expect(record).toEqual({
        ...data,
        extra: {
          ...data.extra,
          weft_record_id: [row.id],
          weft_search: [row.name],
          ...(row.group_id ? { weft_group_id: [row.group_id] } : {}),
        },
      });
    }
    const grouped = parsed.records.filter((r) => r.record.extra.weft_group_id);
    expect(grouped).toHaveLength(2);
    expect(new Set(grouped.map((r) => r.record.extra.weft_group_id?.[0])).size).toBe(1);
  });

  it('XLSX, BibTeX and TSV parse back', async () => {
    const xlsx = await download('viewer', '?format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const fromXlsx = await parseFile(xlsx.bytes, 'export.xlsx');
    expect(fromXlsx.format).toBe('xlsx');
    expect(fromXlsx.records.map((r) => r.record.year)).toEqual([2019, 2020, 2018, 2021]);
    expect(fromXlsx.records[0]?.record.extra.weft_search).toEqual(['MEDLINE', 'Embase']);

    const bib = await download('viewer', '?format=bibtex&view=all');
    expect(bib.headers.get('content-type')).toBe('application/x-bibtex; charset=utf-8');
    const fromBib = await parseFile(bib.bytes, 'export.bib');
    expect(fromBib.format).toBe('bibtex');
    expect(fromBib.records).toHaveLength(5);
    expect(fromBib.records.map((r) => r.record.year)).toEqual([2019, 2020, 2018, 2019, 2021]);
    expect(fromBib.records.every((r) => r.record.extra.weft_record_id?.length === 1)).toBe(true);

    const tsv = await download('viewer', '?format=tsv&view=all');
    expect(tsv.headers.get('content-type')).toBe('text/tab-separated-values; charset=utf-8');
    const fromTsv = await parseFile(tsv.bytes, 'export.tsv');
    expect(fromTsv.format).toBe('tsv');
    expect(fromTsv.records).toHaveLength(5);
  });

  it('writes large exports batch by batch with the same columns throughout', async () => {
    const project = (await lead.command<{ projectId: string }>('project.create', { name: 'Large' })).body
      .result.projectId;
    const searchId = await createSearch(project, 'Big search');
    // 2,500 records in three batches; only the last batch has notes (N1), so the header must already name it.
    const ris = Array.from(
      { length: 2500 },
      (_, i) =>
        `TY  - JOUR\nID  - ${i % 1000}\nTI  - Record number ${i}\nPY  - ${1990 + (i % 30)}\n${i >= 2400 ? `N1  - note ${i}\n` : ''}ER  - \n`,
    ).join('\n');
    await importText(project, searchId, 'big.ris', ris);

    const csv = await download('lead', '?format=csv&view=all', project);
    const fromCsv = await parseFile(csv.bytes, 'big.csv');
    expect(fromCsv.warnings).toEqual([]);
    expect(fromCsv.records.map((r) => r.record.title)).toEqual(
      Array.from({ length: 2500 }, (_, i) => `Record number ${i}`),
    );
    expect(fromCsv.records[2450]?.record.extra.N1).toEqual(['note 2450']);
    expect(fromCsv.records[10]?.record.extra.N1).toBeUndefined();

    // BibTeX citation keys come from the record ids, which repeat here: they stay unique in the file.
    const bib = await download('lead', '?format=bibtex&view=all', project);
    const text = new TextDecoder().decode(bib.bytes);
    const keys = [...text.matchAll(/^@\w+\{([^,]*),$/gm)].map((m) => m[1]);
    expect(keys).toHaveLength(2500);
    expect(new Set(keys).size).toBe(2500);
    const fromBib = await parseFile(bib.bytes, 'big.bib');
    expect(fromBib.records).toHaveLength(2500);

    const ris2 = await download('lead', '?format=ris&view=remaining', project);
    expect((await parseFile(ris2.bytes, 'big.ris')).records).toHaveLength(2500);
  });

  it('a viewer may export; a non-member gets 403, no session 401, a bad format or view 400', async () => {
    expect((await download('viewer', '?format=ris')).status).toBe(200);
    const outsider = await download('outsider', '?format=ris');
    expect(outsider.status).toBe(403);
    expect(JSON.parse(new TextDecoder().decode(outsider.bytes))).toMatchObject({ code: 'forbidden' });
    expect((await download(null, '?format=ris')).status).toBe(401);

    const bad = await download('viewer', '?format=docx');
    expect(bad.status).toBe(400);
    expect(JSON.parse(new TextDecoder().decode(bad.bytes))).toMatchObject({
      code: 'validation',
      detail: 'format must be one of ris, bibtex, csv, tsv, xlsx, not "docx".',
    });
    expect((await download('viewer', '')).status).toBe(400);
    const badView = await download('viewer', '?format=ris&view=merged');
    expect(badView.status).toBe(400);
  });

  it('an empty project exports an empty file (CSV: the header only)', async () => {
    const project = (await lead.command<{ projectId: string }>('project.create', { name: 'Empty' })).body
      .result.projectId;
    const ris = await download('lead', '?format=ris', project);
    expect(ris.status).toBe(200);
    expect(ris.bytes.length).toBe(0);
    const csv = await download('lead', '?format=csv', project);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes)).toMatch(
      /^\ufeffrecord_id,title,.*weft_search\r\n$/,
    );
  });
});
