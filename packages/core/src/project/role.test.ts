import { describe, expect, it } from 'vitest';
import { roleAtLeast } from './role.js';

describe('roleAtLeast', () => {
  it('orders owner ⊇ lead ⊇ reviewer ⊇ viewer', () => {
    expect(roleAtLeast('owner', 'lead')).toBe(true);
    expect(roleAtLeast('lead', 'lead')).toBe(true);
    expect(roleAtLeast('reviewer', 'lead')).toBe(false);
    expect(roleAtLeast('viewer', 'reviewer')).toBe(false);
    expect(roleAtLeast('reviewer', 'viewer')).toBe(true);
  });
});
