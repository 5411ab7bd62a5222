import { basename } from 'node:path';
import { WeftError } from '@weft/core';
import { extensionOf } from '@weft/formats';
import { encodeRecordsExport, RECORD_EXPORT_FORMATS, type RecordExportFormat } from '@weft/server';
import { EXPORT_VIEWS, type ExportView } from '@weft/storage';
import { type Command, Option } from 'commander';
import { addJsonOption, addStoreOption, type GlobalOptions, withStore } from '../cli-context.js';
import { type CliIo, printJson, printLine } from '../cli-io.js';
import { findProjectId } from '../find-project.js';
import { writeFileAtomically } from '../write-file-atomically.js';

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
        await writeFileAtomically(
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
