import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatCsvText } from './csv-text.js';

describe('formatCsvText', () => {
  it('quotes what needs quoting and reads back to the same cells', () => {
    const rows = [
      ['Smith, J', 'say "hi"', 'two\nlines', 3],
      [undefined, null, ' padded ', 0],
    ];
    const text = formatCsvText(['a', 'b', 'c', 'n'], rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"two\nlines"');
    expect(text).toContain('" padded "');
    expect(parse(text)).toEqual([
      ['a', 'b', 'c', 'n'],
      ['Smith, J', 'say "hi"', 'two\nlines', '3'],
      ['', '', ' padded ', '0'],
    ]);
  });

  it('adds a BOM only when asked', () => {
    expect(formatCsvText(['a'], []).charCodeAt(0)).toBe(97);
    expect(formatCsvText(['a'], [], { bom: true }).charCodeAt(0)).toBe(0xfeff);
  });
});
