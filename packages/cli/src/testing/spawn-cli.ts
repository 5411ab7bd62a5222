import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliResult } from './capture-io.js';

const ENTRY = fileURLToPath(new URL('./weft-from-source.ts', import.meta.url));

/** The CLI as a separate Node process (sources through tsx, so no build is needed). */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(process.execPath, ['--conditions=weft-source', '--import', 'tsx', ENTRY, ...args], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Runs the CLI to completion in its own process. */
export function runCliProcess(
  args: string[],
  options: { stdin?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  const child = spawnCli(args, options.env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  child.stdin?.end(options.stdin ?? '');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Waits until the child prints a line matching `pattern` on stdout; rejects if it exits first. */
export function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    let errors = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(pattern);
      if (match) {
        child.stdout?.off('data', onData);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk) => {
      errors += chunk;
    });
    child.once('exit', (code) =>
      reject(new Error(`the CLI exited with ${code} before printing ${pattern}: ${errors}`)),
    );
  });
}
