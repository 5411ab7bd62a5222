import { isRole, normaliseUsername, type Role, WeftError } from '@weft/core';
import { type Database, findUserByUsername } from '@weft/storage';
import type { Transaction } from 'kysely';
import { mayAssignRole } from '../../policies/project-policy.js';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction, staleVersion } from '../require.js';

async function lockMember(trx: Transaction<Database>, projectId: string, userId: string) {
  const row = await trx
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.user_id')
    .select(['members.user_id', 'members.role', 'members.version', 'users.username', 'users.display_name'])
    .where('members.project_id', '=', projectId)
    .where('members.user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (!row || !isRole(row.role))
    throw new WeftError('not-found', 'That person is not a member of this project.');
  return { ...row, role: row.role as Role };
}

/** A project always keeps at least one owner, or nobody could manage it. */
async function assertAnotherOwner(trx: Transaction<Database>, projectId: string, userId: string) {
  const others = await trx
    .selectFrom('members')
    .select('user_id')
    .where('project_id', '=', projectId)
    .where('role', '=', 'owner')
    .where('user_id', '!=', userId)
    .execute();
  if (others.length === 0)
    throw new WeftError('conflict', 'A project needs at least one owner: make someone else owner first.');
}

function refuseRoleChange(actorRole: Role | undefined): WeftError {
  return new WeftError(
    'forbidden',
    `Your role (${actorRole ?? 'none'}) cannot grant or take away ownership.`,
  );
}

export const memberAdd = defineHandler({
  type: 'member.add',
  scope: 'project',
  authorize(context, payload) {
    requireProjectAction(context, 'member.add');
    if (!context.role || !mayAssignRole(context.role, undefined, payload.role))
      throw refuseRoleChange(context.role);
  },
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const name = normaliseUsername(payload.username);
    const user = name.ok ? await findUserByUsername(trx, name.username) : undefined;
    if (!user)
      throw new WeftError('validation', `There is no account named “${payload.username}”.`, {
        field: 'username',
      });
    const existing = await trx
      .selectFrom('members')
      .select('role')
      .where('project_id', '=', project.id)
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (existing)
      throw new WeftError('conflict', `${user.display_name} is already a member (${existing.role}).`);
    await trx
      .insertInto('members')
      .values({ project_id: project.id, user_id: user.id, role: payload.role, version: 1, added_at: at })
      .execute();
    return {
      result: { userId: user.id },
      event: {
        projectId: project.id,
        eventType: 'member.added',
        payload: {
          userId: user.id,
          username: user.username,
          displayName: user.display_name,
          role: payload.role,
        },
      },
    };
  },
});

export const memberChangeRole = defineHandler({
  type: 'member.change-role',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'member.change-role'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const member = await lockMember(trx, project.id, payload.userId);
    if (member.version !== payload.expectedVersion) {
      throw staleVersion('membership', {
        userId: member.user_id,
        role: member.role,
        version: member.version,
      });
    }
    if (!context.role || !mayAssignRole(context.role, member.role, payload.role))
      throw refuseRoleChange(context.role);
    if (member.role === 'owner' && payload.role !== 'owner')
      await assertAnotherOwner(trx, project.id, member.user_id);
    const version = member.version + 1;
    await trx
      .updateTable('members')
      .set({ role: payload.role, version })
      .where('project_id', '=', project.id)
      .where('user_id', '=', member.user_id)
      .execute();
    return {
      result: { version },
      event: {
        projectId: project.id,
        eventType: 'member.role-changed',
        payload: {
          userId: member.user_id,
          username: member.username,
          displayName: member.display_name,
          from: member.role,
          role: payload.role,
        },
      },
    };
  },
});

export const memberRemove = defineHandler({
  type: 'member.remove',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'member.remove'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const member = await lockMember(trx, project.id, payload.userId);
    if (!context.role || !mayAssignRole(context.role, member.role, undefined))
      throw refuseRoleChange(context.role);
    if (member.role === 'owner') await assertAnotherOwner(trx, project.id, member.user_id);
    await trx
      .deleteFrom('members')
      .where('project_id', '=', project.id)
      .where('user_id', '=', member.user_id)
      .execute();
    return {
      result: { userId: member.user_id },
      event: {
        projectId: project.id,
        eventType: 'member.removed',
        payload: {
          userId: member.user_id,
          username: member.username,
          displayName: member.display_name,
          role: member.role,
        },
      },
    };
  },
});
