import { type User, WeftError } from '@weft/core';
import { findUserByUsername, type Store, toUser } from '@weft/storage';

/**
 * Who the CLI acts as. Whoever can open the data directory (or holds DATABASE_URL) can read and
 * change every row anyway, so the CLI acts as the instance administrator: the first admin
 * account. The ledger and event log then name a real account, not an anonymous "system".
 */
export async function cliActor(store: Store): Promise<User> {
  const row = await store.db
    .selectFrom('users')
    .selectAll()
    .where('is_admin', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  if (!row) {
    throw new WeftError(
      'setup-required',
      'This store has no accounts yet: create the first with `weft user add NAME`.',
    );
  }
  return toUser(row);
}

export async function userByName(store: Store, username: string): Promise<User> {
  const row = await findUserByUsername(store.db, username.trim().toLowerCase());
  if (!row) throw new WeftError('not-found', `No account is named "${username}" (see \`weft user list\`).`);
  return toUser(row);
}
