import { PASSWORD_MIN_LENGTH, WeftError } from '@weft/core';
import type { CliIo } from './cli-io.js';

// The same upper bound the user.create command schema enforces.
const PASSWORD_MAX_LENGTH = 1024;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads one line from a terminal with echo off (raw mode), so the password never shows. */
function promptHidden(io: CliIo, prompt: string): Promise<string> {
  const { stdin } = io;
  return new Promise((resolve, reject) => {
    let typed = '';
    io.stderr.write(prompt);
    stdin.setRawMode?.(true);
    stdin.resume();
    const done = (error?: Error) => {
      stdin.removeListener('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      io.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (data: Buffer | string) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003' || (char === '\u0004' && typed === '')) {
          return done(new WeftError('bad-input', 'Cancelled; no account was created.'));
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else if (char >= ' ') typed += char;
      }
    };
    stdin.on('data', onData);
  });
}

export function checkPassword(password: string): string {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new WeftError(
      'validation',
      `The password is too short: use at least ${PASSWORD_MIN_LENGTH} characters.`,
    );
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new WeftError(
      'validation',
      `The password is too long: use at most ${PASSWORD_MAX_LENGTH} characters.`,
    );
  }
  return password;
}

/**
 * A new account's password: from standard input with --password-stdin (scripts; one trailing
 * newline is dropped, as `echo` adds one), else typed twice at a terminal with echo off.
 * Never from an argument: those end up in shell history and `ps`.
 */
export async function readNewPassword(io: CliIo, fromStdin: boolean): Promise<string> {
  if (fromStdin) return checkPassword((await readAll(io.stdin)).replace(/\r?\n$/, ''));
  if (!io.stdin.isTTY || !io.stdin.setRawMode) {
    throw new WeftError(
      'bad-input',
      'No terminal to ask for the password on: pipe it in with --password-stdin.',
    );
  }
  const first = checkPassword(await promptHidden(io, 'Password: '));
  const second = await promptHidden(io, 'Repeat password: ');
  if (first !== second)
    throw new WeftError('validation', 'The two passwords differ; no account was created.');
  return first;
}
