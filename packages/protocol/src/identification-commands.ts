import { z } from 'zod';
import { IMPORT_FORMATS, type ImportWarningView, SEARCH_SOURCE_TYPES } from './identification-api.js';

/** Payload schemas of the identification commands: searches, imports, deduplication. */
const version = z.number().int().positive();
const searchFields = {
  sourceType: z.enum(SEARCH_SOURCE_TYPES),
  name: z.string().trim().min(1).max(300),
  platform: z.string().trim().max(300).default(''),
  dateRun: z.iso.date().nullable().default(null),
  query: z.string().max(100_000).default(''),
  reportedCount: z.number().int().min(0).nullable().default(null),
  notes: z.string().max(20_000).default(''),
};

export const IDENTIFICATION_COMMAND_PAYLOADS = {
  'search.create': z.object(searchFields),
  'search.update': z.object({ searchId: z.uuid(), expectedVersion: version, ...searchFields }),
  'import.records': z.object({
    searchId: z.uuid(),
    uploadId: z.uuid(),
    /** Skips detection when the user said what the file is. */
    format: z.enum(IMPORT_FORMATS).optional(),
  }),
  'dedup.run': z.object({}),
  'dedup.merge': z.object({ recordIds: z.array(z.uuid()).min(2).max(100) }),
  'dedup.unmerge': z.object({ groupId: z.uuid() }),
  'dedup.mark-not-duplicate': z.object({ recordIds: z.tuple([z.uuid(), z.uuid()]) }),
} as const;

export interface IdentificationCommandResults {
  'search.create': { searchId: string };
  'search.update': { version: number };
  'import.records': {
    importId: string;
    format: string;
    recordCount: number;
    warnings: ImportWarningView[];
    /** Set when the search has a reported count that differs from what was imported. */
    countMismatch: { reported: number; imported: number } | null;
  };
  'dedup.run': {
    recordsCompared: number;
    groupsCreated: number;
    recordsMergedAutomatically: number;
    pairsQueued: number;
    pairsRemembered: number;
  };
  'dedup.merge': { groupId: string; primaryRecordId: string };
  'dedup.unmerge': { recordIds: string[] };
  'dedup.mark-not-duplicate': { recordIds: [string, string] };
}
