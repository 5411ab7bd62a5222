import { z } from 'zod';
import {
  CRITERION_GROUPS,
  DECISION_FILE_FORMATS,
  SCREENING_DECISIONS,
  SCREENING_MODES,
  type StoppingEvidenceView,
} from './screening-api.js';

/** Payload schemas of the screening commands: stages, criteria, reasons, decisions, conflicts. */
const version = z.number().int().positive();
const stageKey = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and hyphens (e.g. "full-text").');
const note = z.string().max(20_000).default('');

const stageSettings = {
  name: z.string().trim().min(1).max(200),
  mode: z.enum(SCREENING_MODES),
  /** Percentage of records screened by two reviewers in `sample` mode (1–100). */
  samplePercent: z.number().min(1).max(100).nullable().default(null),
  /** Reviewers who screen this stage; empty = every reviewer of the project pulls from the shared queue. */
  reviewerIds: z.array(z.uuid()).max(100).default([]),
  /** Exclusion reasons are required on exclude at this stage (true for full text by default). */
  reasonRequired: z.boolean().default(false),
};

const criterion = z.object({
  id: z.uuid().optional(),
  group: z.enum(CRITERION_GROUPS),
  kind: z.enum(['include', 'exclude']),
  text: z.string().trim().min(1).max(2000),
});

const reason = z.object({
  /** Kept when editing so decisions that cite the reason keep pointing at it. */
  id: z.uuid().optional(),
  label: z.string().trim().min(1).max(200),
});

const keyword = z.string().trim().min(1).max(100);

export const SCREENING_COMMAND_PAYLOADS = {
  /** Creates the default stages (`title-abstract`, `full-text`) when the project has none. */
  'screening.set-up': z.object({}),
  'stage.create': z.object({
    key: stageKey,
    ...stageSettings,
    /** Seed of the reproducible sample; drawn by the server when absent, and recorded. */
    sampleSeed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
  }),
  'stage.update': z.object({ stageId: z.uuid(), expectedVersion: version, ...stageSettings }),
  'stage.set-criteria': z.object({
    stageId: z.uuid(),
    expectedVersion: version,
    criteria: z.array(criterion).max(200),
    includeKeywords: z.array(keyword).max(500).default([]),
    excludeKeywords: z.array(keyword).max(500).default([]),
  }),
  'stage.set-reasons': z.object({
    stageId: z.uuid(),
    expectedVersion: version,
    reasons: z.array(reason).max(50),
  }),
  /** Starts random-order screening of the remaining records for the stopping test (seeded, recorded). */
  'stage.start-stopping-sample': z.object({
    stageId: z.uuid(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
  }),
  /** The lead's decision to stop screening, with the evidence shown at the time. */
  'stage.stop': z.object({ stageId: z.uuid(), note }),
  'stage.unblind': z.object({ stageId: z.uuid() }),
  'stage.close': z.object({ stageId: z.uuid(), expectedVersion: version }),
  'stage.reopen': z.object({ stageId: z.uuid(), expectedVersion: version }),
  'screening.decide': z.object({
    stageId: z.uuid(),
    recordId: z.uuid(),
    decision: z.enum(SCREENING_DECISIONS),
    reasonIds: z.array(z.uuid()).max(20).default([]),
    note,
  }),
  /** Withdraws the actor's own current decision on a record (the keyboard's `u`); history keeps it. */
  'screening.retract': z.object({ stageId: z.uuid(), recordId: z.uuid() }),
  'screening.resolve': z.object({
    stageId: z.uuid(),
    recordId: z.uuid(),
    method: z.enum(['consensus', 'third-reviewer']),
    decision: z.enum(SCREENING_DECISIONS),
    reasonIds: z.array(z.uuid()).max(20).default([]),
    /** Who took part in a consensus (user ids); ignored for a third reviewer (the actor). */
    participantIds: z.array(z.uuid()).max(20).default([]),
    note,
  }),
  'screening.import-decisions': z.object({
    stageId: z.uuid(),
    uploadId: z.uuid(),
    /** The project member the decisions are attributed to. */
    reviewerId: z.uuid(),
    format: z.enum(DECISION_FILE_FORMATS).optional(),
  }),
} as const;

export interface ScreeningCommandResults {
  'screening.set-up': { stageIds: string[] };
  'stage.create': { stageId: string; sampleSeed: number };
  'stage.update': { version: number };
  'stage.set-criteria': { version: number };
  'stage.set-reasons': { version: number; reasonIds: string[] };
  'stage.start-stopping-sample': { seed: number };
  'stage.stop': { evidence: StoppingEvidenceView };
  'stage.unblind': { version: number };
  'stage.close': { version: number };
  'stage.reopen': { version: number };
  /** Deliberately says nothing about other reviewers' decisions (blinding). */
  'screening.decide': { decisionId: string };
  'screening.retract': { decisionId: string };
  'screening.resolve': { resolutionId: string };
  'screening.import-decisions': {
    rows: number;
    matched: number;
    decisions: { include: number; exclude: number; maybe: number; undecided: number };
    /** Rows that matched no record (1-based row or record number and why), listed for the user. */
    unmatched: Array<{ row: number; reason: string; title: string }>;
  };
}
