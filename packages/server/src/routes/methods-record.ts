import { buildMethodsRecord, methodsRecordMarkdown, WeftError } from '@weft/core';
import type { FastifyInstance } from 'fastify';
import { requireProjectAction } from '../http/request-context.js';
import { gatherMethodsRecord } from '../reporting/methods-record-data.js';
import { methodsRecordDocx } from '../reporting/methods-record-docx.js';
import type { ServerDeps } from '../server-deps.js';
import { attachmentHeader } from './records-export.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The review's methods record, generated from the project, as Markdown or DOCX. */
export function methodsRecordRoutes(app: FastifyInstance, { store, version }: ServerDeps): void {
  app.get<{ Params: { id: string; format: string } }>(
    '/api/projects/:id/methods.:format',
    async (request, reply) => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'reporting.read');
      const format = request.params.format === 'docx' ? 'docx' : request.params.format === 'md' ? 'md' : null;
      if (!format) throw new WeftError('validation', 'The methods record comes as md or docx.');
      const doc = buildMethodsRecord(await gatherMethodsRecord(store.db, project, version, new Date()));
      return reply
        .header('content-type', format === 'docx' ? DOCX : 'text/markdown; charset=utf-8')
        .header('content-disposition', attachmentHeader(project.name, format, 'methods'))
        .header('cache-control', 'no-store')
        .send(format === 'docx' ? await methodsRecordDocx(doc) : methodsRecordMarkdown(doc));
    },
  );
}
