import type { FinalDecision, PrismaSearch, PrismaSourceType } from '@weft/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import type { StoredStage } from '../screening/stages.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Whether a report was retrieved: as marked, or implied by a full-text decision (it was read); null while unknown. */
export function reportRetrieved(
  retrieval: string | null | undefined,
  decision: FinalDecision,
): boolean | null {
  if (retrieval === 'not-retrieved') return false;
  return retrieval === 'retrieved' || decision !== null ? true : null;
}

export function prismaSearches(
  rows: ReadonlyArray<{ id: string; name: string; source_type: string }>,
): PrismaSearch[] {
  return rows.map((s) => ({ id: s.id, name: s.name, sourceType: s.source_type as PrismaSourceType }));
}

/**
 * Whether the first (records) and last (reports) stages were stopped by a documented rule: a stop
 * is recorded and the stage is not open (`stopped`, or `closed` after the stop; reopening a
 * closed stage returns it to `stopped`).
 */
export async function prismaStoppedStages(
  db: Db,
  stages: readonly StoredStage[],
): Promise<{ records: boolean; reports: boolean }> {
  const first = stages[0];
  const last = stages.length >= 2 ? stages[stages.length - 1] : undefined;
  const candidates = [first, last].filter((s): s is StoredStage => s !== undefined && s.status !== 'open');
  if (candidates.length === 0) return { records: false, reports: false };
  const withStops = new Set(
    (
      await db
        .selectFrom('stage_stops')
        .select('stage_id')
        .distinct()
        .where(
          'stage_id',
          'in',
          candidates.map((s) => s.id),
        )
        .execute()
    ).map((r) => r.stage_id),
  );
  return {
    records: first !== undefined && withStops.has(first.id),
    reports: last !== undefined && withStops.has(last.id),
  };
}

/**
 * When title/abstract screening was last stopped, if it counts as stopped (`prismaStoppedStages`);
 * else null. The latest stop's evidence covers every record imported before it; a record imported
 * later was never weighed by the rule (its time is its import's, `records.created_at`).
 */
export async function prismaRecordsStoppedAt(
  db: Db,
  stages: readonly StoredStage[],
  stopped: { records: boolean },
): Promise<Date | null> {
  const first = stages[0];
  if (!stopped.records || first === undefined) return null;
  const row = await db
    .selectFrom('stage_stops')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('stage_id', '=', first.id)
    .executeTakeFirst();
  return row?.at ? new Date(row.at as unknown as string | Date) : null;
}
