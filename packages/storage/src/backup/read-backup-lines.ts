import { createReadStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { WeftError } from '@weft/core';

export interface BackupLine {
  /** 1-based line number, for error messages. */
  number: number;
  text: string;
}

/**
 * The lines of a gzip'd backup, read as a stream. A damaged or cut-off file becomes a WeftError
 * naming the file and the line where reading stopped, instead of zlib's bare message.
 */
export async function* readBackupLines(file: string): AsyncGenerator<BackupLine> {
  try {
    if (!statSync(file).isFile()) throw new WeftError('bad-input', `${file} is not a file.`, { file });
  } catch (error) {
    if (error instanceof WeftError) throw error;
    throw new WeftError(
      'bad-input',
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`,
      { file },
    );
  }
  const gunzip = createGunzip();
  // pipeline destroys the gunzip stream with any read error, so iterating it rejects.
  pipeline(createReadStream(file), gunzip, () => undefined);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let number = 0;
  try {
    for await (const chunk of gunzip) {
      pending += decoder.write(chunk as Buffer);
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        number++;
        yield { number, text: pending.slice(0, newline) };
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
    }
  } catch (error) {
    if (error instanceof WeftError) throw error;
    const reason =
      (error as NodeJS.ErrnoException).code === 'Z_DATA_ERROR' && number === 0
        ? 'it is not a gzip-compressed Weft backup'
        : (error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR'
          ? 'the file is cut off (truncated)'
          : `the file is damaged (${(error as Error).message})`;
    throw new WeftError('bad-input', `${file} line ${number + 1}: ${reason}. Nothing was restored.`, {
      file,
      line: number + 1,
    });
  } finally {
    gunzip.destroy();
  }
  pending += decoder.end();
  if (pending.length > 0) yield { number: number + 1, text: pending };
}
