import { randomUUID } from 'node:crypto';
import { normaliseProjectName, WeftError } from '@weft/core';
import type { Database } from '@weft/storage';
import type { Transaction } from 'kysely';

/** Shared by project.create and demo.create: the project row and its first owner. */
export async function insertProjectWithOwner(
  trx: Transaction<Database>,
  input: { name: string; description: string; ownerId: string; at: Date },
): Promise<{ projectId: string; name: string }> {
  const named = normaliseProjectName(input.name);
  if (!named.ok) throw new WeftError('validation', named.message, { field: 'name' });
  const projectId = randomUUID();
  await trx
    .insertInto('projects')
    .values({
      id: projectId,
      name: named.name,
      description: input.description.trim(),
      archived: false,
      version: 1,
      created_at: input.at,
      created_by: input.ownerId,
      last_seq: 0,
    })
    .execute();
  await trx
    .insertInto('members')
    .values({ project_id: projectId, user_id: input.ownerId, role: 'owner', version: 1, added_at: input.at })
    .execute();
  return { projectId, name: named.name };
}
