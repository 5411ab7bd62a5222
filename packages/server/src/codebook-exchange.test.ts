import type { CodebookHistoryResponse, CodebookNode, CodebookResponse, CommandType } from '@weft/protocol';
import { availableBackends } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScreeningTeam, screeningTeam } from './testing/screening-fixtures.js';
import type { TestClient } from './testing/test-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

/*
 * Codebook exchange and history through the API: a CSV codebook is imported (codes already
 * there are kept), exported as CSV and Markdown and imported into a second project to give the
 * same tree; a bad file and a viewer are refused without changing anything; every imported code
 * is an ordinary codebook change, so the history, the codebook as of a date and undo see it.
 */
const CSV = [
  'path,name,description,inclusion,exclusion,example,colour,shortcut',
  'Motivation and purpose,Motivation and purpose,"Why they take part, in their words.",,,,#e03131,1',
  'Motivation and purpose > Shared purpose,Shared purpose,,A goal the partners share.,One partner only.,"""We all wanted it.""",,',
  'Relationships and cultures,,,,,,#1971c2,',
  'Relationships and cultures > Trust > Competence,,Believing they can deliver.,,,,,',
  'Resources and capabilities,,"Money, time\nand skills.",,,,,r',
  '',
].join('\n');

type Shape = {
  name: string;
  description: string;
  colour: string | null;
  shortcut: string | null;
  children: Shape[];
};
const shape = (nodes: CodebookNode[]): Shape[] =>
  nodes.map((n) => ({
    name: n.name,
    description: n.description,
    colour: n.colour,
    shortcut: n.shortcut,
    children: shape(n.children),
  }));

describe.each(availableBackends())('codebook import, export and history on %s', (backend) => {
  let t: TestServer;
  let team: ScreeningTeam;
  let projectId: string;

  beforeAll(async () => {
    t = await startTestServer(backend);
    team = await screeningTeam(t);
    projectId = await newProject('Gardens');
  });
  afterAll(async () => t?.close());

  async function newProject(name: string) {
    const created = await team.lead.command<{ projectId: string }>('project.create', { name });
    const id = created.body.result.projectId;
    await team.lead.command('member.add', { username: 'ana', role: 'reviewer' }, id);
    await team.lead.command('member.add', { username: 'viewer', role: 'viewer' }, id);
    return id;
  }
  async function ok<T>(client: TestClient, type: CommandType, payload: unknown, project = projectId) {
    const response = await client.command<T>(type, payload, project);
    if (response.status !== 200) throw new Error(`${type}: ${JSON.stringify(response.body)}`);
    return response.body.result;
  }
  const codebook = async (project = projectId, query = '') => {
    const response = await team.ana.request<CodebookResponse>(
      'GET',
      `/api/projects/${project}/codebook${query}`,
    );
    expect(response.status).toBe(200);
    return response.body;
  };
  const count = async (table: 'events' | 'codes' | 'audit_entries') =>
    Number(
      (
        await t.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('imports a CSV codebook, keeping a code that is already there and creating implied parents', async () => {
    const existing = await ok<{ codeId: string }>(team.ana, 'code.create', {
      name: 'motivation AND purpose',
      description: 'mine',
    });
    const result = await ok<{ created: number; skipped: number; codeIds: string[] }>(
      team.ana,
      'codebook.import',
      {
        fileName: 'codebook.csv',
        text: CSV,
      },
    );
    expect(result).toMatchObject({ created: 5, skipped: 1 });
    const { codes } = await codebook();
    expect(codes.map((c) => c.name)).toEqual([
      'motivation AND purpose',
      'Relationships and cultures',
      'Resources and capabilities',
    ]);
    const [motivation, relationships, resources] = codes;
    expect(motivation).toMatchObject({ id: existing.codeId, description: 'mine', colour: null });
    expect(motivation?.children[0]).toMatchObject({
      name: 'Shared purpose',
      inclusion: 'A goal the partners share.',
      exclusion: 'One partner only.',
      example: '"We all wanted it."',
    });
    expect(relationships?.children[0]?.name).toBe('Trust');
    expect(relationships?.children[0]?.children[0]).toMatchObject({
      name: 'Competence',
      description: 'Believing they can deliver.',
    });
    expect(resources).toMatchObject({ description: 'Money, time\nand skills.', shortcut: 'r', colour: null });
  });

  it('exports CSV and Markdown that import into another project as the same tree', async () => {
    const csv = await team.viewer.download(`/api/projects/${projectId}/codebook.csv`);
    expect(csv.status).toBe(200);
    expect(csv.contentType).toMatch(/^text\/csv/);
    const csvText = csv.bytes.toString('utf8');
    expect(csvText.split('\r\n')[0]).toBe(
      'path,name,description,inclusion,exclusion,example,colour,shortcut',
    );
    const md = await team.viewer.download(`/api/projects/${projectId}/codebook.md`);
    expect(md.status).toBe(200);
    expect(md.contentType).toMatch(/^text\/markdown/);
    const mdText = md.bytes.toString('utf8');
    expect(mdText).toContain(
      '# Codebook: Gardens\n\n- motivation AND purpose\n  Description: mine\n  - Shared purpose\n',
    );

    const original = shape((await codebook()).codes);
    for (const [fileName, text] of [
      ['gardens.csv', csvText],
      ['gardens.md', mdText],
    ] as const) {
      const other = await newProject(`Copy from ${fileName}`);
      const result = await ok<{ created: number; skipped: number }>(
        team.ana,
        'codebook.import',
        { fileName, text },
        other,
      );
      expect(result).toMatchObject({ created: 6, skipped: 0 });
      expect(shape((await codebook(other)).codes)).toEqual(original);
    }
  });

  it('refuses a bad file with its line and changes nothing', async () => {
    const before = { events: await count('events'), codes: await count('codes') };
    const clash = await team.ana.command(
      'codebook.import',
      { fileName: 'more.csv', text: 'path,shortcut\nNew code,x\nAnother,r\n' },
      projectId,
    );
    expect(clash.status).toBe(409);
    expect(clash.body.detail).toMatch(/^more\.csv, line 3: .*shortcut/);
    const broken = await team.ana.command(
      'codebook.import',
      { fileName: 'more.md', text: '- Fine\nstray text\n' },
      projectId,
    );
    expect(broken.status).toBe(400);
    expect(broken.body.detail).toBe(
      "more.md, line 2: 'stray text' is not under a code: start a code with '- ' and indent its details under it",
    );
    expect({ events: await count('events'), codes: await count('codes') }).toEqual(before);
  });

  it('refuses a viewer with 403 and an audit entry', async () => {
    const before = {
      events: await count('events'),
      codes: await count('codes'),
      audit: await count('audit_entries'),
    };
    const refused = await team.viewer.command(
      'codebook.import',
      { fileName: 'c.csv', text: 'path\nX\n' },
      projectId,
    );
    expect(refused.status).toBe(403);
    expect({
      events: await count('events'),
      codes: await count('codes'),
      audit: await count('audit_entries'),
    }).toEqual({
      ...before,
      audit: before.audit + 1,
    });
  });

  it('shows the import and each imported code in the history, the codebook as of a date, and undo', async () => {
    const { entries } = (
      await team.viewer.request<CodebookHistoryResponse>('GET', `/api/projects/${projectId}/codebook/history`)
    ).body;
    expect(entries[0]).toMatchObject({
      actorName: 'Ana Reviewer',
      eventType: 'codebook.imported',
      summary: 'imported 5 codes from “codebook.csv” (1 already there)',
    });
    expect(
      entries
        .slice(1, 6)
        .map((e) => e.summary)
        .reverse(),
    ).toEqual([
      'created “Shared purpose” under “motivation AND purpose”',
      'created “Relationships and cultures”',
      'created “Trust” under “Relationships and cultures”',
      'created “Competence” under “Trust”',
      'created “Resources and capabilities”',
    ]);
    expect(entries.at(-1)?.summary).toBe('created “motivation AND purpose”');

    // As of just before the import, only the hand-made code was there.
    const importedAt = new Date(Date.parse(entries[0]?.at as string) - 1).toISOString();
    expect(
      (await codebook(projectId, `?asOf=${encodeURIComponent(importedAt)}`)).codes.map((c) => c.name),
    ).toEqual(['motivation AND purpose']);

    // Ana's undo takes back her last imported code; the history names it.
    await ok(team.ana, 'coding.undo', {});
    const names = (await codebook()).codes.map((c) => c.name);
    expect(names).not.toContain('Resources and capabilities');
    const after = (
      await team.ana.request<CodebookHistoryResponse>('GET', `/api/projects/${projectId}/codebook/history`)
    ).body;
    expect(after.entries[0]).toMatchObject({
      summary: 'deleted “Resources and capabilities”',
      undoStep: 'undo',
    });
  });

  it('describes reshaping with the names codes had then', async () => {
    const { codes } = await codebook();
    const [motivation, relationships] = codes as [CodebookNode, CodebookNode];
    await ok(team.ana, 'code.rename', { codeId: motivation.id, name: 'Motivation' });
    await ok(team.ana, 'code.edit', { codeId: motivation.id, description: 'Why', colour: '#2f9e44' });
    await ok(team.ana, 'code.move', { codeId: relationships.id, parentId: motivation.id });
    await ok(team.ana, 'code.merge', { sourceIds: [relationships.id], targetId: motivation.id });
    const { entries } = (
      await team.ana.request<CodebookHistoryResponse>('GET', `/api/projects/${projectId}/codebook/history`)
    ).body;
    expect(entries.slice(0, 4).map((e) => e.summary)).toEqual([
      'merged “Relationships and cultures” into “Motivation” (0 codings moved)',
      'moved “Relationships and cultures” under “Motivation”',
      'changed the description and colour of “Motivation”',
      'renamed “motivation AND purpose” to “Motivation”',
    ]);
  });
});
