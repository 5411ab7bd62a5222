import { z } from 'zod';
import type { AttachedReportFile, AttachFilesResult } from './report-files-api.js';

/** Payload schemas of the reporting commands: report retrieval, study links, the PRISMA diagram's settings. */
export const REPORTING_COMMAND_PAYLOADS = {
  'report.set-retrieval': z.object({
    recordId: z.uuid(),
    /** null takes back an earlier answer. */
    retrieval: z.enum(['retrieved', 'not-retrieved']).nullable(),
    note: z.string().max(2000).default(''),
  }),
  /** Several reports of one study (PRISMA 2020 counts studies and reports apart). */
  'report.link-study': z.object({
    recordIds: z.array(z.uuid()).min(2).max(50),
    /** The report the study is named after; one of `recordIds`. */
    studyRecordId: z.uuid(),
  }),
  'report.unlink-study': z.object({ recordId: z.uuid() }),
  /** One uploaded PDF attached to the record it is the full text of. */
  'report.attach-file': z.object({ recordId: z.uuid(), uploadId: z.uuid() }),
  /** Many uploaded PDFs, each matched to a record by DOI, title or file name; only sure matches attach. */
  'report.attach-files': z.object({ uploadIds: z.array(z.uuid()).min(1).max(200) }),
  'report.detach-file': z.object({ fileId: z.uuid() }),
  'prisma.configure': z.object({
    /** 0 the first time. */
    expectedVersion: z.number().int().min(0),
    /** Box text overrides keyed like the PRISMA2020 template's `data` column. */
    labels: z.record(z.string().max(60), z.string().trim().min(1).max(300)).default({}),
    /** Studies and reports of the previous version, for an updated review; null for a new review. */
    previous: z
      .object({ studies: z.number().int().min(0), reports: z.number().int().min(0) })
      .nullable()
      .default(null),
  }),
} as const;

export interface ReportingCommandResults {
  'report.set-retrieval': { recordId: string };
  'report.link-study': { studyId: string; recordIds: string[] };
  'report.unlink-study': { previousStudyId: string };
  'report.attach-file': AttachedReportFile & { retrievalSet: boolean };
  'report.attach-files': AttachFilesResult;
  'report.detach-file': { fileId: string; recordId: string };
  'prisma.configure': { version: number };
}
