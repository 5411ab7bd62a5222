import { randomUUID } from 'node:crypto';
import { WeftError } from '@weft/core';
import { executeCommand } from '@weft/server';
import { findProject, listAllProjects, listMembers, type Store } from '@weft/storage';
import type { Command } from 'commander';
import { cliActor, userByName } from '../cli-actor.js';
import { addJsonOption, addStoreOption, type GlobalOptions, withStore } from '../cli-context.js';
import { type CliIo, printJson, printLine } from '../cli-io.js';
import { formatTable } from '../format-table.js';

interface ProjectCreateOptions extends GlobalOptions {
  owner?: string;
  description?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function memberCounts(store: Store): Promise<Map<string, number>> {
  const rows = await store.db
    .selectFrom('members')
    .select(['project_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('project_id')
    .execute();
  return new Map(rows.map((row) => [row.project_id, Number(row.n)]));
}

export function registerProject(program: Command, io: CliIo): void {
  const project = program.command('project').description('Create and inspect projects');

  const create = project
    .command('create')
    .description('Create a project and print its id')
    .argument('<name>', 'project name')
    .option('--owner <username>', 'the account that owns it (default: the first admin account)')
    .option('--description <text>', 'a short description', '')
    .addHelpText(
      'after',
      '\nThe project is created by its owner, so the event log names them. Without --owner the CLI\n' +
        'acts as the instance administrator (the first admin account).',
    );
  addStoreOption(create);
  addJsonOption(create);
  create.action(async (name: string, options: ProjectCreateOptions) => {
    const id = await withStore(
      options,
      async (store) => {
        const owner = options.owner ? await userByName(store, options.owner) : await cliActor(store);
        const response = await executeCommand(store, owner, {
          id: randomUUID(),
          type: 'project.create',
          payload: { name, description: options.description ?? '' },
        });
        return (response.result as { projectId: string }).projectId;
      },
      io,
    );
    if (options.json) printJson(io, { id });
    else printLine(io, id);
  });

  const list = project.command('list').description('List every project with its member and event counts');
  addStoreOption(list);
  addJsonOption(list);
  list.action(async (options: GlobalOptions) => {
    const rows = await withStore(
      options,
      async (store) => {
        const [projects, members] = await Promise.all([listAllProjects(store.db), memberCounts(store)]);
        return projects.map((p) => ({
          id: p.id,
          name: p.name,
          archived: p.archived,
          members: members.get(p.id) ?? 0,
          events: p.lastSeq,
          createdAt: p.createdAt,
        }));
      },
      io,
    );
    if (options.json) {
      printJson(io, rows);
      return;
    }
    if (rows.length === 0) {
      printLine(io, 'No projects yet. Create one with `weft project create NAME`.');
      return;
    }
    printLine(
      io,
      formatTable(
        ['ID', 'NAME', 'ARCHIVED', 'MEMBERS', 'EVENTS'],
        rows.map((r) => [r.id, r.name, r.archived ? 'yes' : 'no', String(r.members), String(r.events)]),
      ),
    );
  });

  const show = project
    .command('show')
    .description('Show one project and its members')
    .argument('<id>', 'project id (see `weft project list`)');
  addStoreOption(show);
  addJsonOption(show);
  show.action(async (id: string, options: GlobalOptions) => {
    if (!UUID.test(id))
      throw new WeftError('bad-input', `"${id}" is not a project id (see \`weft project list\`).`);
    const found = await withStore(
      options,
      async (store) => {
        const p = await findProject(store.db, id);
        if (!p) throw new WeftError('not-found', `No project has the id ${id} (see \`weft project list\`).`);
        return { project: p, members: await listMembers(store.db, id) };
      },
      io,
    );
    if (options.json) {
      printJson(io, found);
      return;
    }
    const { project: p, members } = found;
    printLine(io, `${p.name}${p.archived ? ' (archived)' : ''}`);
    printLine(io, `id ${p.id}, created ${p.createdAt}, ${p.lastSeq} events`);
    if (p.description) printLine(io, p.description);
    printLine(io);
    printLine(
      io,
      formatTable(
        ['USERNAME', 'DISPLAY NAME', 'ROLE'],
        members.map((m) => [m.username, m.displayName, m.role]),
      ),
    );
  });
}
