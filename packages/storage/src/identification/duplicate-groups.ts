import type { BibliographicRecord } from '@weft/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type MergeMethod = 'auto' | 'manual';

export interface ActiveGroup {
  id: string;
  method: MergeMethod;
  primaryRecordId: string;
  memberIds: string[];
}

export interface NewGroup {
  id: string;
  projectId: string;
  method: MergeMethod;
  primaryRecordId: string;
  memberIds: readonly string[];
  merged: BibliographicRecord;
  actorId: string;
  at: Date;
  /** Set when a bulk merge makes the group, so undoing the batch finds it. */
  batchId?: string | null;
}

/** The project's active (not dissolved) groups. */
export async function listActiveGroups(db: Db, projectId: string): Promise<ActiveGroup[]> {
  const rows = await db
    .selectFrom('duplicate_groups')
    .select(['id', 'method', 'primary_record_id', 'member_ids'])
    .where('project_id', '=', projectId)
    .where('dissolved_at', 'is', null)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    method: row.method as MergeMethod,
    primaryRecordId: row.primary_record_id,
    memberIds: row.member_ids as string[],
  }));
}

export async function findActiveGroup(db: Db, projectId: string, groupId: string) {
  const row = await db
    .selectFrom('duplicate_groups')
    .select(['id', 'method', 'primary_record_id', 'member_ids', 'dissolved_at'])
    .where('project_id', '=', projectId)
    .where('id', '=', groupId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    method: row.method as MergeMethod,
    primaryRecordId: row.primary_record_id,
    memberIds: row.member_ids as string[],
    dissolved: row.dissolved_at !== null,
  };
}

/**
 * Ends a group without deleting it: its row (who merged what, when) stays for the audit trail,
 * and its members stand alone again unless a new group takes them.
 */
export async function dissolveGroups(
  trx: Transaction<Database>,
  groupIds: readonly string[],
  reason: 'unmerged' | 'absorbed',
  actorId: string,
  at: Date,
  batchId: string | null = null,
): Promise<void> {
  if (groupIds.length === 0) return;
  await trx
    .updateTable('duplicate_groups')
    .set({ dissolved_at: at, dissolved_by: actorId, dissolved_reason: reason, absorbed_by_batch: batchId })
    .where('id', 'in', groupIds)
    .where('dissolved_at', 'is', null)
    .execute();
  await trx.updateTable('records').set({ group_id: null }).where('group_id', 'in', groupIds).execute();
}

/**
 * Creates groups and points their members at them, in batches (a first deduplication of a large
 * project creates thousands). Groups the members were in before are absorbed; their ids are returned.
 */
export async function createGroups(
  trx: Transaction<Database>,
  groups: readonly NewGroup[],
): Promise<string[]> {
  if (groups.length === 0) return [];
  const projectId = (groups[0] as NewGroup).projectId;
  const memberIds = groups.flatMap((group) => group.memberIds);
  const absorbed = new Set<string>();
  for (let start = 0; start < memberIds.length; start += 5000) {
    const rows = await trx
      .selectFrom('records')
      .select('group_id')
      .distinct()
      .where('project_id', '=', projectId)
      .where('id', 'in', memberIds.slice(start, start + 5000))
      .where('group_id', 'is not', null)
      .execute();
    for (const row of rows) absorbed.add(row.group_id as string);
  }
  const first = groups[0] as NewGroup;
  await dissolveGroups(trx, [...absorbed], 'absorbed', first.actorId, first.at, first.batchId ?? null);
  for (let start = 0; start < groups.length; start += 500) {
    await trx
      .insertInto('duplicate_groups')
      .values(
        groups.slice(start, start + 500).map((group) => ({
          id: group.id,
          project_id: group.projectId,
          method: group.method,
          primary_record_id: group.primaryRecordId,
          member_ids: JSON.stringify(group.memberIds),
          merged: JSON.stringify(group.merged),
          created_at: group.at,
          created_by: group.actorId,
          dissolved_at: null,
          dissolved_by: null,
          dissolved_reason: null,
          batch_id: group.batchId ?? null,
        })),
      )
      .execute();
  }
  const assignments = groups.flatMap((group) =>
    group.memberIds.map((recordId) => [recordId, group.id] as const),
  );
  for (let start = 0; start < assignments.length; start += 1000) {
    const values = sql.join(
      assignments
        .slice(start, start + 1000)
        .map(([recordId, groupId]) => sql`(${recordId}::uuid, ${groupId}::uuid)`),
    );
    await sql`update records set group_id = v.group_id, version = records.version + 1
      from (values ${values}) as v(record_id, group_id)
      where records.id = v.record_id and records.project_id = ${projectId}`.execute(trx);
  }
  return [...absorbed];
}
