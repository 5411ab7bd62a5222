import { openStore, type Store, storeOptionsFromEnv } from '@weft/storage';
import { type Command, Option } from 'commander';
import type { CliIo } from './cli-io.js';
import { createStatusLine } from './status-line.js';

/** Options every command accepts. */
export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
}

/**
 * Opens the store the options and environment name: --data-dir, else DATABASE_URL, else
 * ./weft-data. Opening an embedded store can take seconds, so a terminal is told what is happening.
 */
export async function withStore<T>(
  options: GlobalOptions,
  body: (store: Store) => Promise<T>,
  io?: CliIo,
): Promise<T> {
  const storeOptions = storeOptionsFromEnv({ dataDir: options.dataDir });
  const status =
    io && createStatusLine(io, `Opening the store at ${storeOptions.dataDir ?? 'DATABASE_URL'}…`);
  const store = await openStore(storeOptions).finally(() => status?.clear());
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

export function addStoreOption(command: Command): Command {
  return command.addOption(
    new Option(
      '--data-dir <dir>',
      'embedded store directory; without it DATABASE_URL (a PostgreSQL server), else $WEFT_DATA_DIR, else ./weft-data',
    ),
  );
}

export function addJsonOption(command: Command): Command {
  return command.option('--json', 'print machine-readable JSON on stdout');
}
