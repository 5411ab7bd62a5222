// `weft serve` from process spawn to the first 200 from GET /api/health, polled every 10 ms.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTempDir, freePort, REPO, sleep, stopChild, trackChild } from './foundation-support.mjs';
import { median } from './report.mjs';

const WEFT = join(REPO, 'packages', 'cli', 'bin', 'weft.js');

function healthy(port) {
  return new Promise((resolve) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: '/api/health', agent: false, timeout: 1000 },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

function envWithout(databaseUrl) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.WEFT_DATA_DIR;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

/** One cold start; the server is stopped (and its data-dir lock released) before returning. */
async function coldStart(args, env, timeoutMs = 90_000) {
  const port = await freePort();
  const t0 = performance.now();
  const child = trackChild(
    spawn(process.execPath, [WEFT, 'serve', '--port', String(port), '--quiet', ...args], {
      cwd: REPO,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  try {
    while (performance.now() - t0 < timeoutMs) {
      if (child.exitCode !== null)
        throw new Error(`weft serve exited with ${child.exitCode}: ${stderr.trim()}`);
      if (await healthy(port)) return performance.now() - t0;
      await sleep(10);
    }
    throw new Error(`weft serve was not healthy within ${timeoutMs / 1000} s`);
  } finally {
    await stopChild(child);
  }
}

async function timeExit(args) {
  const t0 = performance.now();
  const child = trackChild(spawn(process.execPath, [WEFT, ...args], { cwd: REPO, stdio: 'ignore' }));
  await new Promise((resolve) => child.once('exit', resolve));
  return performance.now() - t0;
}

function row(name, samples) {
  return {
    name,
    runs: samples.length,
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}

export async function measureColdStart({ databaseUrl, cleanup, quick, log }) {
  const runs = quick ? 2 : 5;
  const rows = [];
  log(`foundation: cold start: \`weft --version\` baseline (${runs} runs)`);
  const version = [];
  for (let i = 0; i < runs; i++) version.push(await timeExit(['--version']));
  rows.push(row('`weft --version` (baseline: Node + CLI modules, no server)', version));

  log(`foundation: cold start: fresh data dir (${runs} runs)`);
  const fresh = [];
  let existingDir;
  for (let i = 0; i < runs; i++) {
    existingDir = createTempDir(cleanup, 'weft-bench-cold-');
    fresh.push(await coldStart(['--data-dir', join(existingDir, 'data')], envWithout()));
  }
  rows.push(row('`weft serve`, fresh data dir (copy of the built empty-store template)', fresh));

  log(`foundation: cold start: existing data dir (${runs} runs)`);
  const existing = [];
  for (let i = 0; i < runs; i++)
    existing.push(await coldStart(['--data-dir', join(existingDir, 'data')], envWithout()));
  rows.push(row('`weft serve`, existing data dir', existing));

  if (databaseUrl) {
    log(`foundation: cold start: existing PostgreSQL database (${runs} runs)`);
    const server = [];
    for (let i = 0; i < runs; i++) server.push(await coldStart([], envWithout(databaseUrl)));
    rows.push(row('`weft serve`, DATABASE_URL (existing database)', server));
  }
  return { runs, rows };
}
