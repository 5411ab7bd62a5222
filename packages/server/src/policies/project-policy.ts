import { type Role, roleAtLeast } from '@weft/core';

/**
 * What each project role may do. One table, read by routes and commands alike, so the
 * policy matrix test can walk it exhaustively.
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
  'identification.read': 'viewer',
  'search.create': 'lead',
  'search.update': 'lead',
  'import.records': 'lead',
  'dedup.run': 'lead',
  'dedup.merge': 'reviewer',
  'dedup.unmerge': 'reviewer',
  'dedup.mark-not-duplicate': 'reviewer',
} as const satisfies Record<string, Role>;

export type ProjectAction = keyof typeof PROJECT_ACTIONS;

export function mayDo(role: Role | undefined, action: ProjectAction): boolean {
  return role !== undefined && roleAtLeast(role, PROJECT_ACTIONS[action]);
}

/** Only owners hand out or take away ownership; leads manage everyone below owner. */
export function mayAssignRole(
  actorRole: Role,
  fromRole: Role | undefined,
  toRole: Role | undefined,
): boolean {
  if (actorRole === 'owner') return true;
  if (actorRole !== 'lead') return false;
  return fromRole !== 'owner' && toRole !== 'owner';
}
