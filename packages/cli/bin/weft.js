#!/usr/bin/env node
// The `weft` command. Runs the built CLI; `npm ci` (prepare) or `npm run build` builds it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
if (!existsSync(main)) {
  console.error('weft: not built yet. Run `npm run build` in the repository root first.');
  process.exit(1);
}
const { run } = await import(main);
process.exitCode = await run(process.argv);
