import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './timestamp.js';

describe('parseTimestamp', () => {
  it('reads WebVTT, SRT and short forms to milliseconds', () => {
    expect(parseTimestamp('01:02:03.456')).toBe(3_723_456);
    expect(parseTimestamp('01:02:03,456')).toBe(3_723_456);
    expect(parseTimestamp('02:03.4')).toBe(123_400);
    expect(parseTimestamp('100:00:00.000')).toBe(360_000_000);
    expect(parseTimestamp('0:05')).toBe(5000);
  });

  it('rejects what is not a timestamp', () => {
    expect(parseTimestamp('1:2:3')).toBeUndefined();
    expect(parseTimestamp('00:61:00.000')).toBeUndefined();
    expect(parseTimestamp('soon')).toBeUndefined();
  });
});
