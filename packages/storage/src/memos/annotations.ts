import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { AnnotationsTable } from '../memos-schema.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type AnnotationRow = Selectable<AnnotationsTable>;
export type AnnotationRowWithAuthor = AnnotationRow & { author_name: string };

export interface NewAnnotation {
  id: string;
  projectId: string;
  codingId: string;
  text: string;
  authorId: string;
}

export async function insertAnnotation(trx: Db, a: NewAnnotation, at: Date): Promise<void> {
  await trx
    .insertInto('annotations')
    .values({
      id: a.id,
      project_id: a.projectId,
      coding_id: a.codingId,
      text: a.text,
      author_id: a.authorId,
      created_at: at,
      updated_at: at,
      version: 1,
      status: 'active',
    })
    .execute();
}

export async function findAnnotationForUpdate(
  trx: Db,
  projectId: string,
  annotationId: string,
): Promise<AnnotationRow | undefined> {
  return trx
    .selectFrom('annotations')
    .selectAll()
    .where('id', '=', annotationId)
    .where('project_id', '=', projectId)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateAnnotation(
  trx: Db,
  annotationId: string,
  change: { text?: string; status?: 'active' | 'removed' },
  version: number,
  at: Date,
): Promise<void> {
  await trx
    .updateTable('annotations')
    .set({ ...change, version, updated_at: at })
    .where('id', '=', annotationId)
    .execute();
}

/** Active annotations on a coding, or on every coding of a document (the coding screen's margin). */
export async function listAnnotations(
  db: Db,
  projectId: string,
  on: { codingId: string } | { documentId: string },
): Promise<AnnotationRowWithAuthor[]> {
  let query = db
    .selectFrom('annotations')
    .leftJoin('users', 'users.id', 'annotations.author_id')
    .selectAll('annotations')
    .select((eb) => eb.fn.coalesce('users.display_name', sql<string>`''`).as('author_name'))
    .where('annotations.project_id', '=', projectId)
    .where('annotations.status', '=', 'active');
  query =
    'codingId' in on
      ? query.where('annotations.coding_id', '=', on.codingId)
      : query.where('annotations.coding_id', 'in', (eb) =>
          eb.selectFrom('codings').select('codings.id').where('codings.document_id', '=', on.documentId),
        );
  return query.orderBy('annotations.created_at').orderBy('annotations.id').execute();
}
