import { WeftError } from '@weft/core';
import {
  type DuplicatesResponse,
  duplicatesQuerySchema,
  type IdentificationResponse,
  type RecordsResponse,
  recordsQuerySchema,
  type SearchesResponse,
  type SourceRecordResponse,
  UPLOAD_MAX_BYTES,
} from '@weft/protocol';
import {
  findRecords,
  findSourceRecord,
  identificationCounts,
  listCandidates,
  listRecords,
  listSearches,
} from '@weft/storage';
import type { FastifyInstance } from 'fastify';
import { validationError } from '../commands/execute-command.js';
import { requireProjectAction } from '../http/request-context.js';
import { uploadRoute } from '../http/upload-route.js';
import {
  presentCandidate,
  presentIdentification,
  presentRecord,
  presentSearch,
} from '../presenters/identification-presenter.js';
import type { ServerDeps } from '../server-deps.js';

interface ProjectParams {
  id: string;
}

export function identificationRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  // Raw bytes, not JSON or multipart: one file per request, streamed into a Buffer by Fastify.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: UPLOAD_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  uploadRoute(app, store, {
    path: '/api/projects/:id/uploads',
    action: 'import.records',
    bodyLimit: UPLOAD_MAX_BYTES,
  });

  app.get<{ Params: ProjectParams }>(
    '/api/projects/:id/searches',
    async (request): Promise<SearchesResponse> => {
      await requireProjectAction(store, request, request.params.id, 'identification.read');
      return { searches: (await listSearches(store.db, request.params.id)).map(presentSearch) };
    },
  );

  app.get<{ Params: ProjectParams }>(
    '/api/projects/:id/records',
    async (request): Promise<RecordsResponse> => {
      await requireProjectAction(store, request, request.params.id, 'identification.read');
      const query = recordsQuerySchema.safeParse(request.query);
      if (!query.success) throw validationError(query.error, 'Records query');
      const page = await listRecords(store.db, request.params.id, query.data);
      return {
        records: page.records.map(presentRecord),
        total: page.total,
        offset: query.data.offset,
        limit: query.data.limit,
      };
    },
  );

  app.get<{ Params: ProjectParams & { recordId: string } }>(
    '/api/projects/:id/records/:recordId/source',
    async (request): Promise<SourceRecordResponse> => {
      await requireProjectAction(store, request, request.params.id, 'identification.read');
      const { id, recordId } = request.params;
      const [record] = /^[0-9a-f-]{36}$/i.test(recordId) ? await findRecords(store.db, id, [recordId]) : [];
      const source = record && (await findSourceRecord(store.db, id, recordId));
      if (!record || !source) throw new WeftError('not-found', 'This record does not exist in the project.');
      return {
        record: presentRecord(record),
        source: {
          fileName: source.file_name,
          format: source.format,
          line: source.line,
          position: source.position,
          text: source.text,
        },
      };
    },
  );

  app.get<{ Params: ProjectParams }>(
    '/api/projects/:id/duplicates',
    async (request): Promise<DuplicatesResponse> => {
      await requireProjectAction(store, request, request.params.id, 'identification.read');
      const query = duplicatesQuerySchema.safeParse(request.query);
      if (!query.success) throw validationError(query.error, 'Duplicates query');
      const page = await listCandidates(store.db, request.params.id, query.data);
      return { candidates: page.candidates.map(presentCandidate), total: page.total };
    },
  );

  app.get<{ Params: ProjectParams }>(
    '/api/projects/:id/identification',
    async (request): Promise<IdentificationResponse> => {
      await requireProjectAction(store, request, request.params.id, 'identification.read');
      return presentIdentification(await identificationCounts(store.db, request.params.id));
    },
  );
}
