import { type BackendName, createTestStoreLocation } from '@weft/storage/testing';
import { type CliResult, runInProcess } from './capture-io.js';

export interface CliOnTestStore {
  /** `weft ARGS…` in-process against this store (its data dir, or DATABASE_URL for a server). */
  weft(args: string[], stdin?: string): Promise<CliResult>;
  options: Awaited<ReturnType<typeof createTestStoreLocation>>['options'];
  /** Drops the store and puts DATABASE_URL back as it was. */
  dispose(): Promise<void>;
}

/** A fresh test store on `backend` and a way to run the CLI on it, as a user would with --data-dir or DATABASE_URL. */
export async function cliOnTestStore(backend: BackendName): Promise<CliOnTestStore> {
  const savedUrl = process.env.DATABASE_URL;
  const place = await createTestStoreLocation(backend);
  const { dataDir, databaseUrl } = place.options;
  return {
    options: place.options,
    weft(args, stdin) {
      if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
      return runInProcess([...args, ...(dataDir ? ['--data-dir', dataDir] : [])], stdin);
    },
    async dispose() {
      process.env.DATABASE_URL = savedUrl;
      if (savedUrl === undefined) delete process.env.DATABASE_URL;
      await place.dispose();
    },
  };
}
