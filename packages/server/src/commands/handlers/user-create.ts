import { randomUUID } from 'node:crypto';
import { normaliseUsername, WeftError } from '@weft/core';
import { findUserByUsername, insertUser } from '@weft/storage';
import { hashPassword } from '../../auth/password.js';
import { defineHandler, type ParsedPayload } from '../command-handler.js';
import { requireInstanceAction } from '../require.js';

type Prepared = Omit<ParsedPayload<'user.create'>, 'password'> & { passwordHash: string };

export const userCreate = defineHandler<'user.create', Prepared>({
  type: 'user.create',
  scope: 'instance',
  authorize: (context) => requireInstanceAction(context, 'user.create'),
  async prepare({ password, ...rest }) {
    const name = normaliseUsername(rest.username);
    if (!name.ok) throw new WeftError('validation', name.message, { field: 'username' });
    return { ...rest, username: name.username, passwordHash: await hashPassword(password) };
  },
  async apply(trx, _context, payload, at) {
    if (await findUserByUsername(trx, payload.username)) {
      throw new WeftError('conflict', `The username “${payload.username}” is taken.`, { field: 'username' });
    }
    const user = await insertUser(trx, {
      id: randomUUID(),
      username: payload.username,
      displayName: payload.displayName.trim(),
      passwordHash: payload.passwordHash,
      isAdmin: payload.isAdmin,
      createdAt: at,
    });
    return { result: { userId: user.id } };
  },
});
