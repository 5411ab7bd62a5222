/**
 * Writes a PNG's resolution (the pHYs chunk). Without it Word and most layout tools read any PNG as
 * 72 dpi, so a 300-dpi diagram lands four times too large.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG defines it (ISO 3309), over chunk type and data. Node 20 has no zlib.crc32. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Pixels per metre for a dots-per-inch value: 300 dpi is 11811 px/m (PNG spec, pHYs unit 1 = metre). */
export function pixelsPerMetre(dpi: number): number {
  return Math.round(dpi / 0.0254);
}

/** The PNG with a pHYs chunk saying `dpi`, placed right after IHDR (it must come before IDAT). */
export function withPngResolution(png: Buffer, dpi: number): Buffer {
  const ihdrEnd = 8 + 4 + 4 + 13 + 4;
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('Not a PNG: no IHDR chunk first.');
  const ppm = pixelsPerMetre(dpi);
  const body = Buffer.alloc(4 + 9);
  body.write('pHYs', 0, 'latin1');
  body.writeUInt32BE(ppm, 4);
  body.writeUInt32BE(ppm, 8);
  body.writeUInt8(1, 12);
  const chunk = Buffer.alloc(4 + body.length + 4);
  chunk.writeUInt32BE(9, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), 4 + body.length);
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]);
}

/** The pHYs chunk's pixels per metre and unit, if the PNG has one. */
export function readPngResolution(
  png: Buffer,
): { x: number; y: number; unit: number; crcOk: boolean } | null {
  let at = 8;
  while (at + 8 <= png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'pHYs') {
      const crc = png.readUInt32BE(at + 8 + length);
      return {
        x: png.readUInt32BE(at + 8),
        y: png.readUInt32BE(at + 12),
        unit: png.readUInt8(at + 16),
        crcOk: crc === crc32(png.subarray(at + 4, at + 8 + length)),
      };
    }
    if (type === 'IDAT' || type === 'IEND') return null;
    at += 12 + length;
  }
  return null;
}
