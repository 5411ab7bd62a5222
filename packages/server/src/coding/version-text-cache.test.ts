import { describe, expect, it } from 'vitest';
import { VersionTextCache } from './version-text-cache.js';

describe('VersionTextCache', () => {
  it('reads a version once and answers from memory after that', async () => {
    const cache = new VersionTextCache(100);
    let reads = 0;
    const load = async () => {
      reads += 1;
      return 'Interviewer: hello';
    };
    expect(await cache.get('v1', load)).toBe('Interviewer: hello');
    expect(await cache.get('v1', load)).toBe('Interviewer: hello');
    expect(reads).toBe(1);
  });

  it('forgets the least recently used texts beyond its bound, and never keeps a missing one', async () => {
    const cache = new VersionTextCache(10);
    const reads: string[] = [];
    const loader = (id: string, text: string | undefined) => async () => {
      reads.push(id);
      return text;
    };
    await cache.get('a', loader('a', 'aaaa'));
    await cache.get('b', loader('b', 'bbbb'));
    await cache.get('a', loader('a', 'aaaa')); // a is now the most recent
    await cache.get('c', loader('c', 'cccc')); // 12 characters: b goes
    await cache.get('a', loader('a', 'aaaa'));
    await cache.get('b', loader('b', 'bbbb'));
    expect(reads).toEqual(['a', 'b', 'c', 'b']);
    expect(await cache.get('gone', loader('gone', undefined))).toBeUndefined();
    expect(await cache.get('gone', loader('gone', 'now here'))).toBe('now here');
    // A text longer than the whole bound is read each time rather than evicting everything.
    await cache.get('huge', loader('huge', 'x'.repeat(11)));
    await cache.get('huge', loader('huge', 'x'.repeat(11)));
    expect(reads.filter((r) => r === 'huge')).toHaveLength(2);
  });
});
