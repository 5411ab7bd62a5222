import { type Kysely, sql } from 'kysely';

/**
 * Memos (on the project, a document, a case, a code or a coding) with their "see also" links,
 * and annotations (short notes on a coding). REFI-QDA Notes and NoteRefs import into these.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('memos')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    // A rich-text document (core `RichDoc`, ProseMirror JSON) and the plain text derived from it.
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('plain_text', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) =>
      c.notNull().check(sql`target_kind in ('project', 'document', 'case', 'code', 'coding')`),
    )
    .addColumn('target_id', 'uuid')
    .addColumn('author_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'deleted')`))
    .addCheckConstraint('memos_target_check', sql`(target_kind = 'project') = (target_id is null)`)
    .execute();
  await db.schema
    .createIndex('memos_target_idx')
    .on('memos')
    .columns(['project_id', 'target_kind', 'target_id'])
    .execute();

  await db.schema
    .createTable('memo_links')
    .addColumn('memo_id', 'uuid', (c) => c.notNull().references('memos.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('coding', 'memo', 'document', 'code')`))
    .addColumn('target_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('memo_links_pkey', ['memo_id', 'kind', 'target_id'])
    .execute();
  // Backlinks: which memos point at this coding or memo.
  await db.schema
    .createIndex('memo_links_target_idx')
    .on('memo_links')
    .columns(['kind', 'target_id'])
    .execute();

  await db.schema
    .createTable('annotations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('coding_id', 'uuid', (c) => c.notNull().references('codings.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'removed')`))
    .execute();
  await db.schema
    .createIndex('annotations_coding_idx')
    .on('annotations')
    .columns(['coding_id', 'status'])
    .execute();
}
