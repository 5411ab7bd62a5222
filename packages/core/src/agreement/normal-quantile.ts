/** z for a two-sided 95 % interval, Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

/** A Wald interval estimate ± z·se. */
export function waldInterval(estimate: number, standardError: number, z = Z_95): readonly [number, number] {
  return [estimate - z * standardError, estimate + z * standardError];
}
