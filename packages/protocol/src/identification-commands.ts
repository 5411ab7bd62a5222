import { z } from 'zod';
import {
  columnMappingSchema,
  IMPORT_FORMATS,
  type ImportWarningView,
  SEARCH_SOURCE_TYPES,
} from './identification-api.js';

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
    /** Tables (CSV, TSV, XLSX): the user's changes to the guessed column mapping. */
    columnMapping: columnMappingSchema.optional(),
  }),
  'dedup.run': z.object({}),
  'dedup.merge': z.object({ recordIds: z.array(z.uuid()).min(2).max(100) }),
  'dedup.unmerge': z.object({ groupId: z.uuid() }),
  'dedup.mark-not-duplicate': z.object({ recordIds: z.tuple([z.uuid(), z.uuid()]) }),
  /** Takes back a "not a duplicate" answer: the pair returns to the review queue. */
  'dedup.unmark-not-duplicate': z.object({ recordIds: z.tuple([z.uuid(), z.uuid()]) }),
  /**
   * Merges every queued pair scoring at least minScore. expectedCount is the number of pairs the
   * person confirmed: if the queue changed meanwhile the command is refused rather than merging more.
   */
  'dedup.merge-above-score': z.object({
    minScore: z.number().min(0).max(1),
    expectedCount: z.number().int().min(1),
  }),
  /** Reverts one bulk merge: its groups are dissolved, its pairs back in the queue. */
  'dedup.undo-merge-batch': z.object({ batchId: z.uuid() }),
  /**
   * Removes records before screening for another reason than duplication (PRISMA 2020: "marked
   * as ineligible by automation tools" for kind automation, "removed for other reasons" else).
   */
  'records.remove-before-screening': z.object({
    recordIds: z.array(z.uuid()).min(1).max(10_000),
    kind: z.enum(['automation', 'other']),
    reason: z.string().trim().min(1).max(200),
  }),
  /** Brings records removed before screening back into the screening pool. */
  'records.restore-for-screening': z.object({ recordIds: z.array(z.uuid()).min(1).max(10_000) }),
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
  'dedup.unmark-not-duplicate': { recordIds: [string, string] };
  'dedup.merge-above-score': {
    batchId: string;
    pairsMerged: number;
    groupsCreated: number;
    recordsMerged: number;
    /** Pairs at or above the score left in the queue: merging them would join records kept apart. */
    pairsSkipped: number;
  };
  'dedup.undo-merge-batch': { batchId: string; groupsDissolved: number; pairsReturned: number };
  'records.remove-before-screening': { recordIds: string[]; kind: 'automation' | 'other' };
  'records.restore-for-screening': { recordIds: string[] };
}
