/**
 * A seeded pseudo-random number generator. Core has no access to Math.random (it must be
 * reproducible: a simulation run with the same seed gives the same screening order), so every
 * random choice goes through this.
 *
 * mulberry32 (Tommy Ettinger, public domain, 2017): a 32-bit state, a period of 2^32 and good
 * enough equidistribution for picking prior records and shuffling coordinate-descent order.
 * Not for cryptography.
 */
export type RandomSource = () => number;

export function createSeededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n). */
export function randomInt(random: RandomSource, n: number): number {
  return Math.floor(random() * n);
}

/** Fisher–Yates shuffle in place (Knuth, TAOCP vol. 2, Algorithm P). */
export function shuffleInPlace<T>(items: T[] | Int32Array, random: RandomSource): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp as never;
  }
}

/** `count` distinct items of `items`, chosen uniformly, in the order drawn. */
export function sampleWithoutReplacement<T>(items: readonly T[], count: number, random: RandomSource): T[] {
  if (count > items.length) throw new RangeError(`cannot sample ${count} of ${items.length} items`);
  const pool = items.slice();
  const out: T[] = [];
  for (let i = 0; i < count; i++) {
    const j = i + randomInt(random, pool.length - i);
    const tmp = pool[i] as T;
    pool[i] = pool[j] as T;
    pool[j] = tmp;
    out.push(pool[i] as T);
  }
  return out;
}
