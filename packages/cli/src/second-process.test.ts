import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './testing/capture-io.js';
import { runCliProcess, spawnCli, waitForOutput } from './testing/spawn-cli.js';

// The data-dir lock is an embedded-store concept (a PostgreSQL server has its own locking),
// so this runs on PGlite only, with real processes: the lock is about processes.
describe('a second process on the same data dir', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'weft-cli-lock-'));
  const env = { ...process.env, DATABASE_URL: '' };
  const server = spawnCli(['serve', '--data-dir', dataDir, '--port', '0', '--quiet'], env);
  const holder = server.pid;

  beforeAll(async () => {
    await waitForOutput(server, /is running at http:\/\/\S+/);
  });
  afterAll(async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  function expectLockRefusal(result: { code: number; stderr: string; stdout: string }) {
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^weft: The data directory .* is in use by another Weft process/);
    expect(lines[0]).toContain(`PID ${holder}`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }

  it('refuses `weft project list` while `weft serve` holds it, naming the PID', async () => {
    expectLockRefusal(await runCliProcess(['project', 'list', '--data-dir', dataDir], { env }));
  });

  it('refuses a second `weft serve` with exit code 1', async () => {
    expectLockRefusal(
      await runCliProcess(['serve', '--data-dir', dataDir, '--port', '0', '--quiet'], { env }),
    );
  });

  it('opens once the holder has stopped', async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    const result = await runInProcess(['project', 'list', '--data-dir', dataDir, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});
