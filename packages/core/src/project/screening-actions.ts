import type { Role } from './role.js';

/** The least role for each screening action (part of the one policy table, PROJECT_ACTIONS). */
export const SCREENING_ACTIONS = {} as const satisfies Record<string, Role>;
