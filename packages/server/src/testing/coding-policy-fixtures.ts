import { randomUUID } from 'node:crypto';
import type { CommandType } from '@weft/protocol';
import type { TestClient } from './test-client.js';

type Actor = 'owner' | 'lead' | 'reviewer' | 'viewer' | 'outsider' | 'anonymous';

/** The policy matrix's rows for the coding commands: reviewers and up code, viewers only read. */
const REVIEWER_UP = { owner: 200, lead: 200, reviewer: 200, viewer: 403, outsider: 403, anonymous: 401 };

export const CODING_COMMAND_MATRIX = {
  'document.add': REVIEWER_UP,
  'document.edit': REVIEWER_UP,
  'code.create': REVIEWER_UP,
  'code.rename': REVIEWER_UP,
  'code.edit': REVIEWER_UP,
  'code.move': REVIEWER_UP,
  'code.delete': REVIEWER_UP,
  'code.restore': REVIEWER_UP,
  'code.merge': REVIEWER_UP,
  'code.unmerge': REVIEWER_UP,
  'code.split': REVIEWER_UP,
  'codebook.import': REVIEWER_UP,
  'coding.add': REVIEWER_UP,
  'coding.remove': REVIEWER_UP,
  'coding.recode': REVIEWER_UP,
  'coding.resize': REVIEWER_UP,
  'coding.add-case': REVIEWER_UP,
  'coding.undo': REVIEWER_UP,
  'coding.redo': REVIEWER_UP,
} satisfies Partial<Record<CommandType, Record<Actor, number>>>;

export const POLICY_TRANSCRIPT =
  'Ana: We started the garden in spring.\nBen: The council gave us the land.\n';

/** Project read routes of coding (paths after /api/projects/:id/). */
export const CODING_READ_ROUTES = ['documents', 'codebook', 'codings/orphans'];

/**
 * A payload for a coding command that any permitted actor may run in a fresh project (the owner
 * makes the document, codes and codings it needs first), or undefined for any other command type.
 */
export async function codingPayloadFor(
  type: CommandType,
  projectId: string,
  actor: Actor,
  clients: Record<Actor, TestClient>,
): Promise<unknown> {
  if (!(type in CODING_COMMAND_MATRIX)) return undefined;
  const owner = clients.owner;
  if (type === 'coding.undo' || type === 'coding.redo') {
    // Undo is per user: the actor needs a change of their own (refused for those who may not code).
    await clients[actor].command('code.create', { name: 'Mine' }, projectId);
    if (type === 'coding.redo') await clients[actor].command('coding.undo', {}, projectId);
    return {};
  }
  if (type === 'codebook.import')
    return { fileName: 'codebook.csv', text: `path,description\nLand > Given by the council,${actor}\n` };
  const ok = async <T>(t: CommandType, payload: unknown) => {
    const response = await owner.command<T>(t, payload, projectId);
    if (response.status !== 200) throw new Error(`${t}: ${JSON.stringify(response.body)}`);
    return response.body.result;
  };
  const upload = await owner.upload<{ uploadId: string }>(projectId, 'interview.txt', POLICY_TRANSCRIPT);
  const uploadId = upload.body.uploadId;
  if (type === 'document.add') return { uploadId, name: 'Interview 1' };
  const doc = await ok<{ documentId: string; versionId: string }>('document.add', { uploadId });
  if (type === 'document.edit')
    return { documentId: doc.documentId, expectedVersion: 1, text: `${POLICY_TRANSCRIPT}Ana: Yes.\n` };
  if (type === 'code.create') return { name: 'Land' };
  const { codeId } = await ok<{ codeId: string }>('code.create', { name: 'Land' });
  const other = await ok<{ codeId: string }>('code.create', { name: 'Season' });
  if (type === 'coding.add-case') {
    const { caseId } = await ok<{ caseId: string }>('case.create', {
      classification: 'participant',
      name: 'Ana',
    });
    await ok('document.assign', { documentId: doc.documentId, caseId });
    return { caseId, codeId };
  }
  const start = POLICY_TRANSCRIPT.indexOf('the land');
  // A coding is changed by its coder or a lead: a reviewer gets one of their own to change.
  const coder = actor === 'reviewer' ? clients.reviewer : owner;
  const coded = await coder.command<{ codingId: string }>(
    'coding.add',
    {
      documentId: doc.documentId,
      versionId: doc.versionId,
      codeId,
      start,
      end: start + 'the land'.length,
    },
    projectId,
  );
  if (coded.status !== 200) throw new Error(`coding.add: ${JSON.stringify(coded.body)}`);
  const { codingId } = coded.body.result;
  switch (type) {
    case 'code.rename':
      return { codeId, name: 'Land and space' };
    case 'code.edit':
      return { codeId, description: 'Where the project happens', colour: '#2f9e44' };
    case 'code.move':
      return { codeId, parentId: other.codeId };
    case 'code.delete':
      return { codeId };
    case 'code.restore':
      await ok('code.delete', { codeId });
      return { codeId };
    case 'code.merge':
      return { sourceIds: [codeId], targetId: other.codeId };
    case 'code.unmerge':
      await ok('code.merge', { sourceIds: [codeId], targetId: other.codeId });
      return { codeId };
    case 'code.split':
      return { sourceId: codeId, code: { codeId: randomUUID(), name: 'Land given' }, codingIds: [codingId] };
    case 'coding.add':
      return { documentId: doc.documentId, versionId: doc.versionId, codeId, start: 0, end: 3 };
    case 'coding.remove':
      return { codingId };
    case 'coding.recode':
      return { codingId, codeId: other.codeId };
    case 'coding.resize':
      return { codingId, start: start - 4, end: start + 'the land'.length };
  }
  return undefined;
}
