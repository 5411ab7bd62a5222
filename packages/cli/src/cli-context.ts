import { openStore, type Store, storeOptionsFromEnv } from '@weft/storage';
import { type Command, Option } from 'commander';

/** Options every command accepts. */
export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
}

/** Opens the store the options and environment name: --data-dir, else DATABASE_URL, else ./weft-data. */
export async function withStore<T>(options: GlobalOptions, body: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeOptionsFromEnv({ dataDir: options.dataDir }));
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
      'embedded store directory (default $WEFT_DATA_DIR or ./weft-data; without it, DATABASE_URL selects a PostgreSQL server)',
    ),
  );
}

export function addJsonOption(command: Command): Command {
  return command.option('--json', 'print machine-readable JSON on stdout');
}
