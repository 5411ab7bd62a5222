import { randomUUID } from 'node:crypto';
import { WeftError } from '@weft/core';
import { findSearchForUpdate, insertSearch, updateSearch } from '@weft/storage';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction, staleVersion } from '../require.js';

export const searchCreate = defineHandler({
  type: 'search.create',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'search.create'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const search = await insertSearch(trx, {
      ...payload,
      id: randomUUID(),
      projectId: project.id,
      createdBy: context.actor.id,
      at,
    });
    return {
      result: { searchId: search.id },
      event: {
        projectId: project.id,
        eventType: 'search.created',
        payload: { searchId: search.id, name: search.name, sourceType: search.sourceType },
      },
    };
  },
});

/** Replaces every field of a search (the client sends the whole search it edited). */
export const searchUpdate = defineHandler({
  type: 'search.update',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'search.update'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const current = await findSearchForUpdate(trx, project.id, payload.searchId);
    if (!current) throw new WeftError('not-found', 'This search does not exist in the project.');
    if (current.version !== payload.expectedVersion) throw staleVersion('search', current);
    const { searchId, expectedVersion: _seen, ...fields } = payload;
    const version = current.version + 1;
    await updateSearch(trx, searchId, fields, version);
    return {
      result: { version },
      event: {
        projectId: project.id,
        eventType: 'search.updated',
        payload: { searchId, name: fields.name, sourceType: fields.sourceType },
      },
    };
  },
});
