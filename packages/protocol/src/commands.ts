import { PASSWORD_MIN_LENGTH, PROJECT_NAME_MAX, ROLES } from '@weft/core';
import { z } from 'zod';
import { IMPORT_FORMATS, type ImportWarningView, SEARCH_SOURCE_TYPES } from './identification-api.js';

/**
 * The payload schema of every command type. The server validates against these; the web
 * client builds its commands from the same types, so the two cannot drift apart.
 */
const role = z.enum(ROLES);
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

export const COMMAND_PAYLOADS = {
  'user.create': z.object({
    username: z.string().min(1).max(40),
    displayName: z.string().trim().min(1).max(120),
    password: z.string().min(PASSWORD_MIN_LENGTH).max(1024),
    isAdmin: z.boolean().default(false),
  }),
  'project.create': z.object({
    name: z.string().max(PROJECT_NAME_MAX * 2),
    description: z.string().max(20_000).default(''),
  }),
  'project.rename': z.object({ name: z.string().max(PROJECT_NAME_MAX * 2), expectedVersion: version }),
  'project.describe': z.object({ description: z.string().max(20_000), expectedVersion: version }),
  'project.archive': z.object({ expectedVersion: version }),
  'project.unarchive': z.object({ expectedVersion: version }),
  'member.add': z.object({ username: z.string().min(1).max(40), role }),
  'member.change-role': z.object({ userId: z.uuid(), role, expectedVersion: version }),
  'member.remove': z.object({ userId: z.uuid() }),
  'demo.create': z.object({}),
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

export type CommandType = keyof typeof COMMAND_PAYLOADS;
export const COMMAND_TYPES = Object.keys(COMMAND_PAYLOADS) as CommandType[];
export type CommandPayload<T extends CommandType> = z.input<(typeof COMMAND_PAYLOADS)[T]>;

/** Commands that do not belong to one project (everything else needs `projectId`). */
export const INSTANCE_COMMANDS: readonly CommandType[] = ['user.create', 'project.create', 'demo.create'];

export const commandEnvelopeSchema = z.object({
  id: z.uuid(),
  type: z.enum(COMMAND_TYPES as [CommandType, ...CommandType[]]),
  projectId: z.uuid().optional(),
  payload: z.unknown(),
});
export type CommandEnvelope = z.infer<typeof commandEnvelopeSchema>;

export interface CommandResponse<TResult = unknown> {
  result: TResult;
  /** The event the command appended, when it belongs to a project. */
  seq?: number;
  replayed: boolean;
}

/** The result each command type returns. */
export interface CommandResults {
  'user.create': { userId: string };
  'project.create': { projectId: string };
  'project.rename': { version: number };
  'project.describe': { version: number };
  'project.archive': { version: number };
  'project.unarchive': { version: number };
  'member.add': { userId: string };
  'member.change-role': { version: number };
  'member.remove': { userId: string };
  'demo.create': { projectId: string };
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
