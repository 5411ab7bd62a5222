import type { StagesResponse, StageView, UploadResponse } from '@weft/protocol';
import type { TestClient } from './test-client.js';
import type { TestServer } from './test-server.js';

export const SCREENING_PASSWORD = 'correct horse battery';

/** A RIS file of `count` distinct, made-up records (titles numbered so none are duplicates). */
export function numberedRis(count: number, topic = 'collaboration'): string {
  const lines: string[] = [];
  for (let i = 1; i <= count; i++) {
    lines.push(
      'TY  - JOUR',
      `TI  - Study ${i} of ${topic} between health and social care, variant ${String.fromCharCode(97 + (i % 26))}${i * 7919}`,
      `AU  - Author${i}, A.`,
      `PY  - ${2000 + (i % 20)}`,
      `JO  - Journal of Integrated Care ${i}`,
      `AB  - Abstract ${i}: a fictional study written for Weft's tests.`,
      `DO  - 10.5555/weft.test.${i}`,
      'ER  - ',
    );
  }
  return `${lines.join('\n')}\n`;
}

export interface ScreeningTeam {
  lead: TestClient;
  ana: TestClient;
  ben: TestClient;
  cleo: TestClient;
  viewer: TestClient;
  ids: Record<'lead' | 'ana' | 'ben' | 'cleo' | 'viewer', string>;
}

/** A lead (the instance owner), three reviewers (Ana, Ben, Cleo) and a viewer, signed in. */
export async function screeningTeam(t: TestServer): Promise<ScreeningTeam> {
  const lead = t.client();
  const setup = await lead.setup('lead', 'Lena Lead', SCREENING_PASSWORD);
  const ids = { lead: (setup.body as { user: { id: string } }).user.id } as ScreeningTeam['ids'];
  const clients: Record<string, TestClient> = {};
  for (const [name, display] of [
    ['ana', 'Ana Reviewer'],
    ['ben', 'Ben Reviewer'],
    ['cleo', 'Cleo Reviewer'],
    ['viewer', 'Vic Viewer'],
  ] as const) {
    const created = await lead.command<{ userId: string }>('user.create', {
      username: name,
      displayName: display,
      password: SCREENING_PASSWORD,
    });
    ids[name] = created.body.result.userId;
    const client = t.client();
    await client.login(name, SCREENING_PASSWORD);
    clients[name] = client;
  }
  return {
    lead,
    ana: clients.ana as TestClient,
    ben: clients.ben as TestClient,
    cleo: clients.cleo as TestClient,
    viewer: clients.viewer as TestClient,
    ids,
  };
}

/** A project with the team as members, `count` imported records and the default stages. */
export async function screeningProject(team: ScreeningTeam, count: number): Promise<string> {
  const { lead } = team;
  const created = await lead.command<{ projectId: string }>('project.create', { name: 'Screening' });
  const projectId = created.body.result.projectId;
  for (const name of ['ana', 'ben', 'cleo'] as const)
    await lead.command('member.add', { username: name, role: 'reviewer' }, projectId);
  await lead.command('member.add', { username: 'viewer', role: 'viewer' }, projectId);
  const search = await lead.command<{ searchId: string }>(
    'search.create',
    { sourceType: 'database', name: 'MEDLINE' },
    projectId,
  );
  const upload = await lead.upload<UploadResponse>(projectId, 'records.ris', numberedRis(count));
  const imported = await lead.command(
    'import.records',
    { searchId: search.body.result.searchId, uploadId: upload.body.uploadId },
    projectId,
  );
  if (imported.status !== 200) throw new Error(`import failed: ${JSON.stringify(imported.body)}`);
  const setUp = await lead.command('screening.set-up', {}, projectId);
  if (setUp.status !== 200) throw new Error(`set-up failed: ${JSON.stringify(setUp.body)}`);
  return projectId;
}

export async function stagesOf(client: TestClient, projectId: string): Promise<StageView[]> {
  const response = await client.request<StagesResponse>('GET', `/api/projects/${projectId}/screening/stages`);
  if (response.status !== 200) throw new Error(`stages: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.stages;
}
