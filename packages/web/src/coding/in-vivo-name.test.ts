import { describe, expect, it } from 'vitest';
import { inVivoName } from './in-vivo-name';

describe('inVivoName', () => {
  it('collapses whitespace and trims quotes around the words', () => {
    expect(inVivoName('  “we relied on\n volunteers”  ')).toBe('we relied on volunteers');
  });

  it('keeps a name within 200 characters, cut at a word', () => {
    const long = 'word '.repeat(100);
    const name = inVivoName(long);
    expect(name.length).toBeLessThanOrEqual(200);
    expect(name.endsWith('word…')).toBe(true);
  });
});
