import type { FinalDecision, PrismaFlowInput, PrismaRecord } from '@weft/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.js';
import { listStages } from '../screening/stages.js';
import { prismaSearches, reportRetrieved } from './prisma-facts.js';
import { getPrismaSettings } from './prisma-settings.js';

type Db = Kysely<Database> | Transaction<Database>;

interface CountRow {
  search_id: string;
  removal: string | null;
  dbr_group: boolean;
  ta_final: FinalDecision;
  at_ft: boolean;
  ft_final: FinalDecision;
  retrieval: string | null;
  study: string | null;
  reason: string | null;
  n: number;
}

/**
 * The same facts as `gatherPrismaFlowInput`, counted in the database: records that agree on
 * everything the flow looks at come back as one weighted entry, so drawing the diagram of a
 * large project moves a few dozen rows instead of one per record. The ids of these entries are
 * not record ids: ask `gatherPrismaFlowInput` for the records behind a box.
 */
export async function gatherPrismaFlowCounts(db: Db, projectId: string): Promise<PrismaFlowInput> {
  const [searches, stages, settings] = await Promise.all([
    db
      .selectFrom('searches')
      .select(['id', 'name', 'source_type'])
      .where('project_id', '=', projectId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    listStages(db, projectId),
    getPrismaSettings(db, projectId),
  ]);
  const hasEligibilityStage = stages.length >= 2;
  const last = stages[stages.length - 1];
  const taId = stages[0]?.id ?? null;
  const ftId = hasEligibilityStage ? (last?.id ?? null) : null;
  // Final decisions come from the materialised outcomes (ADR 0005), joined by key: no stage is
  // derived here. A null stage id joins nothing (no stages, or no eligibility stage).
  const { rows } = await sql<CountRow>`
    with
    -- Groups holding a record from a database or register: their surviving record is screened in the main column.
    dbr_groups as (
      select distinct m.group_id from records m join searches s on s.id = m.search_id
      where m.project_id = ${projectId}::uuid and m.group_id is not null and s.source_type in ('database', 'register')
    ),
    base as (
      select r.search_id,
        case when g.id is not null and g.primary_record_id <> r.id then g.method end as removal,
        dg.group_id is not null as dbr_group,
        ta.final as ta_final,
        ft.record_id is not null as at_ft,
        ft.final as ft_final,
        rep.retrieval,
        case when ft.final = 'include' then coalesce(rep.study_id, r.id)::text end as study,
        case when ft.final = 'exclude' then coalesce(
          (select x.reason_ids->>0 from screening_resolutions x
            where x.stage_id = ${ftId}::uuid and x.record_id = r.id and x.superseded_at is null limit 1),
          (select d.reason_ids->>0 from screening_decisions d
            where d.stage_id = ${ftId}::uuid and d.record_id = r.id and d.superseded_at is null and d.decision = 'exclude'
            order by d.at, d.id limit 1)) end as reason_id
      from records r
      left join duplicate_groups g on g.id = r.group_id and g.dissolved_at is null
      left join stage_outcomes ta on ta.stage_id = ${taId}::uuid and ta.record_id = r.id
      left join stage_outcomes ft on ft.stage_id = ${ftId}::uuid and ft.record_id = r.id
      left join reports rep on rep.record_id = r.id
      left join dbr_groups dg on dg.group_id = r.group_id
      where r.project_id = ${projectId}::uuid
    )
    select b.search_id, b.removal, b.dbr_group, b.ta_final, b.at_ft, b.ft_final, b.retrieval, b.study,
      er.label as reason, count(*)::int as n
    from base b left join exclusion_reasons er on er.id::text = b.reason_id
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9`.execute(db);

  const sourceOf = new Map(searches.map((s) => [s.id, s.source_type]));
  const records = rows.map((row, i): PrismaRecord => {
    const own = sourceOf.get(row.search_id);
    const record: PrismaRecord = {
      id: `count-${i}`,
      searchId: row.search_id,
      weight: row.n,
      duplicateRemoval: row.removal === null ? null : row.removal === 'manual' ? 'manual' : 'automatic',
      groupHasDatabaseOrRegister: row.dbr_group || own === 'database' || own === 'register',
      recordDecision: row.removal === null ? row.ta_final : null,
    };
    if (hasEligibilityStage && row.at_ft)
      record.report = {
        retrieved: reportRetrieved(row.retrieval, row.ft_final),
        decision: row.ft_final,
        reasons: row.reason === null ? [] : [row.reason],
        studyId: row.study ?? `count-${i}`,
      };
    return record;
  });
  return {
    searches: prismaSearches(searches),
    records,
    hasEligibilityStage,
    previous: settings.previous,
  };
}
