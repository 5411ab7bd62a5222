import { readUpload, saveUpload } from '@weft/storage';
import { addDemoInterview } from '../../demo/add-demo-interview.js';
import { demoSearches } from '../../demo/demo-records.js';
import { defineHandler } from '../command-handler.js';
import { requireInstanceAction } from '../require.js';
import { insertProjectWithOwner } from './create-project.js';

// Fictional: written for Weft, about no real organisation. Each capability adds its own demo
// material as a follow-up step, through the same commands a user would run.
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
  /**
   * Two database searches with overlapping results, imported and deduplicated; screening set up;
   * an interview to code with a starting codebook.
   */
  async followUp(run, { projectId }) {
    for (const [i, search] of demoSearches().entries()) {
      const { searchId } = await run.command(
        `search-${i}`,
        'search.create',
        {
          sourceType: 'database',
          name: search.name,
          platform: search.platform,
          dateRun: search.dateRun,
          query: search.query,
          reportedCount: search.recordCount,
        },
        projectId,
      );
      const uploadId = run.derivedId(`upload-${i}`);
      if (!(await readUpload(run.store.db, projectId, uploadId))) {
        await saveUpload(run.store.db, {
          id: uploadId,
          projectId,
          fileName: search.fileName,
          bytes: new TextEncoder().encode(search.ris),
          uploadedBy: run.actor.id,
          at: new Date(),
        });
      }
      await run.command(`import-${i}`, 'import.records', { searchId, uploadId, format: 'ris' }, projectId);
    }
    await run.command('dedup', 'dedup.run', {}, projectId);
    // The remaining records are ready to screen: title/abstract, then full text.
    await run.command('screening', 'screening.set-up', {}, projectId);
    await addDemoInterview(run, projectId);
  },
});
