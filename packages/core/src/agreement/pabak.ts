import type { ContingencyTable } from './contingency-table.js';
import { percentAgreement } from './percent-agreement.js';

/**
 * Prevalence-adjusted bias-adjusted kappa (Byrt, Bishop & Carlin 1993, J Clin Epidemiol
 * 46:423): κ with chance agreement fixed at 1/k, i.e. (k·p_o − 1)/(k − 1); for two categories
 * 2·p_o − 1. Reported beside κ because screening decisions are very unbalanced (most records
 * excluded), where κ is low even when raters almost always agree.
 */
export function pabak(table: ContingencyTable): number {
  const k = table.categories.length;
  if (k < 2) return Number.NaN;
  return (k * percentAgreement(table) - 1) / (k - 1);
}
