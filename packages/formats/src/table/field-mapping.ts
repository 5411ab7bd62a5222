import { TABLE_FIELDS, type TableField } from '@weft/core';
import { FormatError } from '../format-error.js';
import { type ColumnMapping, guessColumnMapping } from './column-mapping.js';

export { TABLE_FIELDS, type TableField };

/**
 * The user's view of a mapping: record field → the column that fills it, or null for none.
 * A field left out keeps its guessed column(s), so `--map title=Name` changes only the title.
 */
export type FieldMapping = Partial<Record<TableField, string | null>>;

/** What a table import used: the file's columns, the guess, and the mapping applied. */
export interface TableMapping {
  columns: string[];
  guessed: Record<TableField, string | null>;
  mapping: Record<TableField, string | null>;
}

/** Each field's column under a column mapping (the first, when a guess sends several columns to one field). */
export function fieldsOfMapping(
  columns: readonly string[],
  mapping: ColumnMapping,
): Record<TableField, string | null> {
  const fields = {} as Record<TableField, string | null>;
  for (const field of TABLE_FIELDS)
    fields[field] = columns.find((column) => mapping[column] === field) ?? null;
  return fields;
}

/**
 * Applies the user's field mapping on top of the guess. A column that is not in the file, or
 * one column chosen for two fields, is refused with a FormatError naming the file: importing
 * with a mapping the user did not mean would fill the wrong fields of every record.
 */
export function applyFieldMapping(
  columns: readonly string[],
  guessed: ColumnMapping,
  chosen: FieldMapping,
  fileName: string,
): ColumnMapping {
  const claimedBy = new Map<string, TableField>();
  for (const [field, column] of Object.entries(chosen) as [TableField, string | null | undefined][]) {
    if (!TABLE_FIELDS.includes(field)) {
      throw new FormatError(fileName, `'${field}' is not a field a column can be mapped to`);
    }
    if (column === null || column === undefined) continue;
    if (!columns.includes(column)) {
      const list = columns.map((c) => `'${c}'`).join(', ');
      throw new FormatError(
        fileName,
        `the column mapping names a column '${column}' (for ${field}) that the file does not have; its columns are ${list}`,
        { line: 1 },
      );
    }
    const other = claimedBy.get(column);
    if (other) {
      throw new FormatError(
        fileName,
        `the column mapping sends column '${column}' to both ${other} and ${field}; choose one`,
        { line: 1 },
      );
    }
    claimedBy.set(column, field);
  }
  const mapping: ColumnMapping = { ...guessed };
  for (const [field, column] of Object.entries(chosen) as [TableField, string | null | undefined][]) {
    if (column === undefined) continue;
    for (const header of columns) if (mapping[header] === field) mapping[header] = 'extra';
  }
  for (const [column, field] of claimedBy) mapping[column] = field;
  return mapping;
}

/** The guess, the user's changes applied, and both as field → column for showing and recording. */
export function resolveTableMapping(
  columns: readonly string[],
  chosen: FieldMapping | undefined,
  fileName: string,
): { columnMapping: ColumnMapping; table: TableMapping } {
  const guess = guessColumnMapping(columns);
  const columnMapping = chosen ? applyFieldMapping(columns, guess, chosen, fileName) : guess;
  return {
    columnMapping,
    table: {
      columns: [...columns],
      guessed: fieldsOfMapping(columns, guess),
      mapping: fieldsOfMapping(columns, columnMapping),
    },
  };
}
