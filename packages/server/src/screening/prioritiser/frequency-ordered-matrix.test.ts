import { createVectorizer, defaultModelSettings, scoreRows, trainClassifier } from '@weft/core';
import { describe, expect, it } from 'vitest';
import { orderColumnsByFrequency, scoreOrdered } from './frequency-ordered-matrix.js';

const TEXTS = [
  'cats and kittens at home with cats',
  'dogs in parks and dogs at work',
  'feline nutrition for kittens unusualword',
  'canine training for puppies',
  'cats indoors and feline welfare',
  'guide dogs and canine assistance rareterm',
];

describe('orderColumnsByFrequency', () => {
  it("gives the same scores as core's model on the original matrix (skipped one-record terms are zeros)", () => {
    const original = createVectorizer(TEXTS, defaultModelSettings.features);
    const ordered = orderColumnsByFrequency(original);
    const rows = [0, 1, 2];
    const labels = [true, false, true];
    const settings = defaultModelSettings.classifier;
    const expected = scoreRows(original, trainClassifier(original, rows, labels, settings, undefined, 3));
    const model = trainClassifier(ordered.matrix, rows, labels, settings, undefined, 3);
    const scores = scoreOrdered(ordered, model, Uint8Array.from([1, 1, 1, 0, 0, 0]));
    for (let r = 0; r < TEXTS.length; r++) expect(scores[r]).toBeCloseTo(expected[r] as number, 12);
    // Unlabelled rows stop before their one-record terms ("rareterm" in row 5).
    const { indptr } = ordered.matrix;
    expect(ordered.sharedEnd[5]).toBeLessThan(indptr[6] as number);
    // Columns are renumbered most frequent first.
    const df = new Int32Array(ordered.matrix.columnCount);
    for (const j of ordered.matrix.indices) df[j] = (df[j] as number) + 1;
    for (let j = 1; j < df.length; j++) expect(df[j]).toBeLessThanOrEqual(df[j - 1] as number);
  });
});
