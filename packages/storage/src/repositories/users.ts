import type { User } from '@weft/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database, UserRow } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export function toUser(row: UserRow): User {
  return {
    type: 'user',
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    isAdmin: row.is_admin,
    createdAt: row.created_at.toISOString(),
  };
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(toUser);
}

export async function insertUser(
  db: Db,
  user: {
    id: string;
    username: string;
    displayName: string;
    passwordHash: string;
    isAdmin: boolean;
    createdAt: Date;
  },
): Promise<User> {
  const row = await db
    .insertInto('users')
    .values({
      id: user.id,
      username: user.username,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      is_admin: user.isAdmin,
      created_at: user.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}
