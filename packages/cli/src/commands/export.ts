import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { WeftError } from '@weft/core';
import { extensionOf } from '@weft/formats';
import { encodeRecordsExport, RECORD_EXPORT_FORMATS, type RecordExportFormat } from '@weft/server';
import { EXPORT_VIEWS, type ExportView, listAllProjects, type Store } from '@weft/storage';
import { type Command, Option } from 'commander';
import { addJsonOption, addStoreOption, type GlobalOptions, withStore } from '../cli-context.js';
import { type CliIo, printJson, printLine } from '../cli-io.js';

const EXPORT_FORMATS = RECORD_EXPORT_FORMATS;
type ExportFormat = RecordExportFormat;

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
        await writeChunks(
          file,
          encodeRecordsExport(store.db, projectId, options.view, format, (n) => {
            counted.records += n;
          }),
        );
      },
      io,
    );
    if (options.json) printJson(io, { file, format, view: options.view, records: counted.records });
    else printLine(io, `${file}: ${counted.records} records (${options.view}) written as ${format}`);
  });
}
