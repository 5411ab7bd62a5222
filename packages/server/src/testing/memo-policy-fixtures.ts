import type { CommandType } from '@weft/protocol';
import type { TestClient } from './test-client.js';

type Actor = 'owner' | 'lead' | 'reviewer' | 'viewer' | 'outsider' | 'anonymous';

/** The policy matrix's rows for memo and annotation commands: reviewers and up write, viewers read. */
const REVIEWER_UP = { owner: 200, lead: 200, reviewer: 200, viewer: 403, outsider: 403, anonymous: 401 };

export const MEMO_COMMAND_MATRIX = {
  'memo.create': REVIEWER_UP,
  'memo.edit': REVIEWER_UP,
  'memo.delete': REVIEWER_UP,
  'memo.restore': REVIEWER_UP,
  'memo.link': REVIEWER_UP,
  'memo.unlink': REVIEWER_UP,
  'annotation.add': REVIEWER_UP,
  'annotation.edit': REVIEWER_UP,
  'annotation.remove': REVIEWER_UP,
} satisfies Partial<Record<CommandType, Record<Actor, number>>>;

/** Project read routes of memos (paths after /api/projects/:id/). */
export const MEMO_READ_ROUTES = ['memos', 'memos?targetKind=project&q=garden'];

const doc = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
const TEXT = 'Ana: We started the garden in spring.\n';

/**
 * A payload for a memo command in a fresh project, or undefined for any other command type. The
 * memo or annotation changed is the actor's own when the actor may write one (whose it is matters
 * to the author-or-lead rule, tested in memos.test.ts); otherwise the owner's.
 */
export async function memoPayloadFor(
  type: CommandType,
  projectId: string,
  actor: Actor,
  clients: Record<Actor, TestClient>,
): Promise<unknown> {
  if (!(type in MEMO_COMMAND_MATRIX)) return undefined;
  const mine = async <T>(t: CommandType, payload: unknown): Promise<T> => {
    const own = await clients[actor].command<T>(t, payload, projectId);
    if (own.status === 200) return own.body.result;
    const owner = await clients.owner.command<T>(t, payload, projectId);
    if (owner.status !== 200) throw new Error(`${t}: ${JSON.stringify(owner.body)}`);
    return owner.body.result;
  };
  if (type === 'memo.create')
    return { title: 'Garden', content: doc('Why a garden?'), targetKind: 'project' };
  if (type.startsWith('memo.')) {
    const { memoId } = await mine<{ memoId: string }>('memo.create', {
      title: 'Garden',
      content: doc('Why a garden?'),
      targetKind: 'project',
    });
    const other = await mine<{ memoId: string }>('memo.create', {
      content: doc('Spring'),
      targetKind: 'project',
    });
    switch (type) {
      case 'memo.edit':
        return { memoId, expectedVersion: 1, content: doc('Why a garden at all?') };
      case 'memo.delete':
        return { memoId };
      case 'memo.restore':
        await mine('memo.delete', { memoId });
        return { memoId };
      case 'memo.link':
        return { memoId, kind: 'memo', targetId: other.memoId };
      case 'memo.unlink':
        await mine('memo.link', { memoId, kind: 'memo', targetId: other.memoId });
        return { memoId, kind: 'memo', targetId: other.memoId };
    }
  }
  const owner = async <T>(t: CommandType, payload: unknown) => {
    const response = await clients.owner.command<T>(t, payload, projectId);
    if (response.status !== 200) throw new Error(`${t}: ${JSON.stringify(response.body)}`);
    return response.body.result;
  };
  const upload = await clients.owner.upload<{ uploadId: string }>(projectId, 'interview.txt', TEXT);
  const d = await owner<{ documentId: string; versionId: string }>('document.add', {
    uploadId: upload.body.uploadId,
  });
  const { codeId } = await owner<{ codeId: string }>('code.create', { name: 'Place' });
  const { codingId } = await owner<{ codingId: string }>('coding.add', {
    documentId: d.documentId,
    versionId: d.versionId,
    codeId,
    start: 5,
    end: 15,
  });
  if (type === 'annotation.add') return { codingId, text: 'Who is "we"?' };
  const { annotationId } = await mine<{ annotationId: string }>('annotation.add', { codingId, text: 'Who?' });
  if (type === 'annotation.edit') return { annotationId, expectedVersion: 1, text: 'Who is "we"?' };
  return { annotationId };
}
