// A `weft serve` stand-in for tests that need separate server processes on one database:
// it runs the real startServer against DATABASE_URL and prints its URL as one JSON line.
import { openStore } from '@weft/storage';
import { startServer } from '../start-server.js';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL must be set');
const store = await openStore({ databaseUrl });
const server = await startServer({ store, port: 0, logger: false, webRoot: '/nonexistent' });
process.stdout.write(`${JSON.stringify({ url: server.url, pid: process.pid })}\n`);
process.on('SIGTERM', async () => {
  await server.close();
  await store.close();
  process.exit(0);
});
