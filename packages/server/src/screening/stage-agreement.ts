import { type AgreementSummary, agreementFromDecisions, type DecisionPair } from '@weft/core';
import type { AgreementResponse, AgreementStatisticsView, PairAgreementView } from '@weft/protocol';
import type { StoredDecision, StoredReason } from '@weft/storage';

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function statistics(summary: AgreementSummary): AgreementStatisticsView {
  const kappa = finite(summary.cohensKappa.kappa);
  const [low, high] = summary.cohensKappa.ci95;
  return {
    n: summary.n,
    percentAgreement: summary.percentAgreement,
    kappa,
    // The Wald interval can pass ±1 on small samples; κ cannot, so the shown interval stops there.
    kappaCi95:
      kappa !== null && Number.isFinite(low) && Number.isFinite(high)
        ? [Math.max(-1, low), Math.min(1, high)]
        : null,
    pabak: finite(summary.pabak),
    gwetAc1: finite(summary.gwetAc1.ac1),
  };
}

/**
 * Agreement at a stage from the current decisions, computed by core: overall (each record's
 * first two decisions) and per reviewer pair (records both decided), plus, where the stage has
 * exclusion reasons, per reason over the records both reviewers excluded (did each cite it).
 * The verdict categories are the ones used at the stage, at least include and exclude: "maybe"
 * only enters PABAK's and AC1's category count once someone has used it.
 */
export function stageAgreement(
  stageId: string,
  decisions: readonly StoredDecision[],
  reasons: readonly StoredReason[],
): AgreementResponse {
  const byRecord = new Map<string, StoredDecision[]>();
  const names = new Map<string, string>();
  for (const d of decisions) {
    names.set(d.reviewerId, d.reviewerName);
    const list = byRecord.get(d.recordId) ?? [];
    list.push(d);
    byRecord.set(d.recordId, list);
  }
  const used = new Set<string>(['exclude', 'include']);
  for (const list of byRecord.values()) if (list.length > 1) for (const d of list) used.add(d.decision);
  const categories = [...used].sort();

  const overallPairs: DecisionPair[] = [];
  for (const [recordId, list] of byRecord) {
    const [first, second] = [...list].sort((a, b) => a.at.getTime() - b.at.getTime());
    if (first && second) overallPairs.push({ recordId, first: first.decision, second: second.decision });
  }
  const overall =
    overallPairs.length > 0 ? statistics(agreementFromDecisions(overallPairs, categories)) : null;

  const reviewers = [...names.keys()].sort();
  const pairs: PairAgreementView[] = [];
  for (let i = 0; i < reviewers.length; i++) {
    for (let j = i + 1; j < reviewers.length; j++) {
      const a = reviewers[i] as string;
      const b = reviewers[j] as string;
      const both: Array<[StoredDecision, StoredDecision]> = [];
      for (const list of byRecord.values()) {
        const da = list.find((d) => d.reviewerId === a);
        const db = list.find((d) => d.reviewerId === b);
        if (da && db) both.push([da, db]);
      }
      if (both.length === 0) continue;
      const summary = agreementFromDecisions(
        both.map(([da, db]) => ({ recordId: da.recordId, first: da.decision, second: db.decision })),
        categories,
      );
      const excludedByBoth = both.filter(
        ([da, db]) => da.decision === 'exclude' && db.decision === 'exclude',
      );
      const perReason =
        excludedByBoth.length === 0
          ? []
          : reasons.map((reason) => {
              const cited = (d: StoredDecision) => (d.reasonIds.includes(reason.id) ? 'cited' : 'not cited');
              const reasonSummary = agreementFromDecisions(
                excludedByBoth.map(([da, db]) => ({
                  recordId: da.recordId,
                  first: cited(da),
                  second: cited(db),
                })),
                ['cited', 'not cited'],
              );
              return { reasonId: reason.id, label: reason.label, ...statistics(reasonSummary) };
            });
      pairs.push({
        reviewerIds: [a, b],
        reviewerNames: [names.get(a) ?? '', names.get(b) ?? ''],
        ...statistics(summary),
        perReason,
      });
    }
  }
  return { stageId, overall, pairs };
}
