import { openStore, type Store, storeOptionsFromEnv } from '@weft/storage';

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
