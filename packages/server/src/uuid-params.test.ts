import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENING_PASSWORD } from './testing/screening-fixtures.js';
import type { TestClient } from './testing/test-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

/* A malformed id in an address is refused before it reaches the database: never a 500. */
describe.each(availableBackends())('malformed ids in addresses on %s', (backend) => {
  let t: TestServer;
  let lead: TestClient;
  let projectId: string;

  beforeAll(async () => {
    t = await startTestServer(backend);
    lead = t.client();
    await lead.setup('lead', 'Lena Lead', SCREENING_PASSWORD);
    const created = await lead.command<{ projectId: string }>('project.create', { name: 'Ids' });
    projectId = created.body.result.projectId;
  });
  afterAll(async () => t?.close());

  it.each([
    ['an empty document id', ''],
    ['a word', 'not-an-id'],
    ['a truncated uuid', '00000000-0000-4000-8000'],
  ])('answers 404 for %s in /documents/:documentId/properties', async (_name, documentId) => {
    const response = await lead.request<{ code: string; detail: string }>(
      'GET',
      `/api/projects/${projectId}/documents/${documentId}/properties`,
    );
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('not-found');
    expect(response.body.detail).toContain('documentId');
  });

  it('answers 404 for a well-formed id that names no document', async () => {
    const response = await lead.request(
      'GET',
      `/api/projects/${projectId}/documents/00000000-0000-4000-8000-000000000000/properties`,
    );
    expect(response.status).toBe(404);
  });

  it('answers 400 for a malformed project id', async () => {
    const response = await lead.request<{ code: string }>('GET', '/api/projects/nope/cases');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation');
  });
});
