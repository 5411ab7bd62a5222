import type { ReportFilesResponse, UploadResponse } from '@weft/protocol';
import { api, postBytes } from '../api/client';
import { queryString } from '../api/query-string';

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

/** Full texts of reports: uploads (attached by the report.attach-file(s) commands) and reads. */
export const fulltextApi = {
  upload: (projectId: string, file: File) =>
    postBytes<UploadResponse>(
      `${base(projectId)}/reports/uploads${queryString({ fileName: file.name })}`,
      file,
    ),
  recordFiles: (projectId: string, recordId: string) =>
    api.get<ReportFilesResponse>(`${base(projectId)}/reports/${encodeURIComponent(recordId)}/files`),
  allFiles: (projectId: string) => api.get<ReportFilesResponse>(`${base(projectId)}/report-files`),
  /** Full texts whose extracted text contains the words (at most 100, with their records' titles). */
  search: (projectId: string, q: string) =>
    api.get<ReportFilesResponse>(`${base(projectId)}/report-files${queryString({ q })}`),
};

/** Events after which a record's full texts may have changed. */
export const isFullTextEvent = (eventType: string) => eventType.startsWith('report.file');

/** The stage where full texts are read beside the record (the default stages' second). */
export const isFullTextStage = (stage: { key: string }) => stage.key === 'full-text';

export const PDF_ACCEPT = '.pdf,application/pdf';

/** Files a drop or a picker gave that look like PDFs (by type or name). */
export function pdfFiles(files: Iterable<File>): File[] {
  return [...files].filter((f) => f.type === 'application/pdf' || /\.pdf$/i.test(f.name));
}
