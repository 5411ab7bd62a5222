import { isWeftError } from '@weft/core';
import { Command, CommanderError } from 'commander';
import { registerServe } from './commands/serve.js';
import { VERSION } from './version.js';

export function buildProgram(): Command {
  const program = new Command('weft')
    .description('Weft: systematic reviews and qualitative evidence synthesis in one auditable project')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError();
  registerServe(program);
  return program;
}

/** Runs the CLI; returns the exit code. User errors print one line, never a stack trace. */
export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (isWeftError(error)) {
      console.error(`weft: ${error.message}`);
      return 1;
    }
    console.error(`weft: unexpected error: ${(error as Error).stack ?? String(error)}`);
    return 2;
  }
}
