import { WeftError } from '@weft/core';
import { PRISMA_IMAGE_FORMATS, type PrismaBoxRecordsResponse, prismaBoxQuerySchema } from '@weft/protocol';
import { findRecords } from '@weft/storage';
import type { FastifyInstance } from 'fastify';
import { requireProjectAction } from '../http/request-context.js';
import { presentRecord } from '../presenters/identification-presenter.js';
import { prismaPdf, prismaPdfWarnings, prismaPng } from '../reporting/prisma-images.js';
import {
  loadPrismaFlowRecords,
  presentPrismaReport,
  prismaCsv,
  recordIdsBehind,
} from '../reporting/prisma-report.js';
import { PrismaReportCache } from '../reporting/prisma-report-cache.js';
import { reportStudies, STUDY_BOXES, studyNamers } from '../reporting/report-studies.js';
import type { ServerDeps } from '../server-deps.js';
import { attachmentHeader } from './records-export.js';

const CONTENT_TYPES = {
  svg: 'image/svg+xml',
  png: 'image/png',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
};

export function prismaRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  const reports = new PrismaReportCache();
  app.get<{ Params: { id: string } }>('/api/projects/:id/prisma', async (request) => {
    const { project } = await requireProjectAction(store, request, request.params.id, 'reporting.read');
    return presentPrismaReport(await reports.get(store.db, project));
  });

  app.get<{ Params: { id: string }; Querystring: unknown }>(
    '/api/projects/:id/prisma/records',
    async (request) => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'reporting.read');
      const query = prismaBoxQuerySchema.parse(request.query);
      const flow = await loadPrismaFlowRecords(store.db, project.id);
      const ids = recordIdsBehind(flow, query.box, query.name);
      if (ids === undefined)
        throw new WeftError('validation', `"${query.box}" is not a box of the PRISMA 2020 diagram.`);
      const listed = ids.slice(query.offset, query.offset + query.limit);
      // A study box lists studies: each by the report it is named after, not whichever report was included first.
      const page = STUDY_BOXES.has(query.box) ? await studyNamers(store.db, project.id, listed) : listed;
      const found = new Map((await findRecords(store.db, project.id, page)).map((r) => [r.id, r]));
      const response: PrismaBoxRecordsResponse = {
        box: query.box,
        name: query.name ?? null,
        total: ids.length,
        records: page.flatMap((id) => {
          const record = found.get(id);
          return record ? [presentRecord(record)] : [];
        }),
        studies: await reportStudies(store.db, project.id, page),
      };
      return response;
    },
  );

  app.get<{ Params: { id: string; format: string } }>(
    '/api/projects/:id/prisma.:format',
    async (request, reply) => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'reporting.read');
      const format = PRISMA_IMAGE_FORMATS.find((f) => f === request.params.format);
      if (!format)
        throw new WeftError('validation', `The diagram comes as ${PRISMA_IMAGE_FORMATS.join(', ')}.`);
      const report = await reports.get(store.db, project);
      const body =
        format === 'svg'
          ? report.svg
          : format === 'png'
            ? prismaPng(report.svg)
            : format === 'pdf'
              ? await prismaPdf(report.svg)
              : prismaCsv(report);
      // Characters the PDF font lacks: named in a header (URI-encoded, headers are Latin-1) for API clients.
      if (format === 'pdf')
        for (const warning of prismaPdfWarnings(report.svg))
          reply.header('x-weft-warning', encodeURIComponent(warning));
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', attachmentHeader(project.name, format, 'prisma'))
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
}
