import { formatCodebookCsv, formatCodebookMarkdown } from '@weft/formats';
import { loadCodingState } from '@weft/storage';
import type { FastifyInstance } from 'fastify';
import { requireProjectAction } from '../http/request-context.js';
import { codebookTree } from '../presenters/coding-presenter.js';
import type { ServerDeps } from '../server-deps.js';
import { attachmentHeader } from './records-export.js';

const FILES = {
  csv: { contentType: 'text/csv; charset=utf-8' },
  md: { contentType: 'text/markdown; charset=utf-8' },
} as const;

/**
 * The codebook as a file (CSV or Markdown, the shapes @weft/formats documents), for anyone who
 * may read the project. Importing goes through the `codebook.import` command with the file's text.
 */
export function codebookExchangeRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  for (const ext of ['csv', 'md'] as const) {
    app.get<{ Params: { id: string } }>(`/api/projects/:id/codebook.${ext}`, async (request, reply) => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'coding.read');
      const { codes } = await loadCodingState(store.db, project.id, 'none');
      const tree = codebookTree(codes, new Map());
      const text =
        ext === 'csv' ? formatCodebookCsv(tree) : formatCodebookMarkdown(tree, `Codebook: ${project.name}`);
      return reply
        .header('content-type', FILES[ext].contentType)
        .header('content-disposition', attachmentHeader(project.name, ext, 'codebook'))
        .header('cache-control', 'no-store')
        .send(text);
    });
  }
}
