import type { User } from '@weft/core';

/** Instance-level actions: not about one project. */
export const INSTANCE_ACTIONS = {
  'user.create': 'admin',
  'users.list': 'user',
  'project.create': 'user',
  'demo.create': 'user',
  'projects.list': 'user',
} as const satisfies Record<string, 'admin' | 'user'>;

export type InstanceAction = keyof typeof INSTANCE_ACTIONS;

export function mayDoOnInstance(user: User | undefined, action: InstanceAction): boolean {
  if (!user) return false;
  return INSTANCE_ACTIONS[action] === 'user' || user.isAdmin;
}
