import { type CohensKappa, cohensKappa } from './cohens-kappa.js';
import { type ContingencyTable, crossTabulate } from './contingency-table.js';
import { type GwetAc1, gwetAc1 } from './gwet-ac1.js';
import { krippendorffAlpha } from './krippendorff-alpha.js';
import { pabak } from './pabak.js';
import { percentAgreement } from './percent-agreement.js';

/** Two reviewers' verdicts on one record (e.g. 'include' / 'exclude' / 'maybe'). */
export interface DecisionPair {
  readonly recordId: string;
  readonly first: string;
  readonly second: string;
}

export interface AgreementSummary {
  /** Records decided by both reviewers. */
  readonly n: number;
  readonly table: ContingencyTable;
  readonly percentAgreement: number;
  readonly cohensKappa: CohensKappa;
  readonly pabak: number;
  readonly gwetAc1: GwetAc1;
  /** Nominal α, which (unlike κ) corrects for small samples; equal to Scott's π as n grows. */
  readonly krippendorffAlpha: number;
}

/**
 * Every two-rater statistic for a dual-screened sample at once, as the screening report shows
 * them: κ alone misleads when almost everything is excluded, so PABAK and AC1 sit beside it.
 * `categories` fixes the category set (pass all possible verdicts so unused ones still count
 * for PABAK and AC1).
 */
export function agreementFromDecisions(
  pairs: readonly DecisionPair[],
  categories?: readonly string[],
): AgreementSummary {
  const table = crossTabulate(
    pairs.map((p) => [p.first, p.second] as const),
    categories,
  );
  return {
    n: table.n,
    table,
    percentAgreement: percentAgreement(table),
    cohensKappa: cohensKappa(table),
    pabak: pabak(table),
    gwetAc1: gwetAc1(table),
    krippendorffAlpha: krippendorffAlpha([pairs.map((p) => p.first), pairs.map((p) => p.second)], 'nominal')
      .alpha,
  };
}
