import type { CliIo } from './cli-io.js';

export interface ProgressBar {
  update(done: number, total: number): void;
  finish(): void;
}

const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 100;
const WIDTH = 30;

/**
 * A one-line progress bar on stderr. It appears only on a terminal and only once a job has run
 * for a second, so quick jobs and piped or logged output stay clean.
 */
export function createProgressBar(io: CliIo, label: string, now: () => number = Date.now): ProgressBar {
  const started = now();
  let drawnAt = 0;
  let drawn = false;
  const enabled = io.stderr.isTTY === true;
  return {
    update(done, total) {
      if (!enabled) return;
      const t = now();
      if (t - started < SHOW_AFTER_MS || t - drawnAt < REDRAW_EVERY_MS) return;
      drawnAt = t;
      drawn = true;
      const fraction = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(fraction * WIDTH);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}`;
      io.stderr.write(`\r${label} [${bar}] ${Math.round(fraction * 100)}% ${done}/${total} rows`);
    },
    finish() {
      if (drawn) io.stderr.write('\r\x1b[K');
    },
  };
}
