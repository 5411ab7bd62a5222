import { createHash } from 'node:crypto';
import { createSeededRandom, sampleWithoutReplacement } from '@weft/core';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/*
 * The dual-screening sample of a `sample` stage, reproducible from its seed:
 *
 * 1. When the stage enters sample mode, the records eligible then are sorted by id and core's
 *    seeded sampleWithoutReplacement draws round(percent% × n) of them (mulberry32 seeded with
 *    `sampleSeed`). Every one of those records is stored with whether it was drawn.
 * 2. A record that becomes eligible later (a new import, or passing the previous stage) is in
 *    the sample when hashFraction(seed, recordId) < percent / 100, where hashFraction is the
 *    first 32 bits of md5("<seed>:<recordId>") divided by 2^32. Nothing about it is stored:
 *    the rule gives the same answer every time, on either backend.
 */

/** The per-record rule for records not in the stored draw (see above), in TypeScript. */
export function hashFraction(seed: number, recordId: string): number {
  const hex = createHash('md5').update(`${seed}:${recordId}`).digest('hex').slice(0, 8);
  return Number.parseInt(hex, 16) / 2 ** 32;
}

/** The same rule in SQL, for a record id expression. */
export function hashFractionSql(seed: number, recordId: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(('x' || substr(md5(${String(seed)}::text || ':' || ${recordId}::text), 1, 8))::bit(32)::bigint::float8 / 4294967296.0)`;
}

/** The records drawn from `eligibleIds` (any order) for a sample of `percent` % with `seed`. */
export function drawSampleIds(eligibleIds: readonly string[], percent: number, seed: number): string[] {
  const sorted = [...eligibleIds].sort();
  const count = Math.round((percent / 100) * sorted.length);
  return sampleWithoutReplacement(sorted, count, createSeededRandom(seed));
}

/** Stores a fresh draw for the stage (replacing an earlier one); returns how many were drawn. */
export async function storeSample(
  trx: Db,
  stageId: string,
  eligibleIds: readonly string[],
  percent: number,
  seed: number,
): Promise<number> {
  const drawn = new Set(drawSampleIds(eligibleIds, percent, seed));
  await trx.deleteFrom('screening_sample').where('stage_id', '=', stageId).execute();
  const rows = eligibleIds.map((id) => ({ stage_id: stageId, record_id: id, in_sample: drawn.has(id) }));
  for (let i = 0; i < rows.length; i += 2000)
    await trx
      .insertInto('screening_sample')
      .values(rows.slice(i, i + 2000))
      .execute();
  return drawn.size;
}

/** Record ids stored as drawn (the first rule only). */
export async function listStoredSample(db: Db, stageId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('screening_sample')
    .select('record_id')
    .where('stage_id', '=', stageId)
    .where('in_sample', '=', true)
    .orderBy('record_id')
    .execute();
  return rows.map((row) => row.record_id);
}
