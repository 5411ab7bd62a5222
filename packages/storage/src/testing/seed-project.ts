import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * A bare account and a project it created, written straight to the tables: for storage tests that
 * need rows to hang records, uploads or stages on, without going through commands.
 */
export async function seedUserAndProject(
  db: Kysely<Database>,
  seed: {
    userId: string;
    projectId: string;
    at: Date;
    username?: string;
    displayName?: string;
    isAdmin?: boolean;
  },
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: seed.userId,
      username: seed.username ?? 'u',
      display_name: seed.displayName ?? 'U',
      password_hash: 'x',
      is_admin: seed.isAdmin ?? true,
      created_at: seed.at,
    })
    .execute();
  await db
    .insertInto('projects')
    .values({
      id: seed.projectId,
      name: 'P',
      description: '',
      archived: false,
      version: 1,
      created_at: seed.at,
      created_by: seed.userId,
      last_seq: 0,
    })
    .execute();
}
