/** A file to read as a stream: its size and a way to read its bytes from the start, chunk by chunk. */
export interface ChunkSource {
  byteSize: number;
  /** Each call reads the file again from the start (the import reads it twice: probe, then parse). */
  chunks(): AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/** Bytes in memory or a stored upload (openUpload in @weft/storage has this shape). */
export type ByteSource = Uint8Array | ChunkSource;

/** Slices of a buffer already in memory: views, no copies. */
export const SLICE_BYTES = 1024 * 1024;

export function asChunkSource(source: ByteSource): ChunkSource {
  if (!(source instanceof Uint8Array)) return source;
  return {
    byteSize: source.byteLength,
    *chunks() {
      for (let start = 0; start < source.byteLength; start += SLICE_BYTES)
        yield source.subarray(start, start + SLICE_BYTES);
    },
  };
}

/** The chunks without their first `count` bytes (a byte order mark the decoder must not see). */
export async function* skipBytes(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  count: number,
): AsyncGenerator<Uint8Array> {
  let left = count;
  for await (const chunk of chunks) {
    if (left >= chunk.byteLength) {
      left -= chunk.byteLength;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}

/** Counts the bytes that pass, for a progress estimate. */
export async function* countBytes(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  read: { bytes: number },
): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    read.bytes += chunk.byteLength;
    yield chunk;
  }
}
