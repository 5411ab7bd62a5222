import { describe, expect, it } from 'vitest';
import { cleanTitle, cutUnclosedTail } from './clean-title.js';

const base = 'effect of early mobilisation after stroke';

describe('cleanTitle', () => {
  it.each([
    ['trailing period', 'Effect of early mobilisation after stroke.'],
    ['[Article in German]', 'Effect of early mobilisation after stroke. [Article in German]'],
    ['Embase language tail', 'Effect of early mobilisation after stroke. [Chinese]'],
    ['several languages', 'Effect of early mobilisation after stroke [English, French]'],
    ['MEDLINE translated title in brackets', '[Effect of early mobilisation after stroke].'],
    ['translated title with language tail', '[Effect of early mobilisation after stroke]. [Spanish]'],
    ["author's translation", "Effect of early mobilisation after stroke (author's transl)"],
    ['review and reference count', 'Effect of early mobilisation after stroke. [Review] [88 refs]'],
    [
      'erratum cross-reference',
      'Effect of early mobilisation after stroke.[Erratum appears in Stroke. 2010;41(3):e12]',
    ],
    [
      'nested cross-reference',
      'Effect of early mobilisation after stroke.[Erratum appears in Stroke 2013;27(3):377 Note: Small, S [added]]',
    ],
    [
      'corrected and erratum tails',
      'Effect of early mobilisation after stroke... [corrected][published erratum appears in X]',
    ],
    ['Embase letter tail', 'Effect of early mobilisation after stroke (multiple letters) [1]'],
    ['abstract number', 'Effect of early mobilisation after stroke [abstract no: 134]'],
    [
      'original-language title',
      'Effect of early mobilisation after stroke <ORIGINAL> WIRKUNG DER FRUHMOBILISATION',
    ],
    ['language field tail', '[Effect of early mobilisation after stroke] LA: Ger'],
    [
      'Web of Science correction citation',
      'Effect of early mobilisation after stroke (vol 41, pg 553, 2010)',
    ],
    ['Embase correction citation', 'Effect of early mobilisation after stroke (Stroke (2010) 41 (553-559))'],
    [
      'cited article after an ellipsis',
      'Effect of early mobilisation after stroke... N Engl J Med. 2009 Jan 29;360(5):544-6',
    ],
    ['quotation marks around a bracketed title', '"[Effect of early mobilisation after stroke]."'],
    [
      'a citation cut off by a length limit',
      'Effect of early mobilisation after stroke (International Journal of Str',
    ],
  ])('removes %s', (_, raw) => {
    expect(cleanTitle(raw)).toBe(base);
  });

  it('keeps brackets that are part of the title', () => {
    expect(cleanTitle('Stroke [corrected] outcomes (CROSS trial) in 2010')).toBe(
      'stroke corrected outcomes cross trial in 2010',
    );
  });
});

describe('cutUnclosedTail', () => {
  it('cuts from the first bracket that never closes', () => {
    expect(cutUnclosedTail('Walking speed after stroke (WALK trial) in rural clinics (Stroke (Dec')).toBe(
      'Walking speed after stroke (WALK trial) in rural clinics',
    );
  });

  it('keeps a cut-off tail that holds a number or a part, which may tell two works apart', () => {
    expect(cutUnclosedTail('Walking speed after stroke in rural clinics (Part 2')).toBe(
      'Walking speed after stroke in rural clinics (Part 2',
    );
    expect(cutUnclosedTail('Walking speed after stroke in rural clinics (12 month')).toBe(
      'Walking speed after stroke in rural clinics (12 month',
    );
  });

  it('leaves balanced titles and brackets near the start alone', () => {
    expect(cutUnclosedTail('Walking speed after stroke (WALK trial)')).toBe(
      'Walking speed after stroke (WALK trial)',
    );
    expect(cutUnclosedTail('[Walking speed after stroke')).toBe('[Walking speed after stroke');
  });
});
