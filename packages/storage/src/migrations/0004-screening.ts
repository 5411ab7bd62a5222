import { type Kysely, sql } from 'kysely';

/*
 * Screening: stages with their criteria and exclusion reasons, the stored dual-screening sample,
 * decisions and resolutions (never updated in place except to mark them superseded, so the
 * history of every record is kept), stopping decisions with their evidence, and the model runs
 * and rankings the prioritisation worker writes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stages')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('single', 'dual', 'sample')`))
    .addColumn('sample_percent', 'double precision', (c) =>
      c.check(sql`sample_percent is null or (sample_percent > 0 and sample_percent <= 100)`),
    )
    .addColumn('sample_seed', 'integer', (c) => c.notNull())
    // When the sample was drawn over the records eligible then (null: not drawn yet).
    .addColumn('sample_drawn_at', 'timestamptz')
    .addColumn('reviewer_ids', 'jsonb', (c) => c.notNull())
    .addColumn('reason_required', 'boolean', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'stopped', 'closed')`))
    .addColumn('blinded', 'boolean', (c) => c.notNull())
    .addColumn('include_keywords', 'jsonb', (c) => c.notNull())
    .addColumn('exclude_keywords', 'jsonb', (c) => c.notNull())
    .addColumn('stopping_sample_seed', 'integer')
    .addColumn('stopping_sample_started_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('stages_project_key', ['project_id', 'key'])
    .execute();

  await db.schema
    .createTable('stage_criteria')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('stage_id', 'uuid', (c) => c.notNull().references('stages.id'))
    .addColumn('criterion_group', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('include', 'exclude')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stage_criteria_stage_idx').on('stage_criteria').column('stage_id').execute();

  // A reason is retired rather than deleted: decisions citing it keep pointing at it.
  await db.schema
    .createTable('exclusion_reasons')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('stage_id', 'uuid', (c) => c.notNull().references('stages.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('retired', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema
    .createIndex('exclusion_reasons_stage_idx')
    .on('exclusion_reasons')
    .column('stage_id')
    .execute();

  // Every record eligible when the sample was drawn, with whether it was drawn: later records
  // are decided by the per-record hash rule (see screening/sample.ts).
  await db.schema
    .createTable('screening_sample')
    .addColumn('stage_id', 'uuid', (c) => c.notNull().references('stages.id'))
    .addColumn('record_id', 'uuid', (c) => c.notNull().references('records.id'))
    .addColumn('in_sample', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('screening_sample_pk', ['stage_id', 'record_id'])
    .execute();

  await db.schema
    .createTable('screening_decisions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('stage_id', 'uuid', (c) => c.notNull().references('stages.id'))
    .addColumn('record_id', 'uuid', (c) => c.notNull().references('records.id'))
    .addColumn('reviewer_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('include', 'exclude', 'maybe')`))
    .addColumn('reason_ids', 'jsonb', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('weft', 'import')`))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('superseded_at', 'timestamptz')
    // Superseded by the reviewer's own retraction (the keyboard's `u`), not by a new verdict.
    .addColumn('retracted', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('command_id', 'uuid')
    .execute();
  await db.schema
    .createIndex('screening_decisions_current_idx')
    .on('screening_decisions')
    .columns(['stage_id', 'record_id'])
    .where(sql.ref('superseded_at'), 'is', null)
    .execute();
  // At most one current decision per reviewer and record: two racing commands cannot both win.
  await db.schema
    .createIndex('screening_decisions_one_current')
    .on('screening_decisions')
    .columns(['stage_id', 'record_id', 'reviewer_id'])
    .unique()
    .where(sql.ref('superseded_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('screening_decisions_reviewer_idx')
    .on('screening_decisions')
    .columns(['stage_id', 'reviewer_id'])
    .execute();

  await db.schema
    .createTable('screening_resolutions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('stage_id', 'uuid', (c) => c.notNull().references('stages.id'))
    .addColumn('record_id', 'uuid', (c) => c.notNull().references('records.id'))
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('consensus', 'third-reviewer')`))
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('include', 'exclude', 'maybe')`))
    .addColumn('reason_ids', 'jsonb', (c) => c.notNull())
    .addColumn('participant_ids', 'jsonb', (c) => c.notNull())
    .addColumn('resolved_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('superseded_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('screening_resolutions_current_idx')
    .on('screening_resolutions')
    .columns(['stage_id', 'record_id'])
    .where(sql.ref('superseded_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('stage_stops')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('stage_id', 'uuid', (c) => c.notNull().references('stages.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('stopped_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('evidence', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('model_runs')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('stage_id', 'uuid', (c) => c.notNull().references('stages.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('settings', 'jsonb', (c) => c.notNull())
    .addColumn('includes', 'integer', (c) => c.notNull())
    .addColumn('excludes', 'integer', (c) => c.notNull())
    .addColumn('trained_at', 'timestamptz')
    .addColumn('message', 'text')
    .addColumn('label_count', 'integer', (c) => c.notNull())
    .addUniqueConstraint('model_runs_stage_version', ['stage_id', 'version'])
    .execute();

  await db.schema
    .createTable('screening_rankings')
    .addColumn('stage_id', 'uuid', (c) => c.notNull().references('stages.id'))
    .addColumn('record_id', 'uuid', (c) => c.notNull().references('records.id'))
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('model_version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('screening_rankings_pk', ['stage_id', 'record_id'])
    .execute();
}
