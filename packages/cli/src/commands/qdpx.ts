import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { WeftError } from '@weft/core';
import { placeSelections, readQdpx } from '@weft/formats';
import type { CommandResults, QdpxImportReport } from '@weft/protocol';
import { encodeQdpxExport, executeCommand } from '@weft/server';
import { deleteQdpxUpload, saveQdpxUpload } from '@weft/storage';
import type { Command } from 'commander';
import { cliActor } from '../cli-actor.js';
import { addJsonOption, addStoreOption, type GlobalOptions, withStore } from '../cli-context.js';
import { type CliIo, printJson, printLine } from '../cli-io.js';
import { findProjectId } from '../find-project.js';
import { writeFileAtomically } from '../write-file-atomically.js';

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const reason = (error as { code?: string }).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new WeftError('bad-input', `Cannot read ${file}: ${reason}.`);
  }
}

const COUNT_KEYS = [
  'users',
  'codes',
  'sources',
  'selections',
  'codings',
  'notes',
  'cases',
  'variables',
  'sets',
] as const;

export function printImportReport(io: CliIo, report: QdpxImportReport): void {
  const i = report.imported;
  printLine(
    io,
    `Imported ${i.codes} codes, ${i.documents} documents, ${i.codings} codings (${i.orphanCodings} orphans), ` +
      `${i.sourceFiles} media files with ${i.mediaSelections} selections, ${i.sets} sets.`,
  );
  printLine(io, `Positions: ${report.positions.convention} (decided by ${report.positions.decidedBy}).`);
  for (const line of report.adapted) printLine(io, `Adapted: ${line}.`);
  for (const n of report.notImported) printLine(io, `Not imported: ${n.count} ${n.what}: ${n.why}.`);
  for (const o of report.orphans.slice(0, 10))
    printLine(io, `Orphan: selection ${o.selectionGuid} in "${o.source}": ${o.reason}.`);
}

export function registerQdpx(program: Command, io: CliIo): void {
  const qdpx = program
    .command('qdpx')
    .description('REFI-QDA project exchange (.qdpx, .qde, .qdc): NVivo, ATLAS.ti, MAXQDA and others');

  const inspect = qdpx
    .command('inspect')
    .description('Count what a .qdpx/.qde/.qdc holds, without writing anything')
    .argument('<file>', 'the REFI-QDA file');
  addJsonOption(inspect);
  inspect.action(async (file: string, options: GlobalOptions) => {
    const archive = readQdpx(await readInput(file), basename(file));
    const counts = Object.fromEntries(COUNT_KEYS.map((k) => [k, archive.counts[k]]));
    if (options.json) {
      printJson(io, counts);
      return;
    }
    const placement = placeSelections(archive);
    printLine(io, `${basename(file)}: ${archive.kind}, project file ${archive.qdeName}`);
    if (archive.project.origin) printLine(io, `written by ${archive.project.origin}`);
    for (const k of COUNT_KEYS) printLine(io, `  ${k.padEnd(11)}${counts[k]}`);
    const unplaced = placement.texts.reduce((n, t) => n + t.selections.filter((s) => !s.placed).length, 0);
    printLine(io, `positions: ${placement.convention} (decided by ${placement.decidedBy})`);
    if (unplaced > 0) printLine(io, `${unplaced} text selections cannot be placed (their text is missing)`);
  });

  const importCommand = qdpx
    .command('import')
    .description('Import a .qdpx/.qde/.qdc into a new project and print its id and the report')
    .argument('<file>', 'the REFI-QDA file')
    .option('--name <name>', "the new project's name (default: the file's project name)");
  addStoreOption(importCommand);
  addJsonOption(importCommand);
  importCommand.action(async (file: string, options: GlobalOptions & { name?: string }) => {
    const bytes = await readInput(file);
    await withStore(
      options,
      async (store) => {
        const actor = await cliActor(store);
        const uploadId = randomUUID();
        await saveQdpxUpload(
          store.db,
          { id: uploadId, fileName: basename(file), bytes, uploadedBy: actor.id },
          new Date(),
        );
        let result: CommandResults['project.import-qdpx'];
        try {
          const response = await executeCommand(store, actor, {
            id: randomUUID(),
            type: 'project.import-qdpx',
            payload: { uploadId, ...(options.name ? { name: options.name } : {}) },
          });
          result = response.result as CommandResults['project.import-qdpx'];
        } catch (error) {
          // A refused import leaves nothing behind, not even the staged file.
          await deleteQdpxUpload(store.db, uploadId);
          throw error;
        }
        if (options.json) {
          printJson(io, result);
          return;
        }
        printLine(io, `Project ${result.projectId}`);
        printImportReport(io, result.report);
      },
      io,
    );
  });

  const exportCommand = qdpx
    .command('export')
    .description('Export a project as a REFI-QDA project (.qdpx)')
    .argument('<project>', 'project id or name (see `weft project list`)')
    .argument('<out-file>', 'the .qdpx to write (replaced if it exists)');
  addStoreOption(exportCommand);
  addJsonOption(exportCommand);
  exportCommand.action(async (project: string, out: string, options: GlobalOptions) => {
    await withStore(
      options,
      async (store) => {
        const projectId = await findProjectId(store, project);
        const exported = await encodeQdpxExport(store.db, projectId, 'qdpx');
        await writeFileAtomically(out, exported.bytes);
        if (options.json) printJson(io, { file: out, ...exported.counts });
        else
          printLine(
            io,
            `Wrote ${out}: ${exported.counts.codes} codes, ${exported.counts.sources} sources, ${exported.counts.codings} codings.`,
          );
      },
      io,
    );
  });
}
