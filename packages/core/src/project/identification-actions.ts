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
} as const satisfies Record<string, Role>;
