import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import { rebuildAllStageOutcomes } from '../screening/stage-outcomes.js';

/*
 * Each eligible record's outcome at each stage, kept in step with the decisions by the commands
 * that change them (ADR 0005), so reads no longer derive every record's final decision. Filled
 * here for the projects that already have stages.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stage_outcomes')
    .addColumn('stage_id', 'uuid', (c) => c.notNull().references('stages.id'))
    .addColumn('record_id', 'uuid', (c) => c.notNull().references('records.id'))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('needed', 'integer', (c) => c.notNull())
    .addColumn('in_sample', 'boolean', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('verdicts', 'integer', (c) => c.notNull())
    .addColumn('final', 'text', (c) => c.check(sql`final in ('include', 'exclude', 'maybe')`))
    .addColumn('conflict', 'boolean', (c) => c.notNull())
    .addColumn('resolved', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('stage_outcomes_pk', ['stage_id', 'record_id'])
    .execute();
  // The screening queue: records of a stage still waiting for a decision.
  await db.schema
    .createIndex('stage_outcomes_open_idx')
    .on('stage_outcomes')
    .columns(['stage_id', 'record_id'])
    .where(sql<boolean>`final is null and not conflict`)
    .execute();

  await rebuildAllStageOutcomes(db as unknown as Kysely<Database>);
}
