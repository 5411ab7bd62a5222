import { Readable } from 'node:stream';
import type { StoredUpload } from '@weft/storage';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Half-open byte interval [start, end) of a file. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The one range a `Range` header asks for (RFC 9110 §14.1.2): `bytes=a-b`, `bytes=a-` or the
 * suffix `bytes=-n`. `undefined` means "send the whole file": no header, a malformed one, another
 * unit, or several ranges (allowed to be ignored, and pdf.js never asks for more than one).
 * `'unsatisfiable'` means none of the asked bytes exist (416).
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, first, last] = match as unknown as [string, string, string];
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(size - suffix, 0), end: size };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size : Math.min(Number(last) + 1, size);
  return { start, end };
}

/**
 * Sends a stored upload with the given headers, whole (200) or the one range asked for (206),
 * streamed chunk by chunk so a large scan never sits whole in memory. Ranges let pdf.js draw the
 * first page of a 300-page PDF after fetching only the bytes that page needs.
 */
export function sendUpload(
  request: FastifyRequest,
  reply: FastifyReply,
  upload: StoredUpload,
  headers: Record<string, string>,
): FastifyReply {
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  reply.header('accept-ranges', 'bytes');
  const size = upload.byteSize;
  const range = parseRange(request.headers.range, size);
  if (range === 'unsatisfiable')
    return reply.code(416).header('content-range', `bytes */${size}`).header('content-length', '0').send();
  if (!range) return reply.header('content-length', String(size)).send(Readable.from(upload.chunks()));
  return reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${range.end - 1}/${size}`)
    .header('content-length', String(range.end - range.start))
    .send(Readable.from(upload.range(range.start, range.end)));
}
