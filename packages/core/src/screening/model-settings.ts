import type { DoubleBalanceSettings } from './double-balance.js';

/**
 * Everything that determines a prioritisation run, as plain JSON. A simulation (or a review
 * reproduced later) stores this object next to its seed; the same settings, seed, texts and
 * labels give the same screening order.
 */
export interface ModelSettings {
  readonly type: 'model-settings';
  readonly version: 1;
  readonly features: {
    readonly kind: 'tfidf';
    /** Smallest and largest n-gram length (words). */
    readonly ngramRange: readonly [number, number];
    /** Terms in fewer than minDf documents are dropped (an integer count). */
    readonly minDf: number;
    /** Terms in more than this fraction of documents are dropped. */
    readonly maxDf: number;
    /** 1 + ln(tf) instead of tf (Salton & Buckley 1988): long abstracts do not dominate. */
    readonly sublinearTf: boolean;
    /** Drop these words before building n-grams ('english': scikit-learn's list). Absent = none. */
    readonly stopWords?: 'english' | 'none';
  };
  readonly classifier: ClassifierSettings;
  readonly query: 'max';
  /**
   * When to retrain: after every label until `everyLabelUntil` records are labelled, then after
   * every ceil(batchFraction × labelled) labels, so the number of retrains grows like a log.
   */
  readonly retrain: { readonly everyLabelUntil: number; readonly batchFraction: number };
}

/** One linear scorer. */
export type SingleClassifierSettings =
  | {
      /** L2-regularised squared-hinge linear SVM, dual coordinate descent (Hsieh et al. 2008). */
      readonly kind: 'svm';
      readonly c: number;
      /** Class weights n / (2 n_class) (scikit-learn's "balanced"), times positiveWeight for relevant. */
      readonly positiveWeight: number;
      readonly tolerance: number;
      readonly maxEpochs: number;
    }
  | {
      /** Multinomial naive Bayes on tf-idf weights with equal class priors. */
      readonly kind: 'nb';
      readonly alpha: number;
    }
  | {
      /**
       * scikit-learn's MultinomialNB (Lidstone smoothing `alpha`) fitted on a training set
       * resampled by `balance` at every training: ASReview v1's default classifier
       * (alpha 3.822 with its "double" balance). The resampling draws from the seeded PRNG.
       */
      readonly kind: 'multinomial-nb';
      readonly alpha: number;
      readonly balance: DoubleBalanceSettings;
    };

export type ClassifierSettings =
  | SingleClassifierSettings
  | {
      /**
       * The sum of the members' scores, each standardised over all records (minus its mean,
       * divided by its standard deviation, so members on different scales count alike), times
       * its weight. Still one linear scorer, since standardising is affine.
       */
      readonly kind: 'ensemble';
      readonly members: readonly SingleClassifierSettings[];
      /** One per member; absent = all 1. */
      readonly weights?: readonly number[];
    };

/**
 * Chosen once for all review sets (users cannot tune per review), measured with
 * scripts/bench/screening-sim.mjs on the five sets in shared/data/screening (3 seeds): minDf 1
 * beat 2 (rare terms are often the distinctive ones with 1 relevant prior), C = 0.11 (ASReview's
 * LinearSVC value) beat 0.5 and 2, and doubling the balanced weight of relevant records beat
 * 1 and 0.3. Naive Bayes on tf-idf was far worse here and is kept only as an option.
 */
export const defaultModelSettings: ModelSettings = {
  type: 'model-settings',
  version: 1,
  features: { kind: 'tfidf', ngramRange: [1, 2], minDf: 1, maxDf: 0.95, sublinearTf: true },
  classifier: { kind: 'svm', c: 0.11, positiveWeight: 2, tolerance: 1e-3, maxEpochs: 50 },
  query: 'max',
  retrain: { everyLabelUntil: 100, batchFraction: 0.02 },
};
