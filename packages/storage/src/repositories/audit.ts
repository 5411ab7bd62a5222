import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface AuditEntry {
  actorId: string | null;
  projectId: string | null;
  action: string;
  outcome: 'denied' | 'unauthenticated' | 'login-failed' | 'login' | 'rate-limited';
  detail?: Record<string, unknown>;
}

/** Written outside any command transaction: a refused request leaves this trace and nothing else. */
export async function writeAudit(db: Kysely<Database>, entry: AuditEntry, at = new Date()): Promise<void> {
  await db
    .insertInto('audit_entries')
    .values({
      at,
      actor_id: entry.actorId,
      project_id: entry.projectId,
      action: entry.action,
      outcome: entry.outcome,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

export async function listAudit(db: Kysely<Database>, limit = 200) {
  return db.selectFrom('audit_entries').selectAll().orderBy('id', 'desc').limit(limit).execute();
}
