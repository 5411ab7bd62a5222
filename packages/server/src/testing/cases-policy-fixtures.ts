import type { CommandType } from '@weft/protocol';
import type { TestClient } from './test-client.js';

type Actor = 'owner' | 'lead' | 'reviewer' | 'viewer' | 'outsider' | 'anonymous';

/** The policy matrix's rows for the case and attribute commands: reviewers and up, viewers only read. */
const REVIEWER_UP = { owner: 200, lead: 200, reviewer: 200, viewer: 403, outsider: 403, anonymous: 401 };

export const CASES_COMMAND_MATRIX = {
  'case.create': REVIEWER_UP,
  'case.edit': REVIEWER_UP,
  'case.delete': REVIEWER_UP,
  'case.restore': REVIEWER_UP,
  'case.sync-studies': REVIEWER_UP,
  'attribute.define': REVIEWER_UP,
  'attribute.edit': REVIEWER_UP,
  'attribute.remove': REVIEWER_UP,
  'attribute.set': REVIEWER_UP,
  'classification.import': REVIEWER_UP,
  'document.assign': REVIEWER_UP,
} satisfies Partial<Record<CommandType, Record<Actor, number>>>;

/** Project read routes of cases (paths after /api/projects/:id/). */
export const CASES_READ_ROUTES = ['cases'];

/**
 * A payload for a case command that any permitted actor may run in a fresh project (the owner
 * makes the case, attribute or document it needs first), or undefined for any other command type.
 */
export async function casesPayloadFor(
  type: CommandType,
  projectId: string,
  clients: Record<Actor, TestClient>,
): Promise<unknown> {
  if (!(type in CASES_COMMAND_MATRIX)) return undefined;
  const ok = async <T>(t: CommandType, payload: unknown) => {
    const response = await clients.owner.command<T>(t, payload, projectId);
    if (response.status !== 200) throw new Error(`${t}: ${JSON.stringify(response.body)}`);
    return response.body.result;
  };
  switch (type) {
    case 'case.create':
      return { classification: 'participant', name: 'Ana' };
    case 'case.sync-studies':
      return {};
    case 'attribute.define':
      return { classification: 'participant', name: 'Age', valueType: 'number' };
    case 'classification.import':
      return { classification: 'participant', fileName: 'people.csv', text: 'Participant,Age\nAna,34\n' };
    case 'document.assign': {
      const upload = await clients.owner.upload<{ uploadId: string }>(
        projectId,
        'note.txt',
        'A short note.\n',
        'documents/uploads',
      );
      const { documentId } = await ok<{ documentId: string }>('document.add', {
        uploadId: upload.body.uploadId,
      });
      return { documentId, folder: 'Notes' };
    }
  }
  const { caseId } = await ok<{ caseId: string }>('case.create', {
    classification: 'participant',
    name: 'Ben',
  });
  const { attributeId } = await ok<{ attributeId: string }>('attribute.define', {
    classification: 'participant',
    name: 'Role',
    valueType: 'choice',
    options: ['Chair', 'Volunteer'],
  });
  switch (type) {
    case 'case.edit':
      return { caseId, description: 'Council officer' };
    case 'case.delete':
      return { caseId };
    case 'case.restore':
      await ok('case.delete', { caseId });
      return { caseId };
    case 'attribute.edit':
      return { attributeId, options: ['Chair', 'Volunteer', 'Teacher'] };
    case 'attribute.remove':
      return { attributeId };
    case 'attribute.set':
      return { attributeId, targetId: caseId, value: 'Chair' };
  }
  return undefined;
}
