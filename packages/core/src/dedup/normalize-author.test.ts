import { describe, expect, it } from 'vitest';
import { normalizeAuthor, sameAuthor, splitWholeName } from './normalize-author.js';

describe('normalizeAuthor', () => {
  it.each([
    ['Smith, J. A.', { family: 'Smith', given: 'J. A.' }],
    ['John A Smith', { family: 'John A Smith', literal: 'John A Smith' }],
    ['SMITH JA', { family: 'SMITH JA' }],
    ['Smith JA', { family: 'Smith', given: 'JA' }],
    ['Smith, John Alan', { family: 'Smith', given: 'John Alan' }],
  ])('reads %s as smith / ja', (_, name) => {
    const key = normalizeAuthor(name);
    expect(key.family).toBe('smith');
    expect(key.initials).toBe('ja');
  });

  it('keeps particles and hyphens inside the family name', () => {
    expect(normalizeAuthor({ family: 'Le Quintrec', given: 'M.' }).family).toBe(
      normalizeAuthor({ family: 'Le-Quintrec', given: 'M' }).family,
    );
  });

  it('folds diacritics', () => {
    expect(normalizeAuthor({ family: 'Müller', given: 'Jürgen' })).toMatchObject({
      family: 'muller',
      initials: 'j',
    });
  });

  it('treats "null" given names as missing', () => {
    expect(normalizeAuthor({ family: 'Si Hyun Kang', given: 'null' })).toMatchObject({
      family: 'kang',
      initials: 'sh',
    });
  });

  it('does not split organisations', () => {
    expect(splitWholeName('European Stroke Organisation')).toBeUndefined();
    expect(normalizeAuthor({ family: '', literal: 'CROSS Trial Collaborators' }).literal).toBe(true);
  });
});

describe('sameAuthor', () => {
  const key = (family: string, given?: string) => normalizeAuthor({ family, ...(given ? { given } : {}) });

  it('matches initials against full given names', () => {
    expect(sameAuthor(key('Smith', 'John A.'), key('Smith', 'J'))).toBe(true);
  });

  it('rejects a different first initial', () => {
    expect(sameAuthor(key('Smith', 'John'), key('Smith', 'Peter'))).toBe(false);
  });

  it('tolerates one typo in a long family name', () => {
    expect(sameAuthor(key('Constantinidou', 'F'), key('Constantinidu', 'F'))).toBe(true);
  });

  it('treats a "?" an export put for a letter it could not encode as that letter', () => {
    expect(sameAuthor(key('Wo?niak', 'K'), key('Wozniak', 'K'))).toBe(true);
    expect(sameAuthor(key('Gro?mann', 'K'), key('Grossmann', 'K'))).toBe(true);
    expect(sameAuthor(key('Wo?niak', 'K'), key('Wolniakowski', 'K'))).toBe(false);
    expect(sameAuthor(key('Wo?niak', 'K'), key('Wozniak', 'P'))).toBe(false);
  });

  it('matches swapped family and given names', () => {
    expect(sameAuthor(key('Ching-yi', 'Wu'), key('Wu', 'C. Y.'))).toBe(true);
  });
});
