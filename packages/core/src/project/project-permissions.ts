import { CASES_ACTIONS } from './cases-actions.js';
import { CODING_ACTIONS } from './coding-actions.js';
import { IDENTIFICATION_ACTIONS } from './identification-actions.js';
import { MEMO_ACTIONS } from './memo-actions.js';
import { REPORTING_ACTIONS } from './reporting-actions.js';
import { type Role, roleAtLeast } from './role.js';
import { SCREENING_ACTIONS } from './screening-actions.js';

/**
 * The least role that may take each project action: the one policy table. The server enforces
 * it (routes and commands; the policy matrix test walks it); the web app reads the same table
 * only to hide controls that would be refused.
 */
export const PROJECT_ACTIONS = {
  'project.read': 'viewer',
  'events.read': 'viewer',
  'members.read': 'viewer',
  'project.rename': 'lead',
  'project.describe': 'lead',
  'project.archive': 'owner',
  'project.unarchive': 'owner',
  'member.add': 'lead',
  'member.change-role': 'lead',
  'member.remove': 'lead',
  ...IDENTIFICATION_ACTIONS,
  ...SCREENING_ACTIONS,
  ...REPORTING_ACTIONS,
  ...CODING_ACTIONS,
  ...MEMO_ACTIONS,
  ...CASES_ACTIONS,
} as const satisfies Record<string, Role>;

export type ProjectAction = keyof typeof PROJECT_ACTIONS;

export function mayDo(role: Role | undefined, action: ProjectAction): boolean {
  return role !== undefined && roleAtLeast(role, PROJECT_ACTIONS[action]);
}

/** Only owners hand out or take away ownership; leads manage everyone below owner. */
export function mayAssignRole(
  actorRole: Role | undefined,
  fromRole: Role | undefined,
  toRole: Role | undefined,
): boolean {
  if (actorRole === 'owner') return true;
  if (actorRole !== 'lead') return false;
  return fromRole !== 'owner' && toRole !== 'owner';
}
