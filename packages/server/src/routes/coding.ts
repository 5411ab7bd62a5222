import { codingsOf, foldCodingEvents, WeftError } from '@weft/core';
import {
  type CodebookResponse,
  type CodeSegmentsResponse,
  codebookQuerySchema,
  type DocumentCodingsResponse,
  type DocumentResponse,
  type DocumentsResponse,
  type OrphanCodingsResponse,
} from '@weft/protocol';
import {
  type CodingRow,
  codingCounts,
  codingEvents,
  documentCodingCounts,
  documentCodings,
  findCodings,
  getDocument,
  getDocumentVersion,
  listDocuments,
  loadCodingState,
  versionTexts,
} from '@weft/storage';
import type { FastifyInstance } from 'fastify';
import { requireProjectAction } from '../http/request-context.js';
import { uploadRoute } from '../http/upload-route.js';
import {
  codebookTree,
  presentDocument,
  presentDocumentCoding,
  presentPages,
  presentSegment,
} from '../presenters/coding-presenter.js';
import type { ServerDeps } from '../server-deps.js';

type ProjectParams = { id: string };

export function codingRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  /** Segments with context and their document's name. */
  async function segmentsOf(projectId: string, rows: CodingRow[]) {
    const [texts, documents] = await Promise.all([
      versionTexts(
        store.db,
        rows.map((r) => r.version_id),
      ),
      listDocuments(store.db, projectId),
    ]);
    const names = new Map(documents.map((d) => [d.id, d.name]));
    return rows.map((row) =>
      presentSegment(row, names.get(row.document_id) ?? '', texts.get(row.version_id) ?? ''),
    );
  }

  // Reviewers add documents, so they may upload them (the general upload route is for imports).
  uploadRoute(app, store, {
    path: '/api/projects/:id/documents/uploads',
    action: 'document.add',
    bodyLimit: 100 * 1024 * 1024,
  });

  app.get<{ Params: ProjectParams }>(
    '/api/projects/:id/documents',
    async (request): Promise<DocumentsResponse> => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'coding.read');
      const [documents, counts] = await Promise.all([
        listDocuments(store.db, project.id),
        documentCodingCounts(store.db, project.id),
      ]);
      return { documents: documents.map((d) => presentDocument(d, counts.get(d.id) ?? 0)) };
    },
  );

  app.get<{ Params: ProjectParams & { documentId: string } }>(
    '/api/projects/:id/documents/:documentId',
    async (request): Promise<DocumentResponse> => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'coding.read');
      const document = await getDocument(store.db, project.id, request.params.documentId);
      const version = document && (await getDocumentVersion(store.db, document.id));
      if (!document || !version)
        throw new WeftError('not-found', 'That document does not exist in this project.');
      const codings = await documentCodings(store.db, document.id, true);
      return {
        document: presentDocument(document, codings.length),
        version: {
          id: version.id,
          version: version.version,
          text: version.text,
          structure: version.structure,
          pages: presentPages(version.pages),
          meta: version.meta,
        },
        codings: codings.map((row) => presentDocumentCoding(row, version.text)),
      };
    },
  );

  // Live refreshes read only the codings (a document's text can be megabytes).
  app.get<{ Params: ProjectParams & { documentId: string } }>(
    '/api/projects/:id/documents/:documentId/codings',
    async (request): Promise<DocumentCodingsResponse> => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'coding.read');
      const document = await getDocument(store.db, project.id, request.params.documentId);
      const version = document && (await getDocumentVersion(store.db, document.id));
      if (!document || !version)
        throw new WeftError('not-found', 'That document does not exist in this project.');
      const codings = await documentCodings(store.db, document.id, true);
      return {
        versionId: version.id,
        version: version.version,
        codings: codings.map((row) => presentDocumentCoding(row, version.text)),
      };
    },
  );

  app.get<{ Params: ProjectParams; Querystring: unknown }>(
    '/api/projects/:id/codebook',
    async (request): Promise<CodebookResponse> => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'coding.read');
      const query = codebookQuerySchema.safeParse(request.query);
      if (!query.success)
        throw new WeftError('validation', 'asOf must be an ISO date and time, e.g. 2026-03-01T12:00:00Z.');
      const { asOf } = query.data;
      let codes: Awaited<ReturnType<typeof loadCodingState>>['codes'];
      let counts: Map<string, number>;
      if (asOf) {
        // The codebook as it stood: folded from the event log, codings counted as they were then.
        const state = foldCodingEvents(await codingEvents(store.db, project.id, new Date(asOf)));
        codes = state.codes;
        counts = new Map(Object.keys(codes).map((id) => [id, codingsOf(state, id).length]));
      } else {
        codes = (await loadCodingState(store.db, project.id)).codes;
        counts = await codingCounts(store.db, project.id);
      }
      return {
        asOf: asOf ? new Date(asOf).toISOString() : null,
        codes: codebookTree(codes, counts),
        inactive: Object.values(codes)
          .filter((c) => c.status !== 'active')
          .map((c) => ({
            id: c.id,
            parentId: c.parentId,
            name: c.name,
            status: c.status as 'deleted' | 'merged',
          })),
      };
    },
  );

  app.get<{ Params: ProjectParams & { codeId: string } }>(
    '/api/projects/:id/codes/:codeId/segments',
    async (request): Promise<CodeSegmentsResponse> => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'coding.read');
      const code = await store.db
        .selectFrom('codes')
        .select(['id', 'name', 'status'])
        .where('project_id', '=', project.id)
        .where('id', '=', request.params.codeId)
        .executeTakeFirst();
      if (!code) throw new WeftError('not-found', 'That code does not exist in this project.');
      const rows = await findCodings(store.db, project.id, { codeIds: [code.id] });
      return { code, segments: await segmentsOf(project.id, rows) };
    },
  );

  // `?status=fuzzy` lists the approximate placements still to be confirmed instead of the lost ones.
  app.get<{ Params: ProjectParams; Querystring: { status?: string } }>(
    '/api/projects/:id/codings/orphans',
    async (request): Promise<OrphanCodingsResponse> => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'coding.read');
      const status = request.query.status ?? 'orphan';
      if (status !== 'orphan' && status !== 'fuzzy')
        throw new WeftError('validation', `status must be 'orphan' or 'fuzzy', not '${status.slice(0, 40)}'`);
      const rows = await findCodings(store.db, project.id, { anchorStatus: status });
      const codes = (await loadCodingState(store.db, project.id)).codes;
      const segments = await segmentsOf(project.id, rows);
      const codedExact = new Map(rows.map((row) => [row.id, row.coded_exact]));
      return {
        codings: segments.map((s) => {
          const coded = codedExact.get(s.id);
          return { ...s, codeName: codes[s.codeId]?.name ?? '', ...(coded != null && { codedExact: coded }) };
        }),
      };
    },
  );
}
