// `weft` straight from the TypeScript sources, for tests that need the CLI as its own process:
//   node --conditions=weft-source --import tsx weft-from-source.ts <args>
import { run } from '../main.js';

process.exitCode = await run(process.argv);
