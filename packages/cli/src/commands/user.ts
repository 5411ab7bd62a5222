import { randomUUID } from 'node:crypto';
import { normaliseUsername, WeftError } from '@weft/core';
import { createFirstOwner, executeCommand, needsSetup } from '@weft/server';
import { findUserById, listUsers, toUser } from '@weft/storage';
import type { Command } from 'commander';
import { cliActor } from '../cli-actor.js';
import { addJsonOption, addStoreOption, type GlobalOptions, withStore } from '../cli-context.js';
import { type CliIo, printJson, printLine } from '../cli-io.js';
import { formatTable } from '../format-table.js';
import { readNewPassword } from '../read-password.js';

interface UserAddOptions extends GlobalOptions {
  displayName?: string;
  admin?: boolean;
  passwordStdin?: boolean;
}

const ACTOR_NOTE = `
The first account on a store is created as an instance admin. Later accounts are created on
behalf of the first admin account: whoever can open the data directory (or holds DATABASE_URL)
can change every row anyway, so the CLI acts as the instance administrator, and the command
ledger names that account.`;

export function registerUser(program: Command, io: CliIo): void {
  const user = program.command('user').description('Manage accounts');

  const add = user
    .command('add')
    .description(
      'Create an account; asks for the password twice (echo off), or reads it with --password-stdin',
    )
    .argument('<name>', 'username: 2–40 letters, digits, dot, dash or underscore')
    .option('--display-name <name>', 'name shown to others (default: the username)')
    .option('--admin', 'make the account an instance admin (may create accounts)')
    .option('--password-stdin', 'read the password from standard input instead of prompting')
    .addHelpText('after', ACTOR_NOTE);
  addStoreOption(add);
  addJsonOption(add);
  add.action(async (name: string, options: UserAddOptions) => {
    const username = normaliseUsername(name);
    if (!username.ok) throw new WeftError('validation', username.message);
    const displayName = options.displayName?.trim() || username.username;
    // Asked before the store is opened: a typo in the password changes nothing.
    const password = await readNewPassword(io, options.passwordStdin === true);
    const created = await withStore(
      options,
      async (store) => {
        if (await needsSetup(store)) {
          const owner = await createFirstOwner(store, { username: username.username, displayName, password });
          return { user: owner, first: true };
        }
        const response = await executeCommand(store, await cliActor(store), {
          id: randomUUID(),
          type: 'user.create',
          payload: { username: username.username, displayName, password, isAdmin: options.admin === true },
        });
        const { userId } = response.result as { userId: string };
        const row = await findUserById(store.db, userId);
        if (!row) throw new Error(`user.create reported ${userId}, which is not in the store`);
        return { user: toUser(row), first: false };
      },
      io,
    );
    if (options.json) {
      const { id, username: login, displayName: shown, isAdmin } = created.user;
      printJson(io, { id, username: login, displayName: shown, isAdmin, firstAccount: created.first });
      return;
    }
    const role = created.user.isAdmin ? 'an instance admin' : 'a user';
    const first = created.first ? ' This is the first account, so it is an admin.' : '';
    printLine(io, `Created ${created.user.username} (${created.user.displayName}), ${role}.${first}`);
  });

  const list = user.command('list').description('List the accounts');
  addStoreOption(list);
  addJsonOption(list);
  list.action(async (options: GlobalOptions) => {
    const users = await withStore(options, (store) => listUsers(store.db), io);
    if (options.json) {
      printJson(io, users);
      return;
    }
    if (users.length === 0) {
      printLine(io, 'No accounts yet. Create the first with `weft user add NAME`.');
      return;
    }
    printLine(
      io,
      formatTable(
        ['USERNAME', 'DISPLAY NAME', 'ADMIN', 'CREATED'],
        users.map((u) => [u.username, u.displayName, u.isAdmin ? 'yes' : 'no', u.createdAt.slice(0, 10)]),
      ),
    );
  });
}
