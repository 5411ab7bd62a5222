import { z } from 'zod';
import type { QdpxImportReport } from './qdpx-api.js';

/**
 * REFI-QDA import: the file is staged first (POST /api/qdpx-uploads, or the CLI writes the staged
 * row itself) so the command's payload, which the ledger keeps, names it instead of carrying it.
 */
export const QDPX_COMMAND_PAYLOADS = {
  'project.import-qdpx': z.object({
    uploadId: z.uuid(),
    /** The new project's name; default the file's project name, else the file name. */
    name: z.string().trim().max(200).optional(),
  }),
} as const;

export interface QdpxCommandResults {
  'project.import-qdpx': { projectId: string; report: QdpxImportReport };
}
