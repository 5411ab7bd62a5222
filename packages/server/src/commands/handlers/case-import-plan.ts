import { DOCUMENT_CLASSIFICATION, parseAttributeValue, WeftError } from '@weft/core';
import { isFormatError, readClassificationCsv } from '@weft/formats';
import type { ClassificationImportCheck, ClassificationImportProblem } from '@weft/protocol';
import { type CaseRow, type Database, listAttributes, listCases, type StoredAttribute } from '@weft/storage';
import type { Kysely, Transaction } from 'kysely';
import { classificationOf } from './case-lookup.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * What importing a classification sheet would do, worked out without writing anything: the
 * import-check route shows it as a preview and classification.import applies it. Rows match
 * active cases by name and columns match attributes by name (both case-insensitively); a new
 * column becomes a text attribute; an empty cell clears the value.
 */
export interface ClassificationImportPlan {
  check: ClassificationImportCheck;
  newAttributes: string[];
  rows: {
    existing: CaseRow | undefined;
    name: string;
    description: string | undefined;
    /** Canonical value (null clears) by column name. */
    values: Record<string, string | null>;
  }[];
  attributes: Map<string, StoredAttribute | undefined>;
}

const PROBLEMS_SHOWN = 50;

export async function planClassificationImport(
  db: Db,
  projectId: string,
  classificationName: string,
  fileName: string,
  text: string,
): Promise<ClassificationImportPlan> {
  const classification = classificationOf(classificationName);
  if (classification === DOCUMENT_CLASSIFICATION)
    throw new WeftError('validation', 'Document attributes are set per document, not imported as a sheet.');
  const check: ClassificationImportCheck = {
    classification,
    rows: 0,
    newCases: [],
    updatedCases: 0,
    newAttributes: [],
    values: 0,
    problems: [],
  };
  const plan: ClassificationImportPlan = { check, newAttributes: [], rows: [], attributes: new Map() };
  let sheet: ReturnType<typeof readClassificationCsv>;
  try {
    sheet = readClassificationCsv(text, fileName);
  } catch (error) {
    if (!isFormatError(error)) throw error;
    check.problems.push({ line: error.line ?? 1, column: null, message: error.reason });
    return plan;
  }
  check.rows = sheet.rows.length;
  const [attributes, cases] = await Promise.all([
    listAttributes(db, projectId, { classification }),
    listCases(db, projectId, classification),
  ]);
  for (const column of sheet.attributes) {
    const found = attributes.find((a) => a.name.toLowerCase() === column.toLowerCase());
    plan.attributes.set(column, found);
    if (!found) plan.newAttributes.push(column);
  }
  check.newAttributes = plan.newAttributes;
  const active = new Map(
    cases.filter((c) => c.status === 'active').map((c) => [c.name.trim().toLowerCase(), c]),
  );
  const problems: ClassificationImportProblem[] = [];
  for (const row of sheet.rows) {
    const existing = active.get(row.name.toLowerCase());
    if (existing) check.updatedCases++;
    else check.newCases.push(row.name);
    const values: Record<string, string | null> = {};
    for (const column of sheet.attributes) {
      const attribute = plan.attributes.get(column) ?? {
        name: column,
        valueType: 'text' as const,
        options: [],
      };
      const parsed = parseAttributeValue(attribute, row.cells[column] ?? '');
      if (!parsed.ok) problems.push({ line: row.line, column, message: parsed.message });
      else {
        values[column] = parsed.value;
        if (parsed.value !== null) check.values++;
      }
    }
    plan.rows.push({ existing, name: row.name, description: row.description, values });
  }
  check.problems = problems.slice(0, PROBLEMS_SHOWN);
  if (problems.length > PROBLEMS_SHOWN)
    check.problems.push({
      line: problems[PROBLEMS_SHOWN]?.line ?? 0,
      column: null,
      message: `and ${problems.length - PROBLEMS_SHOWN} more problems`,
    });
  return plan;
}

/** The first problem as one line naming the file, line and column, for a refused import. */
export function describeImportProblems(
  fileName: string,
  problems: readonly ClassificationImportProblem[],
): string {
  const [first] = problems;
  if (!first) return `${fileName}: nothing to import`;
  const where = `${fileName}, line ${first.line}${first.column ? `, column “${first.column}”` : ''}`;
  const more =
    problems.length > 1
      ? ` (and ${problems.length - 1} more problem${problems.length === 2 ? '' : 's'})`
      : '';
  return `${where}: ${first.message}${more}`;
}
