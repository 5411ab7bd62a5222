import { qdpxFixtures, readQdpx } from '@weft/formats';
import type { CommandResults, QdpxImportReport } from '@weft/protocol';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../testing/test-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const PASSWORD = 'correct horse battery';

/** POST raw bytes as the browser's import dialog does (the session cookie is the client's own). */
async function stage(client: TestClient, fileName: string, bytes: Uint8Array) {
  const cookie = (client as unknown as { cookie?: string }).cookie;
  const response = await fetch(
    `${client.baseUrl}/api/qdpx-uploads?fileName=${encodeURIComponent(fileName)}`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        ...(cookie ? { cookie } : {}),
        ...(client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
      },
      body: bytes,
    },
  );
  return { status: response.status, body: (await response.json()) as { uploadId: string; code?: string } };
}

describe.each(availableBackends())('REFI-QDA routes on %s', (backend) => {
  let t: TestServer;
  let owner: TestClient;

  beforeAll(async () => {
    t = await startTestServer(backend);
    owner = t.client();
    await owner.setup('owner', 'Olive Owner', PASSWORD);
  });
  afterAll(async () => t?.close());

  it('stages a file, imports it by command, shows the report and serves both exports', async () => {
    const staged = await stage(owner, 'atlas.qdpx', qdpxFixtures.atlasStyleQdpx());
    expect(staged.status).toBe(200);
    const imported = await owner.command<CommandResults['project.import-qdpx']>('project.import-qdpx', {
      uploadId: staged.body.uploadId,
    });
    expect(imported.status).toBe(200);
    const { projectId } = imported.body.result;

    const report = await owner.request<{ report: QdpxImportReport }>(
      'GET',
      `/api/projects/${projectId}/qdpx-import`,
    );
    expect(report.status).toBe(200);
    expect(report.body.report.imported).toMatchObject({
      codes: 2,
      documents: 1,
      codings: 2,
      orphanCodings: 0,
    });

    const qdpx = await owner.download(`/api/projects/${projectId}/export.qdpx`);
    expect(qdpx.status).toBe(200);
    expect(qdpx.contentType).toBe('application/zip');
    const archive = readQdpx(new Uint8Array(qdpx.bytes), 'export.qdpx');
    expect(archive.counts).toMatchObject({ codes: 2, sources: 1, codings: 2, sets: 1 });

    const qdc = await owner.download(`/api/projects/${projectId}/codebook.qdc`);
    expect(qdc.status).toBe(200);
    expect(readQdpx(new Uint8Array(qdc.bytes), 'codebook.qdc').kind).toBe('qdc');
  });

  it('refuses anonymous staging, and a staged file another account tries to import', async () => {
    const anonymous = t.client();
    expect((await stage(anonymous, 'atlas.qdpx', qdpxFixtures.atlasStyleQdpx())).status).toBe(401);
    const staged = await stage(owner, 'atlas.qdpx', qdpxFixtures.atlasStyleQdpx());
    await owner.command('user.create', { username: 'other', displayName: 'Other', password: PASSWORD });
    const other = t.client();
    await other.login('other', PASSWORD);
    const response = await other.command('project.import-qdpx', { uploadId: staged.body.uploadId });
    expect(response.status).toBe(404);
  });
});
