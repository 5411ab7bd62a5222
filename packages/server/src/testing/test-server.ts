import { type BackendName, createTestStore, type TestStore } from '@weft/storage/testing';
import { type RunningServer, startServer } from '../start-server.js';
import { TestClient } from './test-client.js';

export interface TestServer {
  store: TestStore;
  server: RunningServer;
  client(): TestClient;
  close(): Promise<void>;
}

export async function startTestServer(
  backend: BackendName,
  options: { loginRateLimit?: { max: number; timeWindow: number }; store?: TestStore } = {},
): Promise<TestServer> {
  const store = options.store ?? (await createTestStore(backend));
  const server = await startServer({
    store,
    port: 0,
    logger: false,
    webRoot: '/nonexistent',
    loginRateLimit: options.loginRateLimit ?? { max: 1000, timeWindow: 60_000 },
  });
  return {
    store,
    server,
    client: () => new TestClient(server.url),
    async close() {
      await server.close();
      if (!options.store) await store.destroy();
    },
  };
}
