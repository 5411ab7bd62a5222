import { describe, expect, it } from 'vitest';
import { createVectorizer } from './create-vectorizer.js';
import { asreviewDoubleBalance } from './double-balance.js';
import { defaultModelSettings } from './model-settings.js';
import { rankUnlabelled } from './rank-unlabelled.js';
import { simulateScreening } from './simulate.js';
import { trainClassifier } from './train-classifier.js';

// Relevant records share distinctive words (sleep, insomnia, melatonin); the rest are about
// other things. Each topic word appears in several documents so minDf 2 keeps it.
const relevant = [
  'Melatonin for insomnia in older adults: a randomised trial of sleep quality',
  'Cognitive behavioural therapy for insomnia improves sleep onset',
  'Sleep hygiene and melatonin in adolescents with chronic insomnia',
  'Insomnia treatment with melatonin: effects on sleep duration',
  'A trial of sleep restriction therapy for insomnia',
];
const irrelevant = [
  'Road traffic injuries in urban cyclists: a cohort study',
  'Dietary salt and blood pressure in rural populations',
  'Hand hygiene compliance among hospital nurses',
  'Blood pressure control with salt substitutes in hypertension',
  'Bicycle helmets and head injuries in urban traffic',
  'Nurse staffing and hospital mortality',
  'Salt intake and stroke in a rural cohort',
  'Helmet laws and cyclist injuries',
  'Hypertension screening in hospital outpatients',
  'Traffic calming and pedestrian injuries in cities',
];
const texts = [...relevant, ...irrelevant];
const labels = texts.map((_, i) => i < relevant.length);
const settings = { ...defaultModelSettings, features: { ...defaultModelSettings.features, minDf: 2 } };

const svm = { kind: 'svm', c: 0.11, positiveWeight: 2, tolerance: 1e-3, maxEpochs: 50 } as const;

describe('prioritisation model', () => {
  it('vectorises to L2-normalised TF-IDF rows with unigrams and bigrams', () => {
    const matrix = createVectorizer(texts, settings.features);
    expect(matrix.rowCount).toBe(texts.length);
    expect(matrix.terms).toContain('insomnia');
    expect(matrix.terms).toContain('blood pressure');
    for (let r = 0; r < matrix.rowCount; r++) {
      let norm = 0;
      for (let k = matrix.indptr[r] as number; k < (matrix.indptr[r + 1] as number); k++)
        norm += (matrix.values[k] as number) ** 2;
      expect(norm).toBeCloseTo(1, 12);
    }
  });

  it('ranks the records sharing the relevant one’s distinctive words first', () => {
    const matrix = createVectorizer(texts, settings.features);
    const model = trainClassifier(matrix, [0, 5], [true, false], settings.classifier);
    const labelled = texts.map((_, i) => i === 0 || i === 5);
    const ranking = rankUnlabelled(matrix, model, labelled);
    expect(ranking.slice(0, 4).sort()).toEqual([1, 2, 3, 4]);
  });

  it('warm start reaches the same solution as a cold start', () => {
    const matrix = createVectorizer(texts, settings.features);
    const first = trainClassifier(matrix, [0, 5], [true, false], svm);
    const rows = [0, 5, 1, 6, 7];
    const rowLabels = rows.map((r) => labels[r] as boolean);
    const warm = trainClassifier(
      matrix,
      rows,
      rowLabels,
      { ...svm, tolerance: 1e-9, maxEpochs: 5000 },
      first,
    );
    const cold = trainClassifier(matrix, rows, rowLabels, {
      ...svm,
      tolerance: 1e-9,
      maxEpochs: 5000,
    });
    for (let j = 0; j < matrix.columnCount; j++)
      expect(warm.weights[j]).toBeCloseTo(cold.weights[j] as number, 6);
  });

  it('simulates a review that finds every relevant record first, deterministically', () => {
    const a = simulateScreening({ texts, labels, seed: 7, settings });
    const b = simulateScreening({ texts, labels, seed: 7, settings });
    expect(a.order).toEqual(b.order);
    expect(a.priors).toHaveLength(2);
    // 4 relevant left after the prior one; all found in the first 4 screened.
    expect(a.labelsInOrder).toEqual([true, true, true, true]);
    expect(a.metrics.wss100).toBeCloseTo((13 - 4) / 13, 12);
    expect(JSON.parse(JSON.stringify(a.settings))).toEqual(settings);
  });

  const mnb = {
    kind: 'multinomial-nb',
    alpha: 3.822,
    balance: asreviewDoubleBalance,
  } as const;

  it('resampled multinomial NB ranks the relevant records first, the same for a seed', () => {
    const matrix = createVectorizer(texts, settings.features);
    const a = trainClassifier(matrix, [0, 1, 5, 6, 7], [true, true, false, false, false], mnb, undefined, 4);
    const b = trainClassifier(matrix, [0, 1, 5, 6, 7], [true, true, false, false, false], mnb, undefined, 4);
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    const labelled = texts.map((_, i) => [0, 1, 5, 6, 7].includes(i));
    expect(rankUnlabelled(matrix, a, labelled).slice(0, 3).sort()).toEqual([2, 3, 4]);
    const run = (seed: number) =>
      simulateScreening({ texts, labels, seed, settings: { ...settings, classifier: mnb } }).order;
    expect(run(3)).toEqual(run(3));
  });

  it('an ensemble of SVM and NB is one linear model and finds every relevant record first', () => {
    const ensemble = { kind: 'ensemble', members: [svm, mnb], weights: [1, 1] } as const;
    const a = simulateScreening({ texts, labels, seed: 2, settings: { ...settings, classifier: ensemble } });
    expect(a.labelsInOrder).toEqual([true, true, true, true]);
    const matrix = createVectorizer(texts, settings.features);
    const model = trainClassifier(matrix, [0, 5], [true, false], ensemble, undefined, 1);
    expect(model.members).toHaveLength(2);
    expect(model.weights).toHaveLength(matrix.columnCount);
  });

  it('drops English stop words before building n-grams', () => {
    const matrix = createVectorizer(['the effect of salt on the heart', 'salt and the heart'], {
      ...settings.features,
      minDf: 1,
      maxDf: 1,
      stopWords: 'english',
    });
    expect(matrix.terms).not.toContain('the');
    expect(matrix.terms).toContain('salt heart');
    expect(matrix.terms).toContain('effect salt');
  });
});
