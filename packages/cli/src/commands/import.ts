import { randomUUID } from 'node:crypto';
import { type FileHandle, open } from 'node:fs/promises';
import { basename } from 'node:path';
import { type User, WeftError } from '@weft/core';
import {
  type ColumnMappingInput,
  type CommandResults,
  IMPORT_FORMATS,
  SEARCH_SOURCE_TYPES,
  TABLE_FIELDS,
  type TableField,
} from '@weft/protocol';
import { executeCommand, importProgress } from '@weft/server';
import {
  deleteUnimportedUpload,
  listAllProjects,
  listSearches,
  type Store,
  saveUploadStream,
} from '@weft/storage';
import { type Command, Option } from 'commander';
import { cliActor } from '../cli-actor.js';
import { addJsonOption, addStoreOption, type GlobalOptions, withStore } from '../cli-context.js';
import { type CliIo, printJson, printLine } from '../cli-io.js';
import { createProgressBar } from '../progress-bar.js';

interface ImportOptions extends GlobalOptions {
  search: string;
  date?: string;
  project?: string;
  sourceType: (typeof SEARCH_SOURCE_TYPES)[number];
  platform?: string;
  query?: string;
  reported?: number;
  format?: (typeof IMPORT_FORMATS)[number];
  map: ColumnMappingInput;
}

/** `--map title="Article Title"` (repeatable); `--map abstract=` maps no column to the abstract. */
function collectMapping(value: string, previous: ColumnMappingInput): ColumnMappingInput {
  const equals = value.indexOf('=');
  const field = (equals === -1 ? value : value.slice(0, equals)).trim();
  if (equals === -1 || !(TABLE_FIELDS as readonly string[]).includes(field)) {
    throw new WeftError(
      'validation',
      `--map takes FIELD=COLUMN with FIELD one of ${TABLE_FIELDS.join(', ')}; not "${value}".`,
    );
  }
  const column = value.slice(equals + 1).trim();
  return { ...previous, [field as TableField]: column === '' ? null : column };
}

/**
 * Opens the file to stream it into the store in chunks (a 100 MB export is never read whole);
 * opened first so a missing file or a directory is reported before anything is stored.
 */
async function openInput(file: string): Promise<FileHandle> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    if ((await handle.stat()).isDirectory())
      throw Object.assign(new Error('it is a directory'), { code: 'EISDIR' });
    return handle;
  } catch (error) {
    await handle?.close();
    const reason = (error as { code?: string }).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new WeftError('bad-input', `Cannot read ${file}: ${reason}.`);
  }
}

/** --project, or the only project there is; a guess between several would import into the wrong review. */
async function chooseProject(store: Store, given: string | undefined): Promise<string> {
  const projects = await listAllProjects(store.db);
  if (given) {
    const found = projects.find((p) => p.id === given || p.name === given);
    if (!found) throw new WeftError('not-found', `No project "${given}" (see \`weft project list\`).`);
    return found.id;
  }
  if (projects.length === 1 && projects[0]) return projects[0].id;
  throw new WeftError(
    'validation',
    projects.length === 0
      ? 'There is no project yet: create one with `weft project create NAME`.'
      : `There are ${projects.length} projects: choose one with --project ID (see \`weft project list\`).`,
  );
}

async function run<T extends keyof CommandResults>(
  store: Store,
  actor: User,
  type: T,
  projectId: string,
  payload: unknown,
): Promise<CommandResults[T]> {
  const response = await executeCommand(store, actor, { id: randomUUID(), type, projectId, payload });
  return response.result as CommandResults[T];
}

/** The search with this name and date, created (or its reported count updated) as the options say. */
async function ensureSearch(store: Store, actor: User, projectId: string, options: ImportOptions) {
  const fields = {
    sourceType: options.sourceType,
    name: options.search,
    platform: options.platform ?? '',
    dateRun: options.date ?? null,
    query: options.query ?? '',
    reportedCount: options.reported ?? null,
  };
  const existing = (await listSearches(store.db, projectId)).find(
    (s) => s.name === fields.name && s.dateRun === fields.dateRun,
  );
  if (!existing) return (await run(store, actor, 'search.create', projectId, fields)).searchId;
  if (options.reported !== undefined && existing.reportedCount !== options.reported) {
    await run(store, actor, 'search.update', projectId, {
      ...existing,
      reportedCount: options.reported,
      searchId: existing.id,
      expectedVersion: existing.version,
    });
  }
  return existing.id;
}

export function registerImport(program: Command, io: CliIo): void {
  const command = program
    .command('import')
    .description(
      'Import search results (RIS, MEDLINE, PubMed XML, EndNote XML, BibTeX, CSV/TSV/XLSX, Web of Science) into a project',
    )
    .argument(
      '<files...>',
      'exported search results; each file is one import, stored completely or not at all',
    )
    .requiredOption('--search <name>', 'the search they came from, e.g. "MEDLINE via Ovid" (created if new)')
    .option('--date <YYYY-MM-DD>', 'the date the search was run')
    .option('--project <id>', 'the project (default: the only project)')
    .addOption(
      new Option('--source-type <type>', 'PRISMA-S source type')
        .choices(SEARCH_SOURCE_TYPES)
        .default('database'),
    )
    .option('--platform <name>', 'the platform or interface, e.g. Ovid')
    .option('--query <text>', 'the search query as run')
    .option('--reported <n>', 'the number of records the source reported', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0)
        throw new WeftError('validation', `--reported must be a whole number, not "${v}".`);
      return n;
    })
    .addOption(new Option('--format <id>', 'skip format detection').choices(IMPORT_FORMATS))
    .option(
      '--map <field=column>',
      'CSV/TSV/XLSX: the column that fills a record field, changing the guess from the headers, e.g. --map title="Article Title" (repeatable; --map abstract= for none)',
      collectMapping,
      {},
    );
  addStoreOption(command);
  addJsonOption(command);
  command.action(async (files: string[], options: ImportOptions) => {
    if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
      throw new WeftError('validation', `--date must look like 2020-03-01, not "${options.date}".`);
    }
    const summary = await withStore(options, async (store) => {
      const actor = await cliActor(store);
      const projectId = await chooseProject(store, options.project);
      const searchId = await ensureSearch(store, actor, projectId, options);
      const imports: Array<CommandResults['import.records'] & { file: string }> = [];
      for (const file of files) {
        const handle = await openInput(file);
        const upload = await saveUploadStream(
          store.db,
          { id: randomUUID(), projectId, fileName: basename(file), uploadedBy: actor.id, at: new Date() },
          handle.createReadStream({ highWaterMark: 1024 * 1024, autoClose: false }),
        ).finally(() => handle.close());
        const bar = createProgressBar(io, `importing ${basename(file)}`);
        const columnMapping = Object.keys(options.map).length > 0 ? options.map : undefined;
        const result = await importProgress
          .run(
            (phase, done, total) => {
              if (phase === 'storing') bar.update(done, total);
            },
            () =>
              run(store, actor, 'import.records', projectId, {
                searchId,
                uploadId: upload.id,
                ...(options.format ? { format: options.format } : {}),
                ...(columnMapping ? { columnMapping } : {}),
              }),
          )
          .catch(async (error: unknown) => {
            // The import rolled back; the stored file must go too, so a failed import leaves nothing.
            await deleteUnimportedUpload(store.db, projectId, upload.id);
            throw error;
          })
          .finally(() => bar.finish());
        imports.push({ file, ...result });
        if (!options.json) {
          printLine(
            io,
            `${file}: ${result.recordCount} records imported (${result.format}) into "${options.search}"`,
          );
          for (const warning of result.warnings) {
            const where = warning.line !== undefined ? `line ${warning.line}: ` : '';
            printLine(io, `  warning: ${where}${warning.message}`);
          }
        }
      }
      return { projectId, searchId, imports };
    });
    if (options.json) printJson(io, summary);
  });
}
