import { type RecordsResponse, TABLE_FIELDS, type UploadResponse } from '@weft/protocol';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_RIS, MEDLINE_RIS } from '../../testing/identification-fixtures.js';
import type { TestClient } from '../../testing/test-client.js';
import { startTestServer, type TestServer } from '../../testing/test-server.js';

const PASSWORD = 'correct horse battery';

/** A spreadsheet someone made by hand: no header a guess knows for the title, the year under "When". */
const HANDMADE_CSV = `Ref,Headline,Summary,Writers,When,Included?
A1,Aspirin after stroke: a trial,Background and methods.,"Smith, J.; Doe, K.",2019,yes
A2,Telehealth for heart failure,Objectives only.,"Patel, R.",2020,no
`;

describe.each(availableBackends())('import.records with a column mapping on %s', (backend) => {
  let t: TestServer;
  let lead: TestClient;
  let projectId: string;
  let searchId: string;

  beforeAll(async () => {
    t = await startTestServer(backend);
    lead = t.client();
    await lead.setup('lead', 'Lena Lead', PASSWORD);
    const created = await lead.command<{ projectId: string }>('project.create', { name: 'Mapping' });
    projectId = created.body.result.projectId;
    const search = await lead.command<{ searchId: string }>(
      'search.create',
      { sourceType: 'database', name: 'Hand search', reportedCount: null },
      projectId,
    );
    searchId = search.body.result.searchId;
  });
  afterAll(async () => t?.close());

  async function upload(fileName: string, text: string) {
    const response = await lead.upload<UploadResponse>(projectId, fileName, text);
    expect(response.status).toBe(200);
    return response.body.uploadId;
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

  it('a mapping naming a column the file lacks is refused, naming it, and changes nothing', async () => {
    const uploadId = await upload('handmade.csv', HANDMADE_CSV);
    const before = await counts();
    const response = await lead.command(
      'import.records',
      { searchId, uploadId, columnMapping: { title: 'Title' } },
      projectId,
    );
    expect(response.status).toBe(400);
    expect((response.body as { detail: string }).detail).toBe(
      "handmade.csv, line 1: the column mapping names a column 'Title' (for title) that the file does not have; its columns are 'Ref', 'Headline', 'Summary', 'Writers', 'When', 'Included?'",
    );
    const unknownField = await lead.command(
      'import.records',
      { searchId, uploadId, columnMapping: { colour: 'Ref' } },
      projectId,
    );
    expect(unknownField.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('imports with a non-default mapping: each field from the chosen column, recorded in the event', async () => {
    const uploadId = await upload('handmade.csv', HANDMADE_CSV);
    const columnMapping = {
      title: 'Headline',
      year: 'When',
      authors: 'Writers',
      sourceId: 'Ref',
      abstract: null,
      label: 'Included?',
    };
    const response = await lead.command<{ recordCount: number; format: string }>(
      'import.records',
      { searchId, uploadId, columnMapping },
      projectId,
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.result).toMatchObject({ recordCount: 2, format: 'csv' });

    const records = await lead.request<RecordsResponse>('GET', `/api/projects/${projectId}/records?limit=10`);
    const first = records.body.records.find((r) => r.record.sourceId === 'A1')?.record;
    expect(records.body.records).toHaveLength(2);
    expect(first).toMatchObject({
      title: 'Aspirin after stroke: a trial',
      year: 2019,
      sourceId: 'A1',
      authors: [
        { family: 'Smith', given: 'J.' },
        { family: 'Doe', given: 'K.' },
      ],
    });
    // "Summary" would have been guessed as the abstract; the mapping said no, so it stays in extra.
    expect(first?.abstract).toBeUndefined();
    expect(first?.extra).toMatchObject({ Summary: ['Background and methods.'], 'Included?': ['yes'] });

    const event = await t.store.db
      .selectFrom('events')
      .select('payload')
      .where('project_id', '=', projectId)
      .where('type', '=', 'records.imported')
      .executeTakeFirstOrThrow();
    const payload = (typeof event.payload === 'string' ? JSON.parse(event.payload) : event.payload) as {
      columnMapping: Record<string, string | null>;
    };
    expect(payload.columnMapping).toMatchObject({ ...columnMapping, doi: null });
    expect(Object.keys(payload.columnMapping).sort()).toEqual([...TABLE_FIELDS].sort());
  });

  it('a column mapping for a file that is not a table is refused', async () => {
    const uploadId = await upload('medline.ris', MEDLINE_RIS);
    const before = await counts();
    const response = await lead.command(
      'import.records',
      { searchId, uploadId, columnMapping: { title: 'TI' } },
      projectId,
    );
    expect(response.status).toBe(400);
    expect((response.body as { detail: string }).detail).toMatch(
      /a column mapping applies to CSV, TSV and Excel files/,
    );
    expect(await counts()).toEqual(before);
  });

  it('a file that fails half-way through (after batches were stored) leaves nothing', async () => {
    // 2,500 good records stream into the store before the broken line is reached.
    const good = Array.from({ length: 2500 }, (_, i) => `TY  - JOUR\nTI  - Record ${i + 1}\nER  - \n\n`).join(
      '',
    );
    const uploadId = await upload('late-error.ris', `${good}${BROKEN_RIS}`);
    const before = await counts();
    const response = await lead.command('import.records', { searchId, uploadId }, projectId);
    expect(response.status).toBe(400);
    expect((response.body as { detail: string }).detail).toMatch(/late-error\.ris, line 10005/);
    expect(await counts()).toEqual(before);
    const ris = await lead.command<{ recordCount: number }>(
      'import.records',
      { searchId, uploadId: await upload('fine.ris', good) },
      projectId,
    );
    expect(ris.body.result.recordCount).toBe(2500);
  });
});
