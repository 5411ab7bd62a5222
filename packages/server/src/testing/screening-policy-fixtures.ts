import type { CommandType, StagesResponse, UploadResponse } from '@weft/protocol';
import type { TestStore } from '@weft/storage/testing';
import type { TestClient } from './test-client.js';

type Actor = 'owner' | 'lead' | 'reviewer' | 'viewer' | 'outsider' | 'anonymous';

/** The policy matrix's rows for the screening commands (status per actor). */
const LEAD_ONLY = { owner: 200, lead: 200, reviewer: 403, viewer: 403, outsider: 403, anonymous: 401 };
const REVIEWER_UP = { owner: 200, lead: 200, reviewer: 200, viewer: 403, outsider: 403, anonymous: 401 };

export const SCREENING_COMMAND_MATRIX = {
  'screening.set-up': LEAD_ONLY,
  'stage.create': LEAD_ONLY,
  'stage.update': LEAD_ONLY,
  'stage.set-criteria': LEAD_ONLY,
  'stage.set-reasons': LEAD_ONLY,
  'stage.start-stopping-sample': LEAD_ONLY,
  'stage.stop': LEAD_ONLY,
  'stage.unblind': LEAD_ONLY,
  'stage.close': LEAD_ONLY,
  'stage.reopen': LEAD_ONLY,
  'screening.decide': REVIEWER_UP,
  'screening.retract': REVIEWER_UP,
  'screening.resolve': REVIEWER_UP,
  'screening.import-decisions': LEAD_ONLY,
} satisfies Partial<Record<CommandType, Record<Actor, number>>>;

export interface ScreeningFixtureContext {
  store: TestStore;
  clients: Record<Actor, TestClient>;
  ids: Record<Actor, string>;
  /** Imports records into the project (the identification fixture) and returns two of their ids. */
  records(projectId: string): Promise<string[]>;
}

/**
 * A payload for a screening command that `actor` may legitimately run in a fresh project (the
 * owner sets the stage up first), or undefined for any other command type.
 */
export async function screeningPayloadFor(
  type: CommandType,
  projectId: string,
  actor: Actor,
  context: ScreeningFixtureContext,
): Promise<unknown> {
  if (!(type in SCREENING_COMMAND_MATRIX)) return undefined;
  const { clients, ids } = context;
  if (type === 'screening.set-up') return {};
  if (type === 'stage.create') return { key: 'extra-stage', name: 'Extra stage', mode: 'single' };
  const needsRecords = [
    'screening.decide',
    'screening.retract',
    'screening.resolve',
    'screening.import-decisions',
  ];
  const recordIds = needsRecords.includes(type) ? await context.records(projectId) : [];
  await clients.owner.command('screening.set-up', {}, projectId);
  const stages = await clients.owner.request<StagesResponse>(
    'GET',
    `/api/projects/${projectId}/screening/stages`,
  );
  const stage = stages.body.stages[0];
  if (!stage) throw new Error('screening.set-up made no stage');
  const stageId = stage.id;
  const recordId = recordIds[0] as string;
  switch (type) {
    case 'stage.update':
      return { stageId, expectedVersion: stage.version, name: 'Titles', mode: 'dual' };
    case 'stage.set-criteria':
      return {
        stageId,
        expectedVersion: stage.version,
        criteria: [{ group: 'population', kind: 'include', text: 'Adults' }],
      };
    case 'stage.set-reasons':
      return { stageId, expectedVersion: stage.version, reasons: [{ label: 'Wrong population' }] };
    case 'stage.start-stopping-sample':
    case 'stage.unblind':
      return { stageId };
    case 'stage.stop':
      return { stageId, note: 'Enough evidence' };
    case 'stage.close':
      return { stageId, expectedVersion: stage.version };
    case 'stage.reopen': {
      const closed = await clients.owner.command<{ version: number }>(
        'stage.close',
        { stageId, expectedVersion: stage.version },
        projectId,
      );
      return { stageId, expectedVersion: closed.body.result.version };
    }
    case 'screening.decide':
      return { stageId, recordId, decision: 'include' };
    case 'screening.retract': {
      // The actor's own decision to take back (those who may not decide have none).
      if (actor === 'owner' || actor === 'lead' || actor === 'reviewer')
        await clients[actor].command(
          'screening.decide',
          { stageId, recordId, decision: 'include' },
          projectId,
        );
      return { stageId, recordId };
    }
    case 'screening.resolve': {
      // Two others decide differently; the actor resolves as a third reviewer.
      const others = (['owner', 'lead', 'reviewer'] as const).filter((a) => a !== actor).slice(0, 2);
      const verdicts = ['include', 'exclude'] as const;
      for (const [i, other] of others.entries())
        await clients[other].command(
          'screening.decide',
          { stageId, recordId, decision: verdicts[i] },
          projectId,
        );
      return { stageId, recordId, method: 'third-reviewer', decision: 'include' };
    }
    case 'screening.import-decisions': {
      const csv = `record_id,title,included\n${recordIds.map((id, i) => `${id},Record ${i},${i % 2}`).join('\n')}\n`;
      const upload = await clients.owner.upload<UploadResponse>(projectId, 'asreview.csv', csv);
      return { stageId, uploadId: upload.body.uploadId, reviewerId: ids.reviewer, format: 'asreview-csv' };
    }
  }
  return undefined;
}
