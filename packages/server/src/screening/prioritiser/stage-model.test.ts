import { defaultModelSettings } from '@weft/core';
import { afterAll, describe, expect, it } from 'vitest';
import { ModelWorker } from './model-worker.js';
import { StageModels, type TrainRequest } from './stage-model.js';

/** A corpus where the answer is obvious: records about cats are the relevant ones. */
const TEXTS = [
  'Cats and kittens at home: feline behaviour in domestic cats',
  'Dog walking and canine exercise in city parks',
  'Feline nutrition: what cats eat and why kittens need taurine',
  'Training puppies: canine obedience and dog behaviour',
  'Cat ownership, feline welfare and indoor cats',
  'Dogs at work: canine assistance and guide dogs',
  'Kittens and cats: feline play behaviour observed at home',
  'Sheep dogs and herding: canine instinct in working dogs',
];
const CATS = [0, 2, 4, 6];

function request(overrides: Partial<TrainRequest> = {}): TrainRequest {
  return {
    stageId: 'stage-1',
    corpusKey: 'corpus-1',
    texts: TEXTS,
    // One cat record included, one dog record excluded.
    labelledRows: Int32Array.from([0, 1]),
    labels: Uint8Array.from([1, 0]),
    settings: defaultModelSettings,
    seed: 7,
    ...overrides,
  };
}

function expectCatsFirst(scores: Float64Array) {
  const unlabelled = [2, 3, 4, 5, 6, 7].sort((a, b) => (scores[b] as number) - (scores[a] as number));
  expect(unlabelled.slice(0, 3).sort()).toEqual([2, 4, 6]);
  for (const cat of CATS)
    for (const dog of [3, 5, 7]) expect(scores[cat]).toBeGreaterThan(scores[dog] as number);
}

describe('StageModels', () => {
  it('ranks the unlabelled cat records above the dog records after one include and one exclude', () => {
    const outcome = new StageModels().train(request());
    expect(outcome.kind).toBe('trained');
    if (outcome.kind === 'trained') expectCatsFirst(outcome.scores);
  });

  it('keeps the matrix between retrains, asks for texts when the records change, warm-starts only on added labels', () => {
    const models = new StageModels();
    models.train(request());
    const again = models.train(
      request({
        texts: undefined,
        labelledRows: Int32Array.from([0, 1, 2]),
        labels: Uint8Array.from([1, 0, 1]),
      }),
    );
    expect(again.kind === 'trained' && again.timings.vectoriseMs).toBe(0);
    expect(again.kind === 'trained' && again.warmStart).toBe(true);
    // A changed label is not an addition: train from scratch.
    const changed = models.train(
      request({
        texts: undefined,
        labelledRows: Int32Array.from([0, 1, 2]),
        labels: Uint8Array.from([1, 0, 0]),
      }),
    );
    expect(changed.kind === 'trained' && changed.warmStart).toBe(false);
    expect(models.train(request({ corpusKey: 'corpus-2', texts: undefined })).kind).toBe('need-corpus');
  });
});

describe('ModelWorker', () => {
  const worker = new ModelWorker();
  afterAll(() => worker.terminate());

  it('trains in a worker thread and ranks cats first; the worker keeps the corpus', async () => {
    const first = await worker.train(request());
    expect(first.kind).toBe('trained');
    if (first.kind === 'trained') expectCatsFirst(first.scores);
    const second = await worker.train(request({ texts: undefined }));
    expect(second.kind).toBe('trained');
    if (second.kind === 'trained') {
      expect(second.timings.vectoriseMs).toBe(0);
      expectCatsFirst(second.scores);
    }
  });
});
