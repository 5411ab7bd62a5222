import { describe, expect, it } from 'vitest';
import { emptyRecord } from '../records/bibliographic-record.js';
import { detectNotice } from './detect-notice.js';

const titled = (title: string) => detectNotice({ ...emptyRecord(), title });

describe('detectNotice', () => {
  it.each([
    ['Erratum: Early mobilisation after stroke', 'erratum'],
    ['Correction to: Early mobilisation after stroke', 'erratum'],
    ['Corrigendum to "Early mobilisation after stroke"', 'erratum'],
    ["Publisher's Note: Early mobilisation", undefined],
    ['Author Correction: Early mobilisation after stroke', 'erratum'],
    ['Early mobilisation after stroke (vol 41, pg 553, 2010)', 'erratum'],
    ['Early mobilisation after stroke (Stroke (2010) 41 (553-559))', 'erratum'],
    ['Retraction notice to "Early mobilisation after stroke"', 'retraction'],
    ['Notice of retraction: Early mobilisation after stroke', 'retraction'],
    ['RETRACTED: Early mobilisation after stroke', 'retracted'],
    ['Early mobilisation after stroke [Retracted]', 'retracted'],
    ['Expression of concern: Early mobilisation after stroke', 'expression-of-concern'],
    ['Comment on: Early mobilisation after stroke', 'comment'],
    ['Re: Early mobilisation after stroke', 'comment'],
    ['Reply to: Early mobilisation after stroke', 'reply'],
    ['In reply', 'reply'],
    ['Early mobilisation after stroke - Reply', 'reply'],
    ['Early mobilisation after stroke', undefined],
    ['Re-evaluation of early mobilisation after stroke', undefined],
    ['Correctional officers and stroke', undefined],
  ])('%s → %s', (title, kind) => {
    expect(titled(title)).toBe(kind);
  });

  it('reads the publication type first', () => {
    expect(detectNotice({ ...emptyRecord(), title: 'Early mobilisation', publicationType: 'erratum' })).toBe(
      'erratum',
    );
  });
});
