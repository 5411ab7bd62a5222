import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { WeftError } from '@weft/core';

/**
 * Writes beside the target and renames at the end, so a failure never leaves half a file
 * (nor destroys an earlier export of the same name).
 */
export async function writeFileAtomically(
  file: string,
  content: string | Uint8Array | AsyncIterable<string | Uint8Array>,
): Promise<void> {
  const chunks = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
  const partial = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
  const out = createWriteStream(partial);
  try {
    await once(out, 'open');
  } catch (error) {
    const reason =
      (error as { code?: string }).code === 'ENOENT' ? 'no such directory' : (error as Error).message;
    throw new WeftError('bad-input', `Cannot write ${file}: ${reason}.`);
  }
  try {
    for await (const chunk of chunks) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    await rename(partial, file);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    if ((error as { code?: string }).code === 'EISDIR') {
      throw new WeftError('bad-input', `Cannot write ${file}: it is a directory.`);
    }
    throw error;
  }
}
