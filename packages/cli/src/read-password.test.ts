import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { readNewPassword } from './read-password.js';

/** A fake terminal: typed keys arrive on stdin in raw mode; prompts go to stderr. */
function terminal(keys: string[]): { io: CliIo; shown: () => string; rawModes: boolean[] } {
  const stdin = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode: (mode: boolean) => rawModes.push(mode),
  });
  const rawModes: boolean[] = [];
  let shown = '';
  const stderr = new Writable({
    write(chunk, _encoding, callback) {
      shown += chunk.toString();
      // Type the next answer once a prompt has been shown, as a person would.
      if (/assword: $/.test(chunk.toString())) setImmediate(() => stdin.write(keys.shift() ?? ''));
      callback();
    },
  });
  return { io: { stdin, stdout: new PassThrough(), stderr }, shown: () => shown, rawModes };
}

describe('readNewPassword', () => {
  it('asks twice at a terminal with echo off and never shows the password', async () => {
    const tty = terminal(['secret-1x\u007f23\r', 'secret-123\r']);
    await expect(readNewPassword(tty.io, false)).resolves.toBe('secret-123');
    expect(tty.shown()).toBe('Password: \nRepeat password: \n');
    expect(tty.rawModes).toEqual([true, false, true, false]);
  });

  it('refuses two different passwords', async () => {
    const tty = terminal(['secret-123\r', 'secret-124\r']);
    await expect(readNewPassword(tty.io, false)).rejects.toThrow(/differ/);
  });

  it('stops on Ctrl-C', async () => {
    const tty = terminal(['secr\u0003']);
    await expect(readNewPassword(tty.io, false)).rejects.toThrow(/Cancelled/);
    expect(tty.rawModes).toEqual([true, false]);
  });

  it('reads standard input, dropping one trailing newline only', async () => {
    const io = (text: string): CliIo => ({
      stdin: PassThrough.from([text]),
      stdout: new PassThrough(),
      stderr: new PassThrough(),
    });
    await expect(readNewPassword(io('pass word \n'), true)).resolves.toBe('pass word ');
    await expect(readNewPassword(io('12345678\r\n'), true)).resolves.toBe('12345678');
    await expect(readNewPassword(io('1234567\n'), true)).rejects.toThrow(/too short: use at least 8/);
  });
});
