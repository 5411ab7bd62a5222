import { defineHandler } from '../command-handler.js';
import { requireInstanceAction } from '../require.js';
import { insertProjectWithOwner } from './create-project.js';

export const projectCreate = defineHandler({
  type: 'project.create',
  scope: 'instance',
  authorize: (context) => requireInstanceAction(context, 'project.create'),
  async apply(trx, { actor }, payload, at) {
    const { projectId, name } = await insertProjectWithOwner(trx, {
      name: payload.name,
      description: payload.description,
      ownerId: actor.id,
      at,
    });
    return {
      result: { projectId },
      event: {
        projectId,
        eventType: 'project.created',
        payload: { name, description: payload.description.trim() },
      },
    };
  },
});
