export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';
export type ReliabilityValue = string | number | null | undefined;

export interface KrippendorffAlpha {
  readonly alpha: number;
  readonly level: MeasurementLevel;
  /** Observed disagreement D_o and expected disagreement D_e; α = 1 − D_o / D_e. */
  readonly observedDisagreement: number;
  readonly expectedDisagreement: number;
  /** Pairable values n (values in units coded by at least two coders). */
  readonly pairableValues: number;
}

/**
 * Krippendorff's α (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability",
 * Annenberg School for Communication, Departmental Papers 43), via the coincidence matrix:
 *
 *   o_ck = Σ_u (number of c–k pairs of values in unit u) / (m_u − 1)
 *   α = 1 − (n − 1) Σ_c Σ_k o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck
 *
 * `data[coder][unit]`; null/undefined = missing. Units with fewer than two values are not
 * pairable and are ignored, so any pattern of missing values is handled. Values must be numbers
 * for the ordinal, interval and ratio levels (ordinal uses only their order).
 */
export function krippendorffAlpha(
  data: readonly (readonly ReliabilityValue[])[],
  level: MeasurementLevel = 'nominal',
): KrippendorffAlpha {
  const unitCount = Math.max(0, ...data.map((row) => row.length));
  const units: (string | number)[][] = [];
  for (let u = 0; u < unitCount; u++) {
    const values: (string | number)[] = [];
    for (const row of data) {
      const v = row[u];
      if (v !== null && v !== undefined) values.push(v);
    }
    if (values.length >= 2) units.push(values);
  }
  if (level !== 'nominal') {
    for (const unit of units) {
      for (const v of unit)
        if (typeof v !== 'number') throw new RangeError(`${level} α needs numeric values`);
    }
  }
  const distinct = [...new Set(units.flat())].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
  );
  const index = new Map(distinct.map((v, i) => [v, i]));
  const v = distinct.length;
  const o = Array.from({ length: v }, () => new Float64Array(v));
  for (const unit of units) {
    const weight = 1 / (unit.length - 1);
    for (let i = 0; i < unit.length; i++) {
      for (let j = 0; j < unit.length; j++) {
        if (i === j) continue;
        const c = index.get(unit[i] as string | number) as number;
        const k = index.get(unit[j] as string | number) as number;
        (o[c] as Float64Array)[k] = ((o[c] as Float64Array)[k] as number) + weight;
      }
    }
  }
  const nc = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = nc.reduce((a, b) => a + b, 0);
  const delta = distanceFunction(level, distinct, nc);
  let observedSum = 0;
  let expectedSum = 0;
  for (let c = 0; c < v; c++) {
    for (let k = 0; k < v; k++) {
      const d = delta(c, k);
      observedSum += ((o[c] as Float64Array)[k] as number) * d;
      expectedSum += (nc[c] as number) * (nc[k] as number) * d;
    }
  }
  const observedDisagreement = n > 0 ? observedSum / n : Number.NaN;
  const expectedDisagreement = n > 1 ? expectedSum / (n * (n - 1)) : Number.NaN;
  return {
    alpha: 1 - observedDisagreement / expectedDisagreement,
    level,
    observedDisagreement,
    expectedDisagreement,
    pairableValues: n,
  };
}

/** δ²_ck for each level (Krippendorff 2011, section "Difference functions"). */
function distanceFunction(
  level: MeasurementLevel,
  values: readonly (string | number)[],
  nc: readonly number[],
): (c: number, k: number) => number {
  switch (level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'interval':
      return (c, k) => ((values[c] as number) - (values[k] as number)) ** 2;
    case 'ratio':
      return (c, k) => {
        const a = values[c] as number;
        const b = values[k] as number;
        return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
      };
    case 'ordinal': {
      // (Σ_{g=c..k} n_g − (n_c + n_k)/2)²: distance in ranks, as the marginals spread them.
      const cumulative = [0];
      for (const x of nc) cumulative.push((cumulative[cumulative.length - 1] as number) + x);
      return (c, k) => {
        if (c === k) return 0;
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        const between = (cumulative[hi + 1] as number) - (cumulative[lo] as number);
        return (between - ((nc[c] as number) + (nc[k] as number)) / 2) ** 2;
      };
    }
  }
}
