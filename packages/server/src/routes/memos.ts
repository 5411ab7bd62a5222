import { WeftError } from '@weft/core';
import {
  type AnnotationsResponse,
  type MemoResponse,
  type MemosResponse,
  memosQuerySchema,
} from '@weft/protocol';
import {
  getMemo,
  listAnnotations,
  listMemos,
  memoBacklinks,
  memoLinks,
  resolveMemoTargets,
} from '@weft/storage';
import type { FastifyInstance } from 'fastify';
import { requireProjectAction } from '../http/request-context.js';
import {
  presentAnnotation,
  presentLink,
  presentMemo,
  presentMemoSummary,
} from '../presenters/memo-presenter.js';
import type { ServerDeps } from '../server-deps.js';

type ProjectParams = { id: string };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireId(value: string, what: string): string {
  if (!UUID.test(value)) throw new WeftError('validation', `That is not a ${what} id.`);
  return value;
}

export function memoRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  /** Memos of the project, of a kind of target or of one target; searched by words. */
  app.get<{ Params: ProjectParams; Querystring: unknown }>(
    '/api/projects/:id/memos',
    async (request): Promise<MemosResponse> => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'memo.read');
      const query = memosQuerySchema.safeParse(request.query);
      if (!query.success)
        throw new WeftError(
          'validation',
          `Memo filter: ${query.error.issues[0]?.path.join('.')}: ${query.error.issues[0]?.message}`,
        );
      const rows = await listMemos(store.db, project.id, query.data);
      const names = await resolveMemoTargets(
        store.db,
        project.id,
        rows.map((r) => ({ kind: r.target_kind, id: r.target_id })),
      );
      return { memos: rows.map((r) => presentMemoSummary(r, names)) };
    },
  );

  /** One memo with its content, its links resolved to words, and the memos linking to it. */
  app.get<{ Params: ProjectParams & { memoId: string } }>(
    '/api/projects/:id/memos/:memoId',
    async (request): Promise<MemoResponse> => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'memo.read');
      const memo = await getMemo(store.db, project.id, requireId(request.params.memoId, 'memo'));
      if (!memo) throw new WeftError('not-found', 'That memo does not exist in this project.');
      const [links, backlinks] = await Promise.all([
        memoLinks(store.db, memo.id),
        memoBacklinks(store.db, project.id, memo.id),
      ]);
      const names = await resolveMemoTargets(store.db, project.id, [
        { kind: memo.target_kind, id: memo.target_id },
        ...links.map((l) => ({ kind: l.kind, id: l.targetId })),
      ]);
      return { memo: presentMemo(memo, names), links: links.map((l) => presentLink(l, names)), backlinks };
    },
  );

  app.get<{ Params: ProjectParams & { codingId: string } }>(
    '/api/projects/:id/codings/:codingId/annotations',
    async (request): Promise<AnnotationsResponse> => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'memo.read');
      const codingId = requireId(request.params.codingId, 'coding');
      return {
        annotations: (await listAnnotations(store.db, project.id, { codingId })).map(presentAnnotation),
      };
    },
  );

  /** Every annotation on the codings of a document: the coding screen's margin. */
  app.get<{ Params: ProjectParams & { documentId: string } }>(
    '/api/projects/:id/documents/:documentId/annotations',
    async (request): Promise<AnnotationsResponse> => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'memo.read');
      const documentId = requireId(request.params.documentId, 'document');
      return {
        annotations: (await listAnnotations(store.db, project.id, { documentId })).map(presentAnnotation),
      };
    },
  );
}
