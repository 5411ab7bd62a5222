import type { PrismaCountKey, PrismaFlowJson, PrismaListKey, PrismaNote, PrismaWarning } from '@weft/core';
import { z } from 'zod';
import type { RecordView } from './identification-api.js';

/** The PRISMA 2020 flow as the HTTP API shows it: numbers only (the records behind a box come on request). */
export interface PrismaResponse {
  counts: Record<PrismaCountKey, number>;
  lists: Record<PrismaListKey, Array<{ name: string; count: number }>>;
  /** The same numbers under the PRISMA2020 package's keys (what `weft prisma --json` prints). */
  json: PrismaFlowJson;
  isUpdate: boolean;
  hasOtherMethods: boolean;
  warnings: Array<Pick<PrismaWarning, 'code' | 'message'> & { count: number }>;
  /** What the diagram's numbers rest on that needs no action (records removed by a stopping rule…). */
  notes: Array<Pick<PrismaNote, 'code' | 'message'> & { count: number }>;
  settings: PrismaSettingsView;
  svg: string;
}

export interface PrismaSettingsView {
  labels: Record<string, string>;
  previous: { studies: number; reports: number } | null;
  version: number;
}

export const prismaBoxQuerySchema = z.object({
  /** A PRISMA2020 key (`records_excluded`, `dbr_excluded`…), or a warning's or a note's code. */
  box: z.string().min(1).max(60),
  /** For list boxes: the search name or exclusion reason. */
  name: z.string().max(300).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A study of several reports, as a listed report belongs to it: named after its primary report. */
export interface ReportStudyView {
  studyId: string;
  /** The primary report's title (the study is named after it). */
  title: string | null;
  /** Every report of the study, the primary first. */
  reports: Array<{ id: string; title: string | null }>;
}

export interface PrismaBoxRecordsResponse {
  box: string;
  name: string | null;
  total: number;
  records: RecordView[];
  /** For listed reports that share their study with other reports: the study, by record id. */
  studies?: Record<string, ReportStudyView>;
}

export const PRISMA_IMAGE_FORMATS = ['svg', 'png', 'pdf', 'csv'] as const;
export type PrismaImageFormat = (typeof PRISMA_IMAGE_FORMATS)[number];
