import { buildMethodsRecord, methodsRecordMarkdown, WeftError } from '@weft/core';
import { gatherMethodsRecord, methodsRecordDocx } from '@weft/server';
import { findProject } from '@weft/storage';
import type { Command } from 'commander';
import { addStoreOption, type GlobalOptions, withStore } from '../cli-context.js';
import { type CliIo, printLine } from '../cli-io.js';
import { findProjectId } from '../find-project.js';
import { VERSION } from '../version.js';
import { writeFileAtomically } from '../write-file-atomically.js';

interface MethodsOptions extends GlobalOptions {
  md?: string;
  docx?: string;
}

export function registerMethods(program: Command, io: CliIo): void {
  const command = program
    .command('methods')
    .description(
      "The review's methods record (searches, deduplication, screening, agreement, stopping), written from the project",
    )
    .argument('<project>', 'project id or name (see `weft project list`)')
    .option('--md <file>', 'write the record as Markdown')
    .option('--docx <file>', 'write the record as a Word document')
    .addHelpText('after', '\nWithout --md or --docx it prints the Markdown.');
  addStoreOption(command);
  command.action(async (project: string, options: MethodsOptions) => {
    await withStore(
      options,
      async (store) => {
        const found = await findProject(store.db, await findProjectId(store, project));
        if (!found) throw new WeftError('not-found', `No project "${project}" (see \`weft project list\`).`);
        const doc = buildMethodsRecord(await gatherMethodsRecord(store.db, found, VERSION, new Date()));
        const markdown = methodsRecordMarkdown(doc);
        if (!options.md && !options.docx) {
          io.stdout.write(markdown.endsWith('\n') ? markdown : `${markdown}\n`);
          return;
        }
        if (options.md) await writeFileAtomically(options.md, markdown);
        if (options.docx) await writeFileAtomically(options.docx, await methodsRecordDocx(doc));
        for (const file of [options.md, options.docx]) if (file) printLine(io, `wrote ${file}`);
      },
      io,
    );
  });
}
