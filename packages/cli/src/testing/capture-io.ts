import { Readable, Writable } from 'node:stream';
import type { CliIo } from '../cli-io.js';
import { run } from '../main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** Runs the real CLI in this process with fake streams; stdin is empty unless given. */
export async function runInProcess(args: string[], stdin = ''): Promise<CliResult> {
  const out = collector();
  const err = collector();
  const io: CliIo = { stdin: Readable.from([stdin]), stdout: out.stream, stderr: err.stream };
  const code = await run(['node', 'weft', ...args], io);
  return { code, stdout: out.text(), stderr: err.text() };
}
