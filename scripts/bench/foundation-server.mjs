// A server process for the foundation benchmarks: the built startServer on the store given
// in WEFT_BENCH_STORE (JSON StoreOptions), printing its URL as one JSON line.
import { startServer } from '../../packages/server/dist/index.js';
import { openStore } from '../../packages/storage/dist/index.js';

const store = await openStore(JSON.parse(process.env.WEFT_BENCH_STORE ?? '{}'));
const server = await startServer({
  store,
  port: 0,
  logger: false,
  webRoot: '/nonexistent',
  loginRateLimit: { max: 1000, timeWindow: 60_000 },
});
process.stdout.write(`${JSON.stringify({ url: server.url, pid: process.pid })}\n`);
const stop = async () => {
  await server.close();
  await store.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
