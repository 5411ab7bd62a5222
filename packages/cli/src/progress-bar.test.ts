import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { createProgressBar } from './progress-bar.js';

function fakeIo(isTTY: boolean): { io: CliIo; written: () => string } {
  const stderr = Object.assign(new PassThrough(), { isTTY });
  let written = '';
  stderr.on('data', (chunk) => {
    written += chunk;
  });
  return { io: { stdin: new PassThrough(), stdout: new PassThrough(), stderr }, written: () => written };
}

describe('createProgressBar', () => {
  it('draws on a terminal only after the first second, then clears its line', async () => {
    let now = 0;
    const { io, written } = fakeIo(true);
    const bar = createProgressBar(io, 'Backing up', () => now);
    bar.update(10, 100);
    now = 1500;
    bar.update(50, 100);
    bar.finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(written()).toBe(`\rBacking up [${'#'.repeat(15)}${'-'.repeat(15)}] 50% 50/100 rows\r\x1b[K`);
  });

  it('writes nothing when stderr is not a terminal', async () => {
    let now = 0;
    const { io, written } = fakeIo(false);
    const bar = createProgressBar(io, 'Restoring', () => now);
    now = 5000;
    bar.update(1, 2);
    bar.finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(written()).toBe('');
  });
});
