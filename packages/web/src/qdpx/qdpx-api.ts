import type { QdpxImportReport } from '@weft/protocol';
import { postBytes } from '../api/client';
import { sendCommand } from '../api/commands';
import { queryString } from '../api/query-string';

/** Stages the file, then imports it into a new project (one command, one transaction). */
export async function importQdpx(file: File): Promise<{ projectId: string; report: QdpxImportReport }> {
  const staged = await postBytes<{ uploadId: string }>(
    `/api/qdpx-uploads${queryString({ fileName: file.name })}`,
    file,
  );
  const { result } = await sendCommand('project.import-qdpx', { uploadId: staged.uploadId });
  return result;
}

export const qdpxExportUrl = (projectId: string) =>
  `/api/projects/${encodeURIComponent(projectId)}/export.qdpx`;
export const qdcExportUrl = (projectId: string) =>
  `/api/projects/${encodeURIComponent(projectId)}/codebook.qdc`;
