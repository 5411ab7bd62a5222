import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type BibliographicRecord, WeftError } from '@weft/core';
import { extensionOf, formatBibtex, formatCsv, formatRis, formatXlsx } from '@weft/formats';
import {
  EXPORT_EXTRA_KEYS,
  EXPORT_VIEWS,
  type ExportView,
  exportRecordBatches,
  listAllProjects,
  listExportExtraKeys,
  type Store,
} from '@weft/storage';
import { type Command, Option } from 'commander';
import { addJsonOption, addStoreOption, type GlobalOptions, withStore } from '../cli-context.js';
import { type CliIo, printJson, printLine } from '../cli-io.js';

export const EXPORT_FORMATS = ['ris', 'bibtex', 'csv', 'tsv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const FORMAT_OF_EXTENSION: Readonly<Record<string, ExportFormat>> = {
  ris: 'ris',
  bib: 'bibtex',
  bibtex: 'bibtex',
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  xlsx: 'xlsx',
};

interface ExportOptions extends GlobalOptions {
  format?: ExportFormat;
  view: ExportView;
}

/*
 * The file is written as the server's GET /api/projects/:id/records/export writes it
 * (packages/server/src/routes/records-export.ts); the server does not export its encoder, so the
 * few format rules are repeated here and both are tested by re-reading what they write.
 */

/** RIS keeps only two-character tags: provenance goes to the user-definable tags U1–U3. */
const RIS_PROVENANCE_TAGS: Readonly<Record<string, string>> = {
  [EXPORT_EXTRA_KEYS.recordId]: 'U1',
  [EXPORT_EXTRA_KEYS.search]: 'U2',
  [EXPORT_EXTRA_KEYS.groupId]: 'U3',
};

function risRecord(record: BibliographicRecord): BibliographicRecord {
  const tags = Object.values(RIS_PROVENANCE_TAGS);
  const extra: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(record.extra)) {
    if (!(key in RIS_PROVENANCE_TAGS) && !tags.includes(key)) extra[key] = values;
  }
  for (const [key, tag] of Object.entries(RIS_PROVENANCE_TAGS)) {
    const values = record.extra[key];
    if (values) extra[tag] = values;
  }
  return { ...record, extra };
}

/** Citation keys unique in the whole file, not only in one batch. */
function uniqueBibtexEntry(entry: string, used: Set<string>): string {
  const newline = entry.indexOf('\n');
  const head = /^@([^{]*)\{(.*),$/.exec(entry.slice(0, newline));
  if (!head) return entry;
  const key = head[2] ?? '';
  let unique = key;
  for (let n = 2; used.has(unique); n++) unique = `${key}-${n}`;
  used.add(unique);
  return unique === key ? entry : `@${head[1]}{${unique},${entry.slice(newline)}`;
}

/** The first record of each batch names every column, so every batch has the same columns. */
function withAllColumns(
  records: readonly BibliographicRecord[],
  keys: readonly string[],
): BibliographicRecord[] {
  return records.map((record, index) => {
    const extra: Record<string, string[]> = {};
    for (const key of keys) {
      const values = record.extra[key];
      if (values) extra[key] = values;
      else if (index === 0) extra[key] = [];
    }
    return { ...record, extra };
  });
}

/** Chunks of the file: a batch of 1,000 records at a time, except XLSX (built in memory). */
async function* encode(
  store: Store,
  projectId: string,
  view: ExportView,
  format: ExportFormat,
  counted: { records: number },
): AsyncGenerator<string | Uint8Array> {
  const batches = exportRecordBatches(store.db, projectId, { view });
  if (format === 'xlsx') {
    const all: BibliographicRecord[] = [];
    for await (const batch of batches) all.push(...batch);
    counted.records = all.length;
    yield await formatXlsx(all);
    return;
  }
  if (format === 'ris' || format === 'bibtex') {
    const used = new Set<string>();
    for await (const batch of batches) {
      if (format === 'ris') yield formatRis(batch.map(risRecord));
      else {
        const entries = batch.map((record) => uniqueBibtexEntry(formatBibtex([record]), used));
        yield `${counted.records === 0 ? '' : '\n'}${entries.join('\n')}`;
      }
      counted.records += batch.length;
    }
    return;
  }
  const delimiter = format === 'tsv' ? '\t' : ',';
  const keys = await listExportExtraKeys(store.db, projectId, view);
  const empty: BibliographicRecord = {
    type: 'bibliographic-record',
    authors: [],
    keywords: [],
    urls: [],
    extra: {},
  };
  const shape = formatCsv(withAllColumns([empty], keys), delimiter);
  const header = shape.slice(0, shape.lastIndexOf('\r\n', shape.length - 3) + 2);
  yield header;
  for await (const batch of batches) {
    const text = formatCsv(withAllColumns(batch, keys), delimiter);
    if (!text.startsWith(header)) throw new Error('CSV export: the columns changed between batches');
    yield text.slice(header.length);
    counted.records += batch.length;
  }
}

function formatOf(file: string, given: ExportFormat | undefined): ExportFormat {
  if (given) return given;
  const format = FORMAT_OF_EXTENSION[extensionOf(file)];
  if (!format) {
    throw new WeftError(
      'validation',
      `Cannot tell the format from "${basename(file)}": name it .ris, .bib, .csv, .tsv or .xlsx, or give --format ${EXPORT_FORMATS.join('|')}.`,
    );
  }
  return format;
}

async function findProjectId(store: Store, given: string): Promise<string> {
  const found = (await listAllProjects(store.db)).find((p) => p.id === given || p.name === given);
  if (!found) throw new WeftError('not-found', `No project "${given}" (see \`weft project list\`).`);
  return found.id;
}

/**
 * Writes beside the target and renames at the end, so a failure never leaves half a file
 * (nor destroys an earlier export of the same name).
 */
async function writeChunks(file: string, chunks: AsyncIterable<string | Uint8Array>): Promise<void> {
  const partial = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
  const out = createWriteStream(partial);
  try {
    await once(out, 'open');
  } catch (error) {
    const reason =
      (error as { code?: string }).code === 'ENOENT' ? 'no such directory' : (error as Error).message;
    throw new WeftError('bad-input', `Cannot write ${file}: ${reason}.`);
  }
  try {
    for await (const chunk of chunks) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    await rename(partial, file);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    if ((error as { code?: string }).code === 'EISDIR') {
      throw new WeftError('bad-input', `Cannot write ${file}: it is a directory.`);
    }
    throw error;
  }
}

export function registerExport(program: Command, io: CliIo): void {
  const command = program
    .command('export')
    .description("Export a project's records as RIS, BibTeX, CSV, TSV or XLSX")
    .argument('<project>', 'project id or name (see `weft project list`)')
    .argument('<out-file>', 'the file to write (replaced if it exists)')
    .addOption(
      new Option('--format <format>', 'file format (default: from the file name)').choices(EXPORT_FORMATS),
    )
    .addOption(
      new Option(
        '--view <view>',
        'remaining: one record per duplicate group (its merged copy) and every unmerged record; all: every imported record',
      )
        .choices(EXPORT_VIEWS)
        .default('remaining'),
    )
    .addHelpText(
      'after',
      '\nEach record carries its Weft record id, search and duplicate group in weft_record_id,\n' +
        'weft_search and weft_group_id (RIS: U1, U2, U3), so a re-import keeps its provenance.',
    );
  addStoreOption(command);
  addJsonOption(command);
  command.action(async (project: string, file: string, options: ExportOptions) => {
    const format = formatOf(file, options.format);
    const counted = { records: 0 };
    await withStore(
      options,
      async (store) => {
        const projectId = await findProjectId(store, project);
        await writeChunks(file, encode(store, projectId, options.view, format, counted));
      },
      io,
    );
    if (options.json) printJson(io, { file, format, view: options.view, records: counted.records });
    else printLine(io, `${file}: ${counted.records} records (${options.view}) written as ${format}`);
  });
}
