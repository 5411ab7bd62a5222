/** Project roles, from most to least powerful. Order matters: see `roleAtLeast`. */
export const ROLES = ['owner', 'lead', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` has at least the powers of `minimum` (owner ⊇ lead ⊇ reviewer ⊇ viewer). */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(minimum);
}
