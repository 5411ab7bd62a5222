import { classificationNameProblem, normaliseClassificationName, WeftError } from '@weft/core';
import {
  type CaseRow,
  type Database,
  getAttribute,
  getCase,
  listAttributes,
  type StoredAttribute,
} from '@weft/storage';
import type { Kysely, Transaction } from 'kysely';

/* Lookups the case and attribute handlers share: each refuses with a message a person can act on. */

type Db = Kysely<Database> | Transaction<Database>;

export function classificationOf(name: string): string {
  const problem = classificationNameProblem(name);
  if (problem) throw new WeftError('validation', problem);
  return normaliseClassificationName(name);
}

export async function requireCase(db: Db, projectId: string, caseId: string): Promise<CaseRow> {
  const row = await getCase(db, projectId, caseId);
  if (!row) throw new WeftError('not-found', 'That case does not exist in this project.');
  return row;
}

export async function requireAttribute(
  db: Db,
  projectId: string,
  attributeId: string,
): Promise<StoredAttribute> {
  const attribute = await getAttribute(db, projectId, attributeId);
  if (attribute?.status !== 'active')
    throw new WeftError('not-found', 'That attribute does not exist in this project (or was removed).');
  return attribute;
}

/** Attribute names are unique within a classification, compared case-insensitively. */
export async function refuseTakenAttributeName(
  db: Db,
  projectId: string,
  classification: string,
  name: string,
  exceptId?: string,
): Promise<void> {
  const taken = (await listAttributes(db, projectId, { classification })).find(
    (a) => a.id !== exceptId && a.name.toLowerCase() === name.trim().toLowerCase(),
  );
  if (taken)
    throw new WeftError(
      'conflict',
      `The ${classification} classification already has an attribute “${taken.name}”.`,
    );
}

/** Case names are unique among the active cases of a classification, compared case-insensitively. */
export async function refuseTakenCaseName(
  db: Db,
  projectId: string,
  classification: string,
  name: string,
  exceptId?: string,
): Promise<void> {
  const taken = await db
    .selectFrom('cases')
    .select(['id', 'name'])
    .where('project_id', '=', projectId)
    .where('classification', '=', classification)
    .where('status', '=', 'active')
    .execute();
  const clash = taken.find(
    (c) => c.id !== exceptId && c.name.trim().toLowerCase() === name.trim().toLowerCase(),
  );
  if (clash)
    throw new WeftError('conflict', `There is already a ${classification} case called “${clash.name}”.`);
}
