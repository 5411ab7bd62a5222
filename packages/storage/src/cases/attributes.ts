import type { AttributeDefinition, AttributeType } from '@weft/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredAttribute extends AttributeDefinition {
  status: 'active' | 'removed';
  position: number;
}

function toAttribute(row: {
  id: string;
  classification: string;
  name: string;
  type: AttributeType;
  options: unknown;
  status: 'active' | 'removed';
  position: number;
}): StoredAttribute {
  return {
    type: 'attribute-definition',
    id: row.id,
    classification: row.classification,
    name: row.name,
    valueType: row.type,
    options: (row.options as string[] | null) ?? [],
    status: row.status,
    position: row.position,
  };
}

/** Attributes of the project (or of one classification), active ones unless asked, in sheet order. */
export async function listAttributes(
  db: Db,
  projectId: string,
  options: { classification?: string; includeRemoved?: boolean } = {},
): Promise<StoredAttribute[]> {
  let query = db.selectFrom('attribute_definitions').selectAll().where('project_id', '=', projectId);
  if (options.classification !== undefined)
    query = query.where('classification', '=', options.classification);
  if (!options.includeRemoved) query = query.where('status', '=', 'active');
  const rows = await query.orderBy('classification').orderBy('position').orderBy('id').execute();
  return rows.map(toAttribute);
}

export async function getAttribute(
  db: Db,
  projectId: string,
  attributeId: string,
): Promise<StoredAttribute | undefined> {
  const row = await db
    .selectFrom('attribute_definitions')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', attributeId)
    .executeTakeFirst();
  return row ? toAttribute(row) : undefined;
}

export interface NewAttribute {
  id: string;
  projectId: string;
  classification: string;
  name: string;
  valueType: AttributeType;
  options: string[];
}

/** Adds the attribute as the last column of its classification's sheet. */
export async function insertAttribute(trx: Db, row: NewAttribute, by: string, at: Date): Promise<void> {
  const last = await trx
    .selectFrom('attribute_definitions')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('project_id', '=', row.projectId)
    .where('classification', '=', row.classification)
    .executeTakeFirst();
  await trx
    .insertInto('attribute_definitions')
    .values({
      id: row.id,
      project_id: row.projectId,
      classification: row.classification,
      name: row.name,
      type: row.valueType,
      options: JSON.stringify(row.options),
      position: Number(last?.position ?? 0) + 1,
      status: 'active',
      created_at: at,
      created_by: by,
    })
    .execute();
}

export async function updateAttribute(
  trx: Db,
  attributeId: string,
  changes: { name?: string; options?: string[]; status?: 'active' | 'removed' },
): Promise<void> {
  const set: { name?: string; options?: string; status?: 'active' | 'removed' } = {};
  if (changes.name !== undefined) set.name = changes.name;
  if (changes.options !== undefined) set.options = JSON.stringify(changes.options);
  if (changes.status !== undefined) set.status = changes.status;
  if (Object.keys(set).length === 0) return;
  await trx.updateTable('attribute_definitions').set(set).where('id', '=', attributeId).execute();
}

/** Sets (or, with null, clears) one value; returns the value it replaced. */
export async function writeAttributeValue(
  trx: Db,
  projectId: string,
  attributeId: string,
  targetId: string,
  value: string | null,
  by: string,
  at: Date,
): Promise<string | null> {
  const before = await trx
    .selectFrom('attribute_values')
    .select('value')
    .where('attribute_id', '=', attributeId)
    .where('target_id', '=', targetId)
    .executeTakeFirst();
  if (value === null) {
    if (before)
      await trx
        .deleteFrom('attribute_values')
        .where('attribute_id', '=', attributeId)
        .where('target_id', '=', targetId)
        .execute();
  } else {
    await trx
      .insertInto('attribute_values')
      .values({
        attribute_id: attributeId,
        target_id: targetId,
        project_id: projectId,
        value,
        updated_at: at,
        updated_by: by,
      })
      .onConflict((oc) =>
        oc.columns(['attribute_id', 'target_id']).doUpdateSet({ value, updated_at: at, updated_by: by }),
      )
      .execute();
  }
  return before?.value ?? null;
}

/** Values of the project (optionally of some targets only), as target id → attribute id → value. */
export async function attributeValues(
  db: Db,
  projectId: string,
  targetIds?: readonly string[],
): Promise<Map<string, Record<string, string>>> {
  if (targetIds !== undefined && targetIds.length === 0) return new Map();
  let query = db
    .selectFrom('attribute_values')
    .select(['attribute_id', 'target_id', 'value'])
    .where('project_id', '=', projectId);
  if (targetIds !== undefined) query = query.where('target_id', 'in', [...targetIds]);
  const out = new Map<string, Record<string, string>>();
  for (const row of await query.execute()) {
    const values = out.get(row.target_id) ?? {};
    values[row.attribute_id] = row.value;
    out.set(row.target_id, values);
  }
  return out;
}
