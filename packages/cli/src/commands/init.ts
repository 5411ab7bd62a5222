import { countUsers } from '@weft/storage';
import type { Command } from 'commander';
import { addJsonOption, addStoreOption, type GlobalOptions, withStore } from '../cli-context.js';
import { type CliIo, printJson, printLine } from '../cli-io.js';

export function registerInit(program: Command, io: CliIo): void {
  const command = program
    .command('init')
    .description('Create the store (or bring an existing one to this version’s schema) and say where it is');
  addStoreOption(command);
  addJsonOption(command);
  command.action(async (options: GlobalOptions) => {
    await withStore(
      options,
      async (store) => {
        const users = await countUsers(store.db);
        if (options.json) {
          printJson(io, {
            kind: store.kind,
            location: store.location,
            schemaVersion: store.schemaVersion,
            users,
          });
          return;
        }
        const what = store.kind === 'embedded' ? 'embedded PGlite store' : 'PostgreSQL store';
        printLine(io, `Weft ${what} ready at ${store.location} (schema version ${store.schemaVersion}).`);
        if (users === 0)
          printLine(io, 'Next: create the first account (an admin) with `weft user add NAME`.');
      },
      io,
    );
  });
}
