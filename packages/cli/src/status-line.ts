import type { CliIo } from './cli-io.js';

const SHOW_AFTER_MS = 1000;

export interface StatusLine {
  clear(): void;
}

/**
 * A note on stderr for a wait with no measurable progress (opening a store). Like the progress
 * bar it shows only on a terminal and only after a second, and it erases itself.
 */
export function createStatusLine(io: CliIo, text: string): StatusLine {
  if (io.stderr.isTTY !== true) return { clear: () => undefined };
  let shown = false;
  const timer = setTimeout(() => {
    shown = true;
    io.stderr.write(text);
  }, SHOW_AFTER_MS);
  timer.unref();
  return {
    clear() {
      clearTimeout(timer);
      if (shown) io.stderr.write('\r\x1b[K');
    },
  };
}
