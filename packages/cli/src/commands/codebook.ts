import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { WeftError } from '@weft/core';
import { type CodebookFormat, codebookFormatOf, decodeText } from '@weft/formats';
import type { CommandResults } from '@weft/protocol';
import { encodeCodebookExport, executeCommand } from '@weft/server';
import { listAllProjects } from '@weft/storage';
import { type Command, Option } from 'commander';
import { cliActor } from '../cli-actor.js';
import { addJsonOption, addStoreOption, type GlobalOptions, withStore } from '../cli-context.js';
import { type CliIo, printJson, printLine } from '../cli-io.js';
import { findProjectId } from '../find-project.js';
import { writeFileAtomically } from '../write-file-atomically.js';

interface ImportOptions extends GlobalOptions {
  format?: CodebookFormat;
}

function formatOf(file: string, given?: CodebookFormat): CodebookFormat {
  const format = given ?? codebookFormatOf(file);
  if (!format)
    throw new WeftError(
      'validation',
      `Cannot tell the format from "${basename(file)}": name it .csv or .md, or give --format csv|markdown.`,
    );
  return format;
}

/** `weft codebook export|import`: the codebook as CSV or Markdown (the shapes README documents). */
export function registerCodebook(program: Command, io: CliIo): void {
  const codebook = program.command('codebook').description('Codebook exchange as CSV or Markdown');

  const exportCommand = codebook
    .command('export')
    .description("Write a project's codebook as CSV (.csv) or Markdown (.md)")
    .argument('<project>', 'project id or name (see `weft project list`)')
    .argument('<out-file>', 'the .csv or .md to write (replaced if it exists)');
  addStoreOption(exportCommand);
  addJsonOption(exportCommand);
  exportCommand.action(async (project: string, out: string, options: GlobalOptions) => {
    const format = formatOf(out) === 'csv' ? 'csv' : 'md';
    await withStore(
      options,
      async (store) => {
        const projectId = await findProjectId(store, project);
        const found = (await listAllProjects(store.db)).find((p) => p.id === projectId);
        const exported = await encodeCodebookExport(
          store.db,
          { id: projectId, name: found?.name ?? '' },
          format,
        );
        await writeFileAtomically(out, Buffer.from(exported.text, 'utf8'));
        if (options.json) printJson(io, { file: out, codes: exported.codes });
        else printLine(io, `Wrote ${out}: ${exported.codes} code${exported.codes === 1 ? '' : 's'}.`);
      },
      io,
    );
  });

  const importCommand = codebook
    .command('import')
    .description('Add the codes of a CSV or Markdown codebook to a project (codes already there are kept)')
    .argument('<project>', 'project id or name (see `weft project list`)')
    .argument('<file>', 'a .csv or .md codebook')
    .addOption(
      new Option('--format <format>', 'file format (default: from the file name)').choices([
        'csv',
        'markdown',
      ]),
    );
  addStoreOption(importCommand);
  addJsonOption(importCommand);
  importCommand.action(async (project: string, file: string, options: ImportOptions) => {
    const format = formatOf(file, options.format);
    const fileName = basename(file);
    const { text } = decodeText(new Uint8Array(await readFile(file)), fileName);
    await withStore(
      options,
      async (store) => {
        const projectId = await findProjectId(store, project);
        const actor = await cliActor(store);
        const response = await executeCommand(store, actor, {
          id: randomUUID(),
          type: 'codebook.import',
          projectId,
          payload: { fileName, format, text },
        });
        const result = response.result as CommandResults['codebook.import'];
        if (options.json) printJson(io, { file, created: result.created, skipped: result.skipped });
        else
          printLine(
            io,
            `Imported ${fileName}: ${result.created} code${result.created === 1 ? '' : 's'} added, ${result.skipped} already in the codebook.`,
          );
      },
      io,
    );
  });
}
