import { normaliseProjectName, WeftError } from '@weft/core';
import type { Database } from '@weft/storage';
import { findProjectForUpdate } from '@weft/storage';
import type { Transaction } from 'kysely';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction, staleVersion } from '../require.js';

/** Locks the project row and checks the client edited the version it last saw. */
async function lockAtVersion(trx: Transaction<Database>, projectId: string, expectedVersion: number) {
  const current = await findProjectForUpdate(trx, projectId);
  if (!current) throw new WeftError('not-found', 'This project no longer exists.');
  if (current.version !== expectedVersion) throw staleVersion('project', current);
  return current;
}

export const projectRename = defineHandler({
  type: 'project.rename',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'project.rename'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const current = await lockAtVersion(trx, project.id, payload.expectedVersion);
    const named = normaliseProjectName(payload.name);
    if (!named.ok) throw new WeftError('validation', named.message, { field: 'name' });
    const version = current.version + 1;
    await trx
      .updateTable('projects')
      .set({ name: named.name, version })
      .where('id', '=', project.id)
      .execute();
    return {
      result: { version },
      event: {
        projectId: project.id,
        eventType: 'project.renamed',
        payload: { from: current.name, name: named.name },
      },
    };
  },
});

export const projectDescribe = defineHandler({
  type: 'project.describe',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'project.describe'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const current = await lockAtVersion(trx, project.id, payload.expectedVersion);
    const version = current.version + 1;
    const description = payload.description.trim();
    await trx.updateTable('projects').set({ description, version }).where('id', '=', project.id).execute();
    return {
      result: { version },
      event: { projectId: project.id, eventType: 'project.described', payload: { description } },
    };
  },
});

function archiveHandler<T extends 'project.archive' | 'project.unarchive'>(type: T) {
  const archived = type === 'project.archive';
  return defineHandler<T>({
    type,
    scope: 'project',
    authorize: (context) => requireProjectAction(context, type),
    async apply(trx, context, payload) {
      const project = projectOf(context);
      const current = await lockAtVersion(trx, project.id, payload.expectedVersion);
      if (current.archived === archived) {
        throw new WeftError(
          'conflict',
          archived ? 'The project is already archived.' : 'The project is not archived.',
        );
      }
      const version = current.version + 1;
      await trx.updateTable('projects').set({ archived, version }).where('id', '=', project.id).execute();
      return {
        result: { version },
        event: {
          projectId: project.id,
          eventType: archived ? 'project.archived' : 'project.unarchived',
          payload: {},
        },
      };
    },
  });
}

export const projectArchive = archiveHandler('project.archive');
export const projectUnarchive = archiveHandler('project.unarchive');
