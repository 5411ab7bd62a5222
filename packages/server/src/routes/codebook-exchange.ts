import { formatCodebookCsv, formatCodebookMarkdown } from '@weft/formats';
import { type Database, loadCodingState } from '@weft/storage';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { requireProjectAction } from '../http/request-context.js';
import { codebookTree } from '../presenters/coding-presenter.js';
import type { ServerDeps } from '../server-deps.js';
import { attachmentHeader } from './records-export.js';

export type CodebookExportFormat = 'csv' | 'md';

const CONTENT_TYPES: Record<CodebookExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/** A project's active codebook as CSV or Markdown text (the shapes @weft/formats documents). */
export async function encodeCodebookExport(
  db: Kysely<Database>,
  project: { id: string; name: string },
  format: CodebookExportFormat,
): Promise<{ text: string; codes: number }> {
  const { codes } = await loadCodingState(db, project.id, 'none');
  const tree = codebookTree(codes, new Map());
  const text =
    format === 'csv' ? formatCodebookCsv(tree) : formatCodebookMarkdown(tree, `Codebook: ${project.name}`);
  return { text, codes: Object.values(codes).filter((c) => c.status === 'active').length };
}

/**
 * The codebook as a file, for anyone who may read the project. Importing goes through the
 * `codebook.import` command with the file's text.
 */
export function codebookExchangeRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  for (const format of ['csv', 'md'] as const) {
    app.get<{ Params: { id: string } }>(`/api/projects/:id/codebook.${format}`, async (request, reply) => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'coding.read');
      const { text } = await encodeCodebookExport(store.db, project, format);
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', attachmentHeader(project.name, format, 'codebook'))
        .header('cache-control', 'no-store')
        .send(text);
    });
  }
}
