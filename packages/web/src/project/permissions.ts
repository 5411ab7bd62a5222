import { mayAssignRole, mayDo, PROJECT_ACTIONS, type ProjectAction, type Role } from '@weft/core';

/**
 * What the signed-in member may do, from the same policy table the server enforces. The server
 * decides; this only hides controls that would be refused, and explains why.
 */
const ABILITIES = {
  'project.rename': 'project.rename',
  'project.describe': 'project.describe',
  'project.archive': 'project.archive',
  'member.manage': 'member.add',
  'identification.import': 'import.records',
  'duplicates.find': 'dedup.run',
  'duplicates.answer': 'dedup.merge',
} as const satisfies Record<string, ProjectAction>;

export type ProjectAbility = keyof typeof ABILITIES;

export function can(role: Role | undefined, ability: ProjectAbility): boolean {
  return mayDo(role, ABILITIES[ability]);
}

export function minimumRole(ability: ProjectAbility): Role {
  return PROJECT_ACTIONS[ABILITIES[ability]];
}

/** Leads manage everyone below owner; only owners hand out or take away ownership. */
export function mayAssign(actor: Role | undefined, from: Role | undefined, to: Role | undefined): boolean {
  return mayAssignRole(actor, from, to);
}
