import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WeftError } from '@weft/core';
import { countUsers, type Store } from '@weft/storage';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { EventHub } from './live/event-hub.js';
import { Prioritiser } from './screening/prioritiser/prioritiser.js';

export interface StartOptions {
  store: Store;
  host?: string;
  port?: number;
  version?: string;
  /** pino logger options; false for silence. */
  logger?: boolean | { level: string };
  webRoot?: string;
  loginRateLimit?: { max: number; timeWindow: number };
}

export interface RunningServer {
  app: FastifyInstance;
  hub: EventHub;
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** The built web app beside this package in the repository, when present. */
export function defaultWebRoot(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidate = join(here, '..', '..', 'web', 'dist');
  return existsSync(join(candidate, 'index.html')) ? candidate : undefined;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && (await countUsers(options.store.db)) === 0) {
    // Whoever reached the first-run page would become the owner: only allow that locally.
    throw new WeftError(
      'setup-required',
      `Refusing to listen on ${host} before an account exists. Create the first owner with ` +
        '`weft user add NAME`, or start on 127.0.0.1 and finish setup in the browser first.',
    );
  }
  const hub = new EventHub(options.store, (error) => app.log.error({ err: error }, 'live feed error'));
  const app = await buildApp(
    {
      store: options.store,
      hub,
      version: options.version ?? '0.1.0',
      secureCookies: false,
      loginRateLimit: options.loginRateLimit ?? { max: 10, timeWindow: 60_000 },
    },
    { logger: options.logger ?? false, webRoot: options.webRoot ?? defaultWebRoot() },
  );
  await hub.start();
  // Retrains screening models in a worker thread after decisions (see Prioritiser).
  const prioritiser = new Prioritiser(options.store, {
    onError: (error) => app.log.error({ err: error }, 'prioritisation error'),
  });
  await prioritiser.start();
  const address = await app.listen({ host, port: options.port ?? 8080 });
  return {
    app,
    hub,
    url: address.replace('[::1]', 'localhost'),
    async close() {
      await prioritiser.stop();
      await hub.stop();
      await app.close();
    },
  };
}
