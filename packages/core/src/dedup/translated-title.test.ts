import { describe, expect, it } from 'vitest';
import { emptyRecord } from '../records/bibliographic-record.js';
import { prepareRecord } from './prepare-record.js';
import { translationOfEachOther } from './translated-title.js';

const prepared = (title: string) => prepareRecord('x', 0, { ...emptyRecord(), title });

describe('translationOfEachOther', () => {
  const english = prepared('Outcomes of early hip fracture surgery in nursing home residents');
  const translated = prepared('[Early surgery for hip fractures: outcomes among residents of nursing homes]');

  it('accepts two wordings that share most content words when one title is marked as translated', () => {
    expect(translated.translated).toBe(true);
    expect(translationOfEachOther(english, translated, true)).toBe(true);
  });

  it('needs the same printed item', () => {
    expect(translationOfEachOther(english, translated, false)).toBe(false);
  });

  it('needs one title to be marked as translated', () => {
    const reworded = prepared('Early surgery for hip fractures: outcomes among residents of nursing homes');
    expect(reworded.translated).toBe(false);
    expect(translationOfEachOther(english, reworded, true)).toBe(false);
  });

  it('rejects titles that share only a few words', () => {
    const other = prepared('[Delirium after hip fracture surgery in the elderly]');
    expect(translationOfEachOther(english, other, true)).toBe(false);
  });
});
