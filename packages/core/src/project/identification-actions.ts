import type { Role } from './role.js';

/** The least role for each identification action (part of the one policy table, PROJECT_ACTIONS). */
export const IDENTIFICATION_ACTIONS = {
  'identification.read': 'viewer',
  'search.create': 'lead',
  'search.update': 'lead',
  'import.records': 'lead',
  'dedup.run': 'lead',
  // Single, reversible, attributed answers: reviewers may give them (ADR 0003).
  'dedup.merge': 'reviewer',
  'dedup.unmerge': 'reviewer',
  'dedup.mark-not-duplicate': 'reviewer',
  'dedup.unmark-not-duplicate': 'reviewer',
  // Many merges at once change what the whole team screens: a lead's call, like dedup.run.
  'dedup.merge-above-score': 'lead',
  'dedup.undo-merge-batch': 'lead',
  // Taking records out of (or back into) what the whole team screens, as PRISMA reports it.
  'records.remove-before-screening': 'lead',
  'records.restore-for-screening': 'lead',
} as const satisfies Record<string, Role>;
