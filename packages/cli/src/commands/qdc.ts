import { encodeQdpxExport } from '@weft/server';
import type { Command } from 'commander';
import { addJsonOption, addStoreOption, type GlobalOptions, withStore } from '../cli-context.js';
import { type CliIo, printJson, printLine } from '../cli-io.js';
import { findProjectId } from '../find-project.js';
import { writeFileAtomically } from '../write-file-atomically.js';

export function registerQdc(program: Command, io: CliIo): void {
  const qdc = program.command('qdc').description('REFI-QDA codebook exchange (.qdc)');
  const exportCommand = qdc
    .command('export')
    .description("Export a project's codebook as a REFI-QDA codebook (.qdc)")
    .argument('<project>', 'project id or name (see `weft project list`)')
    .argument('<out-file>', 'the .qdc to write (replaced if it exists)');
  addStoreOption(exportCommand);
  addJsonOption(exportCommand);
  exportCommand.action(async (project: string, out: string, options: GlobalOptions) => {
    await withStore(
      options,
      async (store) => {
        const projectId = await findProjectId(store, project);
        const exported = await encodeQdpxExport(store.db, projectId, 'qdc');
        await writeFileAtomically(out, exported.bytes);
        if (options.json) printJson(io, { file: out, codes: exported.counts.codes });
        else printLine(io, `Wrote ${out}: ${exported.counts.codes} codes.`);
      },
      io,
    );
  });
}
