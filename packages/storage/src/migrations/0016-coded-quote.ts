import { type Kysely, sql } from 'kysely';

/*
 * A coding an edit placed by approximate match keeps the words it covered when a person last
 * placed it, so whoever confirms the placement can compare what was coded with where it is now.
 * Null for every other coding; set when a re-anchoring makes the coding fuzzy, kept across later
 * edits until someone confirms or resizes it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table codings add column coded_exact text`.execute(db);
}
