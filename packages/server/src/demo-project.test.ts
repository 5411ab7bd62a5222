import { randomUUID } from 'node:crypto';
import type {
  CodebookResponse,
  DocumentResponse,
  DocumentsResponse,
  IdentificationResponse,
  StagesResponse,
} from '@weft/protocol';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CODES, DEMO_CODINGS } from './demo/demo-interview.js';
import { demoSearches } from './demo/demo-records.js';
import type { TestClient } from './testing/test-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

describe.each(availableBackends())('demo project on %s', (backend) => {
  let t: TestServer;
  let owner: TestClient;

  beforeAll(async () => {
    t = await startTestServer(backend);
    owner = t.client();
    await owner.setup('ana', 'Ana Silva', 'correct horse battery');
  });
  afterAll(async () => t?.close());

  it('arrives with two searches imported and deduplicated, every step in the event log', async () => {
    const id = randomUUID();
    const created = await owner.command<{ projectId: string }>('demo.create', {}, undefined, id);
    expect(created.status).toBe(200);
    const projectId = created.body.result.projectId;

    const events = await owner.request<{
      events: Array<{ eventType: string; payload: Record<string, unknown> }>;
    }>('GET', `/api/projects/${projectId}/events`);
    expect(events.body.events.map((e) => e.eventType)).toEqual([
      'project.created',
      'search.created',
      'records.imported',
      'search.created',
      'records.imported',
      'duplicates.detected',
      'screening.stages-created',
      'document.added',
      ...DEMO_CODES.map(() => 'code.created'),
      ...DEMO_CODINGS.map(() => 'coding.added'),
    ]);
    const searches = demoSearches();
    const total = searches.reduce((sum, s) => sum + s.recordCount, 0);
    const counts = await owner.request<IdentificationResponse>(
      'GET',
      `/api/projects/${projectId}/identification`,
    );
    expect(counts.body.identified).toBe(total);
    expect(counts.body.duplicatesRemovedAutomatically).toBe(8);
    // Studies 16–23 are in both exports: eight duplicates, all found although only one side has a DOI.
    const detected = events.body.events.find((e) => e.eventType === 'duplicates.detected')?.payload as {
      recordsMergedAutomatically: number;
    };
    expect(detected.recordsMergedAutomatically).toBe(8);
    expect(counts.body.remaining).toBe(total - 8);
    // A screening stage is ready with every remaining record in it.
    const stages = await owner.request<StagesResponse>('GET', `/api/projects/${projectId}/screening/stages`);
    expect(stages.body.stages.map((s) => s.key)).toEqual(['title-abstract', 'full-text']);
    expect(stages.body.stages[0]?.progress).toMatchObject({ eligible: total - 8, remaining: total - 8 });
    expect(stages.body.stages[0]?.progress.myQueue).toBe(total - 8);

    // Replaying the command (a retry) creates nothing more.
    const replay = await owner.command<{ projectId: string }>('demo.create', {}, undefined, id);
    expect(replay.body.replayed).toBe(true);
    expect(replay.body.result.projectId).toBe(projectId);
    const after = await owner.request<{ events: unknown[] }>('GET', `/api/projects/${projectId}/events`);
    expect(after.body.events).toHaveLength(events.body.events.length);
  });

  it('arrives with an interview to code, a starting codebook and codings on the quoted words', async () => {
    const created = await owner.command<{ projectId: string }>('demo.create', {});
    const projectId = created.body.result.projectId;
    const documents = await owner.request<DocumentsResponse>('GET', `/api/projects/${projectId}/documents`);
    expect(documents.body.documents).toHaveLength(1);
    const [summary] = documents.body.documents;
    expect(summary).toMatchObject({ folder: 'Interviews', codingCount: DEMO_CODINGS.length });
    const document = await owner.request<DocumentResponse>(
      'GET',
      `/api/projects/${projectId}/documents/${summary?.id}`,
    );
    const codebook = await owner.request<CodebookResponse>('GET', `/api/projects/${projectId}/codebook`);
    expect(codebook.body.codes.map((c) => c.name)).toEqual(DEMO_CODES.map((c) => c.name));
    const nameOf = new Map(codebook.body.codes.map((c) => [c.id, c.name]));
    const { text } = document.body.version;
    const coded = document.body.codings.map((c) => ({
      code: nameOf.get(c.codeId),
      text: text.slice(c.start, c.end),
    }));
    expect(coded).toEqual(
      expect.arrayContaining(
        DEMO_CODINGS.map((c) => ({
          code: DEMO_CODES.find((d) => d.key === c.code)?.name,
          text: c.quote,
        })),
      ),
    );
  });
});
