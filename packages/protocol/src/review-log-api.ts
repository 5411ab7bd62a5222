import { z } from 'zod';

/**
 * The review log: the project's events that matter for reporting a review (searches, imports,
 * deduplication, screening set-up and milestones, full-text retrieval, diagram settings), in
 * the order they happened, each with the feed's sentence. Individual screening decisions are
 * left out (the screening pages count them); resolutions stay, blinded like the feed.
 */
export const REVIEW_LOG_GROUPS = {
  identification: [
    'search.created',
    'search.updated',
    'records.imported',
    'records.removed-before-screening',
    'records.restored-for-screening',
  ],
  duplicates: [
    'duplicates.detected',
    'duplicates.merged',
    'duplicates.unmerged',
    'duplicates.marked-distinct',
    'duplicates.distinct-answer-withdrawn',
    'duplicates.bulk-merged',
    'duplicates.bulk-merge-undone',
  ],
  'screening-setup': [
    'screening.stages-created',
    'stage.created',
    'stage.updated',
    'stage.criteria-set',
    'stage.reasons-set',
  ],
  screening: [
    'stage.stopping-sample-started',
    'stage.stopped',
    'stage.closed',
    'stage.reopened',
    'stage.unblinded',
    'screening.decisions-imported',
    'screening.resolved',
  ],
  reporting: [
    'report.retrieval-set',
    'report.study-linked',
    'report.study-unlinked',
    'report.file-attached',
    'report.files-attached',
    'report.file-detached',
    'prisma.configured',
  ],
  team: [
    'project.created',
    'project.renamed',
    'project.archived',
    'project.unarchived',
    'member.added',
    'member.role-changed',
    'member.removed',
  ],
} as const satisfies Record<string, readonly string[]>;

export type ReviewLogGroup = keyof typeof REVIEW_LOG_GROUPS;
export const REVIEW_LOG_GROUP_NAMES = Object.keys(REVIEW_LOG_GROUPS) as ReviewLogGroup[];

export const REVIEW_LOG_GROUP_LABELS: Record<ReviewLogGroup, string> = {
  identification: 'Searches and imports',
  duplicates: 'Duplicates',
  'screening-setup': 'Screening set-up',
  screening: 'Screening milestones',
  reporting: 'Reports and PRISMA',
  team: 'Project and team',
};

/** The group an event type belongs to, or undefined when the log leaves it out. */
export function reviewLogGroupOf(eventType: string): ReviewLogGroup | undefined {
  return REVIEW_LOG_GROUP_NAMES.find((group) =>
    (REVIEW_LOG_GROUPS[group] as readonly string[]).includes(eventType),
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dateOrTime = z
  .string()
  .trim()
  .refine((v) => DAY.test(v) || !Number.isNaN(Date.parse(v)), 'must be a date (YYYY-MM-DD) or an ISO time');

export const reviewLogQuerySchema = z.object({
  /** Comma-separated groups; empty means every group. */
  types: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(REVIEW_LOG_GROUP_NAMES as [ReviewLogGroup, ...ReviewLogGroup[]]))),
  /** From this day (inclusive, UTC) or time. */
  from: dateOrTime.optional(),
  /** Up to this day (inclusive, UTC: the whole day) or time. */
  to: dateOrTime.optional(),
  /** Words looked for in the sentence, the actor's name and the event type (case-insensitive). */
  q: z.string().trim().max(200).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type ReviewLogQuery = z.infer<typeof reviewLogQuerySchema>;

export interface ReviewLogEntry {
  seq: number;
  at: string;
  actorId: string;
  actorName: string;
  eventType: string;
  group: ReviewLogGroup;
  description: string;
  /** What more the viewer may see (a resolution's verdict); null when hidden or nothing more. */
  detail: string | null;
}

export interface ReviewLogResponse {
  total: number;
  entries: ReviewLogEntry[];
}

export const REVIEW_LOG_CSV_COLUMNS = [
  'seq',
  'time',
  'actor',
  'group',
  'type',
  'description',
  'detail',
] as const;
