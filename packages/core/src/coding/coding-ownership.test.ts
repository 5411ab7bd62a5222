import { describe, expect, it } from 'vitest';
import { isWeftError } from '../errors.js';
import { mayChangeCoding, requireMayChangeCoding } from './coding-ownership.js';

describe('coding ownership', () => {
  it('lets a coder change their own codings, a lead or owner anyone’s, and nobody below reviewer', () => {
    expect(mayChangeCoding('reviewer', 'ana', 'ana')).toBe(true);
    expect(mayChangeCoding('reviewer', 'ana', 'ben')).toBe(false);
    expect(mayChangeCoding('lead', 'lea', 'ben')).toBe(true);
    expect(mayChangeCoding('owner', 'oli', 'ben')).toBe(true);
    expect(mayChangeCoding('viewer', 'ana', 'ana')).toBe(false);
    expect(mayChangeCoding(undefined, 'ana', 'ana')).toBe(false);
  });

  it('refuses with a forbidden error naming the coding', () => {
    try {
      requireMayChangeCoding('reviewer', 'ana', { id: 'c1', coderId: 'ben' });
      expect.unreachable();
    } catch (error) {
      expect(isWeftError(error) && error.code).toBe('forbidden');
      expect(isWeftError(error) && error.details).toEqual({ codingId: 'c1' });
    }
    expect(() => requireMayChangeCoding('reviewer', 'ana', { id: 'c1', coderId: 'ana' })).not.toThrow();
  });
});
