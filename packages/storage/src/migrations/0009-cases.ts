import { type Kysely, sql } from 'kysely';

/**
 * Cases and their typed attributes (NVivo's classifications). A case belongs to one classification
 * (study, participant, organisation, site or a project's own name); attributes are defined per
 * classification, and the reserved classification `document` holds document attributes. Values are
 * stored as canonical text (core `canonicalAttributeValue`) so one column serves every type.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // A study case mirrors one included study (reports.study_id, else the record id).
    .addColumn('study_id', 'uuid')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'deleted')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cases_project_classification_idx')
    .on('cases')
    .columns(['project_id', 'classification', 'status'])
    .execute();

  await db.schema
    .createTable('attribute_definitions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in ('text', 'number', 'date', 'boolean', 'choice')`),
    )
    .addColumn('options', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('position', 'double precision', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'removed')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attribute_definitions_project_idx')
    .on('attribute_definitions')
    .columns(['project_id', 'classification', 'status'])
    .execute();

  await db.schema
    .createTable('attribute_values')
    .addColumn('attribute_id', 'uuid', (c) => c.notNull().references('attribute_definitions.id'))
    // A case id, or a document id for the `document` classification.
    .addColumn('target_id', 'uuid', (c) => c.notNull())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('attribute_values_pkey', ['attribute_id', 'target_id'])
    .execute();
  await db.schema
    .createIndex('attribute_values_target_idx')
    .on('attribute_values')
    .columns(['project_id', 'target_id'])
    .execute();
}
