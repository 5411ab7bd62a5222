import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../schema.js';

export interface SessionRow {
  id: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function insertSession(
  db: Kysely<Database>,
  session: SessionRow & { createdAt: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The live session and its user in one round trip: this runs on every API request. */
export async function findLiveSession(
  db: Kysely<Database>,
  id: string,
  now: Date,
): Promise<(SessionRow & { user: UserRow }) | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id, csrf_token, expires_at, ...user } = row;
  return { id: session_id, userId: user.id, csrfToken: csrf_token, expiresAt: expires_at, user };
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
