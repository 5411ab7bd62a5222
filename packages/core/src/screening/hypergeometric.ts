/**
 * The hypergeometric distribution in log space: population N with K successes, n draws without
 * replacement. Screening pools have tens of thousands of records, where binomial coefficients
 * overflow doubles, so everything is a sum of log-gamma terms and the CDF a log-sum-exp.
 */

// Lanczos approximation, g = 7, n = 9 (Numerical Recipes 3rd ed. §6.1 coefficients as
// popularised by Godfrey): about 15 significant digits for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0] as number;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** ln C(n, k); −∞ outside 0 ≤ k ≤ n. */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return Number.NEGATIVE_INFINITY;
  if (k === 0 || k === n) return 0;
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/** ln P(X = k), X ~ Hypergeometric(N, K, n). */
export function hypergeometricLogPmf(k: number, N: number, K: number, n: number): number {
  return logChoose(K, k) + logChoose(N - K, n - k) - logChoose(N, n);
}

/** ln P(X ≤ k), summed with log-sum-exp over the support max(0, n − (N − K)) .. k. */
export function hypergeometricLogCdf(k: number, N: number, K: number, n: number): number {
  const lo = Math.max(0, n - (N - K));
  const hi = Math.min(k, n, K);
  if (hi < lo) return Number.NEGATIVE_INFINITY;
  if (k >= Math.min(n, K)) return 0;
  const terms: number[] = [];
  for (let x = lo; x <= hi; x++) terms.push(hypergeometricLogPmf(x, N, K, n));
  const max = Math.max(...terms);
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - max);
  return Math.min(0, max + Math.log(sum));
}

/** P(X ≤ k). */
export function hypergeometricCdf(k: number, N: number, K: number, n: number): number {
  return Math.exp(hypergeometricLogCdf(k, N, K, n));
}
