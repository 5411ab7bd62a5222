import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { WeftError } from '@weft/core';
import { type FormatWarning, parseFile } from '@weft/formats';

/** The label columns a simulation reads, in order of preference (ASReview's names). */
export const LABEL_COLUMNS = ['label_included', 'included'] as const;

export interface LabelledRecords {
  readonly fileName: string;
  readonly labelColumn: string;
  /** Title + abstract of each record, the text the app's model sees. */
  readonly texts: string[];
  /** true = relevant (label 1). */
  readonly labels: boolean[];
  /** The line in the file each record starts on, to name prior records. */
  readonly lines: number[];
  readonly warnings: readonly FormatWarning[];
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new WeftError('bad-input', `Cannot read ${file}: ${reason}.`);
  }
}

/**
 * Reads a labelled screening set (an ASReview-style CSV, or any table format @weft/formats
 * reads) with the same reader as `weft import`, so the text matches what a project would hold.
 * The table reader keeps label columns in `record.extra` under their header and drops empty
 * cells, so a record without a label has no entry there: a simulation needs every label.
 */
export async function readLabelledFile(file: string): Promise<LabelledRecords> {
  const fileName = basename(file);
  const parsed = await parseFile(await readBytes(file), fileName);
  const headers = new Set(parsed.records.flatMap((item) => Object.keys(item.record.extra)));
  const labelColumn = LABEL_COLUMNS.find((column) => headers.has(column));
  if (labelColumn === undefined) {
    throw new WeftError(
      'bad-input',
      `${fileName} has no label column (${LABEL_COLUMNS.join(' or ')}, 1 = relevant, 0 = irrelevant).`,
    );
  }
  const texts: string[] = [];
  const labels: boolean[] = [];
  const lines: number[] = [];
  for (const item of parsed.records) {
    const cell = item.record.extra[labelColumn]?.[0]?.trim();
    const value = cell === undefined || cell === '' ? Number.NaN : Number(cell);
    if (value !== 0 && value !== 1) {
      throw new WeftError(
        'bad-input',
        `${fileName}, line ${item.line}: ${labelColumn} must be 1 or 0 for every record, not ${cell ? `"${cell}"` : 'empty'}.`,
      );
    }
    texts.push(`${item.record.title ?? ''} ${item.record.abstract ?? ''}`);
    labels.push(value === 1);
    lines.push(item.line);
  }
  if (texts.every((text) => text.trim() === '')) {
    throw new WeftError('bad-input', `${fileName} has no title or abstract text for the model to read.`);
  }
  return { fileName, labelColumn, texts, labels, lines, warnings: parsed.warnings };
}
