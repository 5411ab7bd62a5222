import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.js';
import { findRecords } from './records-query.js';
import type { StoredRecord } from './stored-record.js';

type Db = Kysely<Database> | Transaction<Database>;

export type CandidateDecision = 'certain' | 'possible' | 'manual';
export type CandidateStatus = 'pending' | 'duplicate' | 'not-duplicate';

export interface CandidatePair {
  recordA: string;
  recordB: string;
  decision: CandidateDecision;
  score: number;
  evidence: unknown;
}

export interface StoredCandidate extends CandidatePair {
  id: string;
  status: CandidateStatus;
  answeredBy: string | null;
  answeredAt: string | null;
}

/** Pairs are stored once, smaller id first, so an answer is found whichever way a pair comes up. */
export function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

export function pairKey(a: string, b: string): string {
  const [x, y] = orderedPair(a, b);
  return `${x}|${y}`;
}

/** Every pair already raised or answered in the project, by pairKey. */
export async function knownPairs(db: Db, projectId: string): Promise<Map<string, StoredCandidate>> {
  const rows = await db
    .selectFrom('duplicate_candidates')
    .select([
      'id',
      'record_a',
      'record_b',
      'decision',
      'score',
      'evidence',
      'status',
      'answered_by',
      'answered_at',
    ])
    .where('project_id', '=', projectId)
    .execute();
  const known = new Map<string, StoredCandidate>();
  for (const row of rows) {
    known.set(pairKey(row.record_a, row.record_b), {
      id: row.id,
      recordA: row.record_a,
      recordB: row.record_b,
      decision: row.decision as CandidateDecision,
      score: row.score,
      evidence: row.evidence,
      status: row.status as CandidateStatus,
      answeredBy: row.answered_by,
      answeredAt: row.answered_at?.toISOString() ?? null,
    });
  }
  return known;
}

/** Inserts new pairs (in batches); a pair already present keeps its row and its answer. */
export async function insertCandidates(
  trx: Transaction<Database>,
  projectId: string,
  pairs: ReadonlyArray<CandidatePair & { status: CandidateStatus; answeredBy?: string | null }>,
  at: Date,
): Promise<void> {
  for (let start = 0; start < pairs.length; start += 1000) {
    const batch = pairs.slice(start, start + 1000);
    await trx
      .insertInto('duplicate_candidates')
      .values(
        batch.map((pair) => {
          const [a, b] = orderedPair(pair.recordA, pair.recordB);
          const answered = pair.status !== 'pending';
          return {
            id: randomUUID(),
            project_id: projectId,
            record_a: a,
            record_b: b,
            decision: pair.decision,
            score: pair.score,
            evidence: JSON.stringify(pair.evidence ?? {}),
            status: pair.status,
            answered_by: answered ? (pair.answeredBy ?? null) : null,
            answered_at: answered ? at : null,
            created_at: at,
          };
        }),
      )
      .onConflict((oc) => oc.columns(['project_id', 'record_a', 'record_b']).doNothing())
      .execute();
  }
}

/** Records an answer for a pair, creating the pair if nobody had raised it. */
export async function answerPair(
  trx: Transaction<Database>,
  projectId: string,
  recordA: string,
  recordB: string,
  status: CandidateStatus,
  actorId: string | null,
  at: Date,
): Promise<void> {
  const [a, b] = orderedPair(recordA, recordB);
  const answered = status !== 'pending';
  await trx
    .insertInto('duplicate_candidates')
    .values({
      id: randomUUID(),
      project_id: projectId,
      record_a: a,
      record_b: b,
      decision: 'manual',
      score: 0,
      evidence: JSON.stringify({}),
      status,
      answered_by: answered ? actorId : null,
      answered_at: answered ? at : null,
      created_at: at,
    })
    .onConflict((oc) =>
      oc.columns(['project_id', 'record_a', 'record_b']).doUpdateSet({
        status,
        answered_by: answered ? actorId : null,
        answered_at: answered ? at : null,
      }),
    )
    .execute();
}

/**
 * Takes back a "not a duplicate" answer: the pair is pending again (back in the queue). False when
 * the pair has no such answer.
 */
export async function reopenDistinctPair(
  trx: Transaction<Database>,
  projectId: string,
  recordA: string,
  recordB: string,
): Promise<boolean> {
  const [a, b] = orderedPair(recordA, recordB);
  const result = await trx
    .updateTable('duplicate_candidates')
    .set({ status: 'pending', answered_by: null, answered_at: null })
    .where('project_id', '=', projectId)
    .where('record_a', '=', a)
    .where('record_b', '=', b)
    .where('status', '=', 'not-duplicate')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Sets the status of every stored pair among the given records (merging or unmerging them). */
export async function setPairsAmong(
  trx: Transaction<Database>,
  projectId: string,
  recordIds: readonly string[],
  from: CandidateStatus[],
  to: CandidateStatus,
  actorId: string | null,
  at: Date,
): Promise<number> {
  if (recordIds.length < 2) return 0;
  const answered = to !== 'pending';
  const result = await trx
    .updateTable('duplicate_candidates')
    .set({ status: to, answered_by: answered ? actorId : null, answered_at: answered ? at : null })
    .where('project_id', '=', projectId)
    .where('record_a', 'in', recordIds)
    .where('record_b', 'in', recordIds)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function findCandidate(db: Db, projectId: string, candidateId: string) {
  return db
    .selectFrom('duplicate_candidates')
    .select(['id', 'record_a', 'record_b', 'status'])
    .where('project_id', '=', projectId)
    .where('id', '=', candidateId)
    .executeTakeFirst();
}

export interface QueueEntry extends StoredCandidate {
  a: StoredRecord;
  b: StoredRecord;
}

/**
 * The review queue: pairs with the given status, most likely duplicates first, each with both
 * records. A pending pair whose records were since merged into one group is left out.
 */
export async function listCandidates(
  db: Db,
  projectId: string,
  options: { status: CandidateStatus; offset: number; limit: number; minScore?: number | undefined },
): Promise<{ candidates: QueueEntry[]; total: number }> {
  let base = db
    .selectFrom('duplicate_candidates as c')
    .innerJoin('records as ra', 'ra.id', 'c.record_a')
    .innerJoin('records as rb', 'rb.id', 'c.record_b')
    .where('c.project_id', '=', projectId)
    .where('c.status', '=', options.status)
    .where((eb) =>
      options.status === 'pending'
        ? eb.or([
            eb('ra.group_id', 'is', null),
            eb('rb.group_id', 'is', null),
            eb('ra.group_id', '!=', sql.ref<string>('rb.group_id')),
          ])
        : eb.lit(true),
    );
  // Compared in real (the column's type) so the count matches what dedup.merge-above-score merges.
  if (options.minScore !== undefined) base = base.where(sql<boolean>`c.score >= ${options.minScore}::real`);
  const [rows, total] = await Promise.all([
    base
      .select([
        'c.id',
        'c.record_a',
        'c.record_b',
        'c.decision',
        'c.score',
        'c.evidence',
        'c.status',
        'c.answered_by',
        'c.answered_at',
      ])
      .orderBy('c.score', 'desc')
      .orderBy('c.id')
      .offset(options.offset)
      .limit(options.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const records = new Map(
    (await findRecords(db, projectId, [...new Set(rows.flatMap((r) => [r.record_a, r.record_b]))])).map(
      (r) => [r.id, r],
    ),
  );
  return {
    total: Number(total.n),
    candidates: rows.map((row) => ({
      id: row.id,
      recordA: row.record_a,
      recordB: row.record_b,
      decision: row.decision as CandidateDecision,
      score: row.score,
      evidence: row.evidence,
      status: row.status as CandidateStatus,
      answeredBy: row.answered_by,
      answeredAt: row.answered_at?.toISOString() ?? null,
      a: records.get(row.record_a) as StoredRecord,
      b: records.get(row.record_b) as StoredRecord,
    })),
  };
}
