import {
  classificationLabel,
  classificationNameProblem,
  DOCUMENT_CLASSIFICATION,
  normaliseClassificationName,
  studyCaseName,
  WeftError,
} from '@weft/core';
import { formatClassificationCsv } from '@weft/formats';
import type { CasesResponse, ClassificationImportCheck, DocumentPropertiesResponse } from '@weft/protocol';
import {
  attributeValues,
  documentFolders,
  getDocument,
  listAttributes,
  listCases,
  listDocuments,
  listIncludedStudies,
} from '@weft/storage';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { planClassificationImport } from '../commands/handlers/case-import-plan.js';
import { requireProjectAction } from '../http/request-context.js';
import { presentAttribute, presentCases, presentDocumentLink } from '../presenters/cases-presenter.js';
import type { ServerDeps } from '../server-deps.js';
import { attachmentHeader } from './records-export.js';

type ProjectParams = { id: string };

const importCheckBody = z.object({
  classification: z.string().min(1).max(80),
  fileName: z.string().min(1).max(300),
  text: z.string().max(5_000_000),
});

function classificationParam(value: unknown): string {
  if (typeof value !== 'string' || classificationNameProblem(value))
    throw new WeftError(
      'validation',
      'Say which classification to export, e.g. ?classification=participant.',
    );
  return normaliseClassificationName(value);
}

export function casesRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  app.get<{ Params: ProjectParams }>('/api/projects/:id/cases', async (request): Promise<CasesResponse> => {
    const { project } = await requireProjectAction(store, request, request.params.id, 'cases.read');
    const [cases, attributes, values, documents] = await Promise.all([
      listCases(store.db, project.id),
      listAttributes(store.db, project.id),
      attributeValues(store.db, project.id),
      listDocuments(store.db, project.id),
    ]);
    return presentCases(cases, attributes, values, documents);
  });

  app.get<{ Params: ProjectParams; Querystring: { classification?: string } }>(
    '/api/projects/:id/cases.csv',
    async (request, reply) => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'cases.read');
      const classification = classificationParam(request.query.classification);
      const [cases, attributes, values] = await Promise.all([
        listCases(store.db, project.id, classification),
        listAttributes(store.db, project.id, { classification }),
        attributeValues(store.db, project.id),
      ]);
      const names = attributes.map((a) => a.name);
      const rows = cases
        .filter((c) => c.status === 'active')
        .map((c) => {
          const own = values.get(c.id) ?? {};
          return {
            name: c.name,
            description: c.description,
            cells: Object.fromEntries(attributes.map((a) => [a.name, own[a.id] ?? ''])),
          };
        });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', attachmentHeader(project.name, 'csv', classification))
        .header('cache-control', 'no-store')
        .send(formatClassificationCsv(classificationLabel(classification), names, rows));
    },
  );

  app.post<{ Params: ProjectParams }>(
    '/api/projects/:id/cases/import-check',
    { bodyLimit: 6 * 1024 * 1024 },
    async (request): Promise<ClassificationImportCheck> => {
      const { project } = await requireProjectAction(
        store,
        request,
        request.params.id,
        'classification.import',
      );
      const body = importCheckBody.safeParse(request.body);
      if (!body.success)
        throw new WeftError('validation', 'Send the classification, the file name and the file text.');
      const plan = await planClassificationImport(
        store.db,
        project.id,
        body.data.classification,
        body.data.fileName,
        body.data.text,
      );
      return plan.check;
    },
  );

  app.get<{ Params: ProjectParams & { documentId: string } }>(
    '/api/projects/:id/documents/:documentId/properties',
    async (request): Promise<DocumentPropertiesResponse> => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'cases.read');
      const document = await getDocument(store.db, project.id, request.params.documentId);
      if (!document) throw new WeftError('not-found', 'That document does not exist in this project.');
      const [attributes, values, cases, studies, folders] = await Promise.all([
        listAttributes(store.db, project.id, { classification: DOCUMENT_CLASSIFICATION }),
        attributeValues(store.db, project.id, [document.id]),
        listCases(store.db, project.id),
        listIncludedStudies(store.db, project.id),
        documentFolders(store.db, project.id),
      ]);
      return {
        document: presentDocumentLink(document),
        attributes: attributes.map(presentAttribute),
        values: values.get(document.id) ?? {},
        cases: cases
          .filter((c) => c.status === 'active')
          .map((c) => ({ id: c.id, name: c.name, classification: c.classification })),
        studies: studies.map((s) => ({
          id: s.studyId,
          name: studyCaseName(s.record),
          title: s.record.title ?? '',
        })),
        folders,
      };
    },
  );
}
