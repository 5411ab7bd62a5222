export interface PoolClass<T> {
  weight: number;
  /** What the records of this class share; null for records with no outcome at all. */
  value: T | null;
}

export interface PoolEntry<T> {
  key: string;
  weight: number;
  value: T | null;
}

/**
 * Weighted entries whose weights add up, per key, to `totals` and, per class, to the class's
 * weight (both sums must be equal). Used when the flow needs each margin but never the two
 * crossed: how many pool records each search holds, and how the pool's outcomes are
 * distributed. Entries follow the keys' and classes' order; there are at most keys + classes − 1.
 */
export function pairPool<T>(
  totals: ReadonlyMap<string, number>,
  classes: ReadonlyArray<PoolClass<T>>,
): PoolEntry<T>[] {
  const keys = [...totals].filter(([, n]) => n > 0);
  const left = classes.filter((c) => c.weight > 0).map((c) => ({ ...c }));
  const entries: PoolEntry<T>[] = [];
  let c = 0;
  for (const [key, total] of keys) {
    let remaining = total;
    while (remaining > 0) {
      const cls = left[c];
      if (cls === undefined) throw new Error('pairPool: the classes hold fewer records than the totals');
      const weight = Math.min(remaining, cls.weight);
      entries.push({ key, weight, value: cls.value });
      remaining -= weight;
      cls.weight -= weight;
      if (cls.weight === 0) c++;
    }
  }
  if (c < left.length) throw new Error('pairPool: the classes hold more records than the totals');
  return entries;
}
