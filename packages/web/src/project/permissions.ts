import { type Role, roleAtLeast } from '@weft/core';

/**
 * The minimum role for each project action, mirroring the server's policy table. The server
 * decides; this only hides controls that would be refused, and explains why.
 */
const MINIMUM = {
  'project.rename': 'lead',
  'project.describe': 'lead',
  'project.archive': 'owner',
  'member.manage': 'lead',
} as const satisfies Record<string, Role>;

export type ProjectAbility = keyof typeof MINIMUM;

export function can(role: Role | undefined, ability: ProjectAbility): boolean {
  return role !== undefined && roleAtLeast(role, MINIMUM[ability]);
}

export function minimumRole(ability: ProjectAbility): Role {
  return MINIMUM[ability];
}

/** Leads manage everyone below owner; only owners hand out or take away ownership. */
export function mayAssign(actor: Role | undefined, from: Role | undefined, to: Role | undefined): boolean {
  if (actor === 'owner') return true;
  if (actor !== 'lead') return false;
  return from !== 'owner' && to !== 'owner';
}
