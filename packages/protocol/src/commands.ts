import { PASSWORD_MIN_LENGTH, PROJECT_NAME_MAX, ROLES } from '@weft/core';
import { z } from 'zod';
import { CASES_COMMAND_PAYLOADS, type CasesCommandResults } from './cases-commands.js';
import { CODING_COMMAND_PAYLOADS, type CodingCommandResults } from './coding-commands.js';
import {
  IDENTIFICATION_COMMAND_PAYLOADS,
  type IdentificationCommandResults,
} from './identification-commands.js';
import { MEMO_COMMAND_PAYLOADS, type MemoCommandResults } from './memo-commands.js';
import { QDPX_COMMAND_PAYLOADS, type QdpxCommandResults } from './qdpx-commands.js';
import { REPORTING_COMMAND_PAYLOADS, type ReportingCommandResults } from './reporting-commands.js';
import { SCREENING_COMMAND_PAYLOADS, type ScreeningCommandResults } from './screening-commands.js';

/**
 * The payload schema of every command type. The server validates against these; the web
 * client builds its commands from the same types, so the two cannot drift apart.
 */
const role = z.enum(ROLES);
const version = z.number().int().positive();

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
  ...IDENTIFICATION_COMMAND_PAYLOADS,
  ...REPORTING_COMMAND_PAYLOADS,
  ...SCREENING_COMMAND_PAYLOADS,
  ...CODING_COMMAND_PAYLOADS,
  ...MEMO_COMMAND_PAYLOADS,
  ...CASES_COMMAND_PAYLOADS,
  ...QDPX_COMMAND_PAYLOADS,
} as const;

export type CommandType = keyof typeof COMMAND_PAYLOADS;
export const COMMAND_TYPES = Object.keys(COMMAND_PAYLOADS) as CommandType[];
export type CommandPayload<T extends CommandType> = z.input<(typeof COMMAND_PAYLOADS)[T]>;

/** Commands that do not belong to one project (everything else needs `projectId`). */
export const INSTANCE_COMMANDS: readonly CommandType[] = [
  'user.create',
  'project.create',
  'demo.create',
  'project.import-qdpx',
];

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
export interface CommandResults
  extends IdentificationCommandResults,
    ReportingCommandResults,
    ScreeningCommandResults,
    CodingCommandResults,
    MemoCommandResults,
    CasesCommandResults,
    QdpxCommandResults {
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
}
