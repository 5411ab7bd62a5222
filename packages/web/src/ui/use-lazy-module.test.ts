import { describe, expect, it } from 'vitest';
import { lazyModule } from './use-lazy-module';

describe('lazyModule', () => {
  it('fetches the module once however many components ask, and keeps it for later mounts', async () => {
    let imports = 0;
    const lazy = lazyModule(async () => {
      imports++;
      return { name: 'editor' };
    });
    expect(lazy.loaded).toBeUndefined();
    const [a, b] = await Promise.all([lazy.load(), lazy.load()]);
    expect(a).toBe(b);
    expect(lazy.loaded).toBe(a);
    await lazy.load();
    expect(imports).toBe(1);
  });

  it('tries again after a failed fetch instead of failing for the rest of the session', async () => {
    let attempt = 0;
    const lazy = lazyModule(async () => {
      attempt++;
      if (attempt === 1) throw new Error('chunk not found');
      return { name: 'viewer' };
    });
    await expect(lazy.load()).rejects.toThrow('chunk not found');
    expect(lazy.loaded).toBeUndefined();
    await expect(lazy.load()).resolves.toEqual({ name: 'viewer' });
    expect(attempt).toBe(2);
  });
});
