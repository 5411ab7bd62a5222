import { defineHandler } from '../command-handler.js';
import { requireInstanceAction } from '../require.js';
import { insertProjectWithOwner } from './create-project.js';

// Fictional: written for Weft, about no real organisation. Later capabilities (records,
// screening, coding) add their own demo material to this project as they land.
const DEMO_NAME = 'Demo: Hospital and housing charity collaboration';
const DEMO_DESCRIPTION = [
  'A fictional review for trying Weft: how do acute hospitals and local housing charities work together',
  'to discharge patients who have nowhere safe to go, and what helps or hinders that collaboration?',
  'Question (SPIDER): Sample — hospital discharge teams and housing support workers; Phenomenon of Interest —',
  'inter-organisational collaboration; Design — any; Evaluation — facilitators and barriers; Research type —',
  'qualitative and mixed methods.',
].join(' ');

export const demoCreate = defineHandler({
  type: 'demo.create',
  scope: 'instance',
  authorize: (context) => requireInstanceAction(context, 'demo.create'),
  async apply(trx, { actor }, _payload, at) {
    const { projectId, name } = await insertProjectWithOwner(trx, {
      name: DEMO_NAME,
      description: DEMO_DESCRIPTION,
      ownerId: actor.id,
      at,
    });
    return {
      result: { projectId },
      event: {
        projectId,
        eventType: 'project.created',
        payload: { name, description: DEMO_DESCRIPTION, demo: true },
      },
    };
  },
});
