import { startServer } from '@weft/server';
import { openStore, storeOptionsFromEnv } from '@weft/storage';
import type { Command } from 'commander';
import { VERSION } from '../version.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the Weft web app and API')
    .option(
      '--port <port>',
      'port to listen on',
      (v) => Number.parseInt(v, 10),
      Number(process.env.PORT ?? 8080),
    )
    .option('--host <host>', 'address to bind (only loopback until an account exists)', '127.0.0.1')
    .option('--data-dir <dir>', 'embedded store directory (default ./weft-data, or WEFT_DATA_DIR)')
    .option('--quiet', 'log warnings and errors only')
    .action(async (options: { port: number; host: string; dataDir?: string; quiet?: boolean }) => {
      const store = await openStore(storeOptionsFromEnv({ dataDir: options.dataDir }));
      const server = await startServer({
        store,
        host: options.host,
        port: options.port,
        version: VERSION,
        logger: { level: options.quiet ? 'warn' : 'info' },
      }).catch(async (error: unknown) => {
        await store.close();
        throw error;
      });
      console.log(`Weft ${VERSION} is running at ${server.url} (store: ${store.kind}, ${store.location})`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await store.close();
    });
}
