import { randomUUID } from 'node:crypto';
import { normaliseUsername, type User, WeftError } from '@weft/core';
import { countUsers, executeInLedger, insertUser, type Store } from '@weft/storage';
import { hashPassword } from './password.js';

/**
 * The one command id under which the first owner is created. Two concurrent setups race on
 * the ledger's primary key, so exactly one account can ever be created this way.
 */
export const FIRST_OWNER_COMMAND_ID = '00000000-0000-4000-8000-000000000001';

export async function needsSetup(store: Store): Promise<boolean> {
  return (await countUsers(store.db)) === 0;
}

export async function createFirstOwner(
  store: Store,
  input: { username: string; displayName: string; password: string },
): Promise<User> {
  if (!(await needsSetup(store)))
    throw new WeftError('setup-done', 'Weft is already set up: sign in instead.');
  const name = normaliseUsername(input.username);
  if (!name.ok) throw new WeftError('validation', name.message, { field: 'username' });
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  const receipt = await executeInLedger<{ user: User }>(
    store.db,
    { id: FIRST_OWNER_COMMAND_ID, type: 'user.create', payload: { username: name.username, isAdmin: true } },
    { id, displayName: input.displayName },
    async (trx, at) => {
      if ((await countUsers(trx)) > 0)
        throw new WeftError('setup-done', 'Weft is already set up: sign in instead.');
      const user = await insertUser(trx, {
        id,
        username: name.username,
        displayName: input.displayName.trim(),
        passwordHash,
        isAdmin: true,
        createdAt: at,
      });
      return { result: { user } };
    },
  ).catch((error: unknown) => {
    // The ledger refuses a second setup by a different actor id: that is "already set up".
    if (error instanceof WeftError && error.code === 'conflict') {
      throw new WeftError('setup-done', 'Weft is already set up: sign in instead.');
    }
    throw error;
  });
  if (receipt.replayed) throw new WeftError('setup-done', 'Weft is already set up: sign in instead.');
  return receipt.result.user;
}
