import type { Role } from './role.js';

/** The least role for each reporting action (part of the one policy table, PROJECT_ACTIONS). */
export const REPORTING_ACTIONS = {
  // Counts only: every member may see the flow (it reveals no one's blinded decision).
  'reporting.read': 'viewer',
  // Facts about full texts, attributed and reversible, like screening decisions.
  'report.set-retrieval': 'reviewer',
  'report.link-study': 'reviewer',
  'report.unlink-study': 'reviewer',
  // Any reviewer may upload and attach full texts (as in Covidence); every member may read them.
  'report.attach-file': 'reviewer',
  'report.attach-files': 'reviewer',
  'report.detach-file': 'reviewer',
  'prisma.configure': 'lead',
} as const satisfies Record<string, Role>;
