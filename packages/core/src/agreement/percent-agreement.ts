import type { ContingencyTable } from './contingency-table.js';

/** Observed proportion of agreement p_o: the diagonal over all units (a fraction, not %). */
export function percentAgreement(table: ContingencyTable): number {
  if (table.n === 0) return Number.NaN;
  let diagonal = 0;
  table.counts.forEach((row, i) => {
    diagonal += row[i] as number;
  });
  return diagonal / table.n;
}
