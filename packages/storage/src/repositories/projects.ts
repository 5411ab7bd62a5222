import { isRole, type Member, type Project, type Role } from '@weft/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database, ProjectRow } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export function toProject(row: ProjectRow): Project {
  return {
    type: 'project',
    id: row.id,
    name: row.name,
    description: row.description,
    archived: row.archived,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    lastSeq: row.last_seq,
  };
}

export async function findProject(db: Db, id: string): Promise<Project | undefined> {
  const row = await db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toProject(row);
}

/** Locks the project row for the rest of the transaction (version checks, seq allocation). */
export async function findProjectForUpdate(
  trx: Transaction<Database>,
  id: string,
): Promise<Project | undefined> {
  const row = await trx
    .selectFrom('projects')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toProject(row);
}

export interface ProjectSummary extends Project {
  role: Role;
  memberCount: number;
}

/** Projects the user belongs to, newest activity first. */
export async function listProjectsForUser(db: Db, userId: string): Promise<ProjectSummary[]> {
  const rows = await db
    .selectFrom('projects')
    .innerJoin('members as mine', (j) =>
      j.onRef('mine.project_id', '=', 'projects.id').on('mine.user_id', '=', userId),
    )
    .selectAll('projects')
    .select('mine.role as my_role')
    .select((eb) =>
      eb
        .selectFrom('members')
        .whereRef('members.project_id', '=', 'projects.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('member_count'),
    )
    .orderBy('projects.created_at', 'desc')
    .execute();
  return rows.map((row) => ({
    ...toProject(row),
    role: isRole(row.my_role) ? row.my_role : 'viewer',
    memberCount: Number(row.member_count ?? 0),
  }));
}

export async function listAllProjects(db: Db): Promise<Project[]> {
  const rows = await db.selectFrom('projects').selectAll().orderBy('created_at').execute();
  return rows.map(toProject);
}

export async function findMembership(db: Db, projectId: string, userId: string): Promise<Role | undefined> {
  const row = await db
    .selectFrom('members')
    .select('role')
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && isRole(row.role) ? row.role : undefined;
}

export async function listMembers(db: Db, projectId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.user_id')
    .select([
      'members.project_id',
      'members.user_id',
      'members.role',
      'members.version',
      'users.username',
      'users.display_name',
    ])
    .where('members.project_id', '=', projectId)
    .orderBy('users.display_name')
    .execute();
  return rows.map((row) => ({
    type: 'member',
    projectId: row.project_id,
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role: isRole(row.role) ? row.role : 'viewer',
    version: row.version,
  }));
}

/** The project and the user's role in it, in one round trip (authorisation runs on every request). */
export async function findProjectWithRole(
  db: Db,
  projectId: string,
  userId: string,
): Promise<{ project: Project; role: Role | undefined } | undefined> {
  const row = await db
    .selectFrom('projects')
    .leftJoin('members', (j) =>
      j.onRef('members.project_id', '=', 'projects.id').on('members.user_id', '=', userId),
    )
    .selectAll('projects')
    .select('members.role as member_role')
    .where('projects.id', '=', projectId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { member_role, ...project } = row;
  return { project: toProject(project), role: isRole(member_role) ? member_role : undefined };
}
