declare module 'fontkit' {
  /** The part of fontkit's font object Weft uses: glyph coverage. */
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Buffer): Font;
}
