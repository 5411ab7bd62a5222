import { describe, expect, it } from 'vitest';
import { relativeTime } from './time';

describe('relativeTime', () => {
  const now = Date.parse('2024-05-01T12:00:00Z');
  it('says "just now" for the last few seconds', () => {
    expect(relativeTime('2024-05-01T11:59:40Z', now)).toBe('just now');
  });
  it('counts minutes, hours and days', () => {
    expect(relativeTime('2024-05-01T11:55:00Z', now)).toMatch(/5 minutes ago/);
    expect(relativeTime('2024-05-01T09:00:00Z', now)).toMatch(/3 hours ago/);
    expect(relativeTime('2024-04-28T12:00:00Z', now)).toMatch(/3 days ago/);
  });
  it('returns an empty string for a bad date', () => {
    expect(relativeTime('not a date', now)).toBe('');
  });
});
