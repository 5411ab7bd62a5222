#!/usr/bin/env node
// The `weft` command. Runs the built CLI; `npm ci` (prepare) or `npm run build` builds it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
if (!existsSync(main)) {
  console.error('weft: not built yet. Run `npm run build` in the repository root first.');
  process.exit(1);
}
// `weft … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
const { run } = await import(main);
process.exitCode = await run(process.argv);
