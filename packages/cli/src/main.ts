import { Command, CommanderError } from 'commander';
import { type CliIo, processIo } from './cli-io.js';
import { registerBackup } from './commands/backup.js';
import { registerCodebook } from './commands/codebook.js';
import { registerDedup } from './commands/dedup.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerMethods } from './commands/methods.js';
import { registerPrisma } from './commands/prisma.js';
import { registerProject } from './commands/project.js';
import { registerQdc } from './commands/qdc.js';
import { registerQdpx } from './commands/qdpx.js';
import { registerScreen } from './commands/screen.js';
import { registerServe } from './commands/serve.js';
import { registerSimulate } from './commands/simulate.js';
import { registerUser } from './commands/user.js';
import { describeUserError } from './describe-error.js';
import { VERSION } from './version.js';

const ENVIRONMENT_NOTE = `
Where the data lives (every command):
  --data-dir DIR   an embedded PGlite store in DIR (wins over everything else)
  DATABASE_URL     postgres://… a PostgreSQL server, when --data-dir is not given
  WEFT_DATA_DIR    the embedded store directory otherwise (default ./weft-data)`;

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Commander's errors become one line with a pointer to the right --help, never the whole help. */
function oneLineErrors(command: Command, io: CliIo): void {
  command.configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    outputError: (text, write) =>
      write(`weft: ${text.trim().replace(/^error: /, '')} (see \`${commandPath(command)} --help\`)\n`),
  });
  for (const sub of command.commands) oneLineErrors(sub, io);
}

export function buildProgram(io: CliIo = processIo()): Command {
  const program = new Command('weft')
    .description('Weft: systematic reviews and qualitative evidence synthesis in one auditable project')
    .version(VERSION)
    .exitOverride()
    .addHelpText('after', ENVIRONMENT_NOTE);
  registerInit(program, io);
  registerUser(program, io);
  registerProject(program, io);
  registerBackup(program, io);
  registerImport(program, io);
  registerDedup(program, io);
  registerExport(program, io);
  registerCodebook(program, io);
  registerPrisma(program, io);
  registerMethods(program, io);
  registerScreen(program, io);
  registerSimulate(program, io);
  registerQdpx(program, io);
  registerQdc(program, io);
  registerServe(program);
  oneLineErrors(program, io);
  return program;
}

/** Runs the CLI; returns the exit code. User errors print one line, never a stack trace. */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const message = describeUserError(error);
    if (message !== undefined) {
      io.stderr.write(`weft: ${message}\n`);
      return 1;
    }
    io.stderr.write(
      `weft: unexpected error (a bug; please report it): ${(error as Error).stack ?? String(error)}\n`,
    );
    return 2;
  }
}
