import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, request as playwrightRequest } from '@playwright/test';
import { OWNER } from './helpers';

export interface OwnServer {
  baseURL: string;
  stop(): Promise<void>;
}

/**
 * `weft serve` on its own port and fresh data directory, with OWNER set up as the first account:
 * a spec that starts one needs nothing from the others (weft.spec.ts starts from first-run setup).
 */
export async function startOwnServer(
  port: number,
  name: string,
  startTimeoutMs = 60_000,
): Promise<OwnServer> {
  const baseURL = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), `weft-e2e-${name}-`));
  const server: ChildProcess = spawn(
    process.execPath,
    ['packages/cli/bin/weft.js', 'serve', '--port', String(port), '--data-dir', dataDir],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  server.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) {
      await stop();
      throw new Error(`weft serve did not start: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const api = await playwrightRequest.newContext({ baseURL });
  const setup = await api.post('/api/setup', {
    data: { username: OWNER.username, displayName: OWNER.displayName, password: OWNER.password },
  });
  expect(setup.status(), await setup.text()).toBe(200);
  await api.dispose();
  return { baseURL, stop };
}
