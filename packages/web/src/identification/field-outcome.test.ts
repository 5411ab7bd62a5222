import { describe, expect, it } from 'vitest';
import { fieldOutcome } from './field-outcome';

const abstract = 'Background: stroke recurrence is common. Methods: a trial.';

describe('fieldOutcome', () => {
  it('calls identical abstracts the same when the engine did not compare them (too short to weigh)', () => {
    expect(fieldOutcome(abstract, abstract, { outcome: 'missing' })).toBe('same');
  });

  it('compares as text when the engine skipped the field, ignoring case and punctuation', () => {
    expect(fieldOutcome(abstract, abstract.toUpperCase().replace(/\./g, ''), { outcome: 'missing' })).toBe(
      'same',
    );
    expect(fieldOutcome(abstract, 'Another abstract entirely.', { outcome: 'missing' })).toBe('differs');
  });

  it('says missing only when a record lacks the value', () => {
    expect(fieldOutcome(abstract, '', { outcome: 'missing' })).toBe('missing');
    expect(fieldOutcome('', abstract, undefined)).toBe('missing');
  });

  it("keeps the engine's verdict when it weighed the field", () => {
    expect(fieldOutcome(abstract, abstract, { outcome: 'agree' })).toBe('agree');
    expect(fieldOutcome('2019', '2020', { outcome: 'similar' })).toBe('similar');
    expect(fieldOutcome('x', 'x', undefined)).toBe('same');
  });
});
