import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type User, WeftError } from '@weft/core';
import { formatDecisionFile } from '@weft/formats';
import { type CommandResults, DECISION_FILE_FORMATS, type DecisionFileFormat } from '@weft/protocol';
import { askerOf, decisionExportRows, executeCommand } from '@weft/server';
import { listStages, type Store, type StoredStage, saveUpload, stageChain } from '@weft/storage';
import { type Command, Option } from 'commander';
import { cliActor, userByName } from '../cli-actor.js';
import { addJsonOption, addStoreOption, type GlobalOptions, withStore } from '../cli-context.js';
import { type CliIo, printJson, printLine } from '../cli-io.js';
import { findProjectId } from '../find-project.js';
import { writeFileAtomically } from '../write-file-atomically.js';

interface ImportOptions extends GlobalOptions {
  stage: string;
  reviewer: string;
  format?: DecisionFileFormat;
}

interface ExportOptions extends GlobalOptions {
  stage: string;
  format: DecisionFileFormat;
  out: string;
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

/** The stage with this key; a project without stages gets the default ones first (import only). */
async function findStage(
  store: Store,
  actor: User,
  projectId: string,
  key: string,
  setUp: boolean,
): Promise<StoredStage> {
  let stages = await listStages(store.db, projectId);
  if (stages.length === 0 && setUp) {
    await run(store, actor, 'screening.set-up', projectId, {});
    stages = await listStages(store.db, projectId);
  }
  const stage = stages.find((s) => s.key === key);
  if (!stage) {
    const known = stages.map((s) => s.key).join(', ');
    throw new WeftError(
      'not-found',
      `No screening stage "${key}" in this project${known ? ` (stages: ${known})` : ' (it has no stages yet)'}.`,
    );
  }
  return stage;
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const reason = (error as { code?: string }).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new WeftError('bad-input', `Cannot read ${file}: ${reason}.`);
  }
}

export function registerScreen(program: Command, io: CliIo): void {
  const screen = program
    .command('screen')
    .description('Screening: move decisions in from other tools and out again');

  const importCommand = screen
    .command('import')
    .description(
      "Import a stage's decisions from an ASReview, Rayyan or Covidence CSV export or a labelled RIS file, attributed to a reviewer",
    )
    .argument('<project>', 'project id or name (see `weft project list`)')
    .argument('<file>', 'the decision export; stored completely or not at all')
    .requiredOption('--stage <key>', 'the stage, e.g. title-abstract or full-text')
    .requiredOption('--reviewer <username>', 'the project member (reviewer or above) who made the decisions')
    .addOption(new Option('--format <format>', 'skip format detection').choices(DECISION_FILE_FORMATS))
    .addHelpText(
      'after',
      '\nRows are matched to records by Weft record id, DOI, PMID, then normalised title and year;\n' +
        'rows that match no record, or several, are listed and not imported. In a CSV the decision comes\n' +
        'from `included` or `label_included` (1 = include, 0 = exclude, empty = undecided).\n' +
        'A project without stages gets the default ones (title-abstract, full-text) first.',
    );
  addStoreOption(importCommand);
  addJsonOption(importCommand);
  importCommand.action(async (project: string, file: string, options: ImportOptions) => {
    const bytes = await readInput(file);
    const outcome = await withStore(
      options,
      async (store) => {
        const actor = await cliActor(store);
        const projectId = await findProjectId(store, project);
        const reviewer = await userByName(store, options.reviewer);
        const stage = await findStage(store, actor, projectId, options.stage, true);
        const upload = await saveUpload(store.db, {
          id: randomUUID(),
          projectId,
          fileName: basename(file),
          bytes,
          uploadedBy: actor.id,
          at: new Date(),
        });
        const result = await run(store, actor, 'screening.import-decisions', projectId, {
          stageId: stage.id,
          uploadId: upload.id,
          reviewerId: reviewer.id,
          ...(options.format ? { format: options.format } : {}),
        });
        return { stage, reviewer, result };
      },
      io,
    );
    const { result } = outcome;
    if (options.json) {
      printJson(io, { file, stage: outcome.stage.key, reviewer: outcome.reviewer.username, ...result });
      return;
    }
    const d = result.decisions;
    printLine(
      io,
      `${result.rows} rows in ${basename(file)}: ${result.matched} matched (${d.include} include, ${d.exclude} exclude, ${d.maybe} maybe, ${d.undecided} undecided), ${result.unmatched.length} unmatched; decisions attributed to ${outcome.reviewer.displayName} at ${outcome.stage.name}`,
    );
    for (const u of result.unmatched) {
      printLine(io, `  row ${u.row}: ${u.reason}${u.title ? ` — ${u.title}` : ''}`);
    }
  });

  const exportCommand = screen
    .command('export')
    .description("Export a stage's decisions as ASReview, Rayyan or Covidence CSV, or RIS with labels")
    .argument('<project>', 'project id or name (see `weft project list`)')
    .requiredOption('--stage <key>', 'the stage, e.g. title-abstract or full-text')
    .addOption(
      new Option('--format <format>', 'the shape to write')
        .choices(DECISION_FILE_FORMATS)
        .makeOptionMandatory(),
    )
    .requiredOption('--out <file>', 'the file to write (replaced if it exists)')
    .addHelpText(
      'after',
      '\nEvery record of the stage with its final decision, reasons and note, and each reviewer’s\n' +
        'verdict (Rayyan); the Weft record id is kept so the file can be imported back.',
    );
  addStoreOption(exportCommand);
  addJsonOption(exportCommand);
  exportCommand.action(async (project: string, options: ExportOptions) => {
    const summary = await withStore(
      options,
      async (store) => {
        const actor = await cliActor(store);
        const projectId = await findProjectId(store, project);
        const stage = await findStage(store, actor, projectId, options.stage, false);
        // The CLI acts as the instance administrator: it exports what a lead sees.
        const rows = await decisionExportRows(
          store.db,
          await stageChain(store.db, stage),
          askerOf(actor, 'owner'),
        );
        await writeFileAtomically(options.out, formatDecisionFile(options.format, rows));
        const decided = rows.filter((r) => r.decision !== null).length;
        return { stage: stage.key, records: rows.length, decided };
      },
      io,
    );
    if (options.json) printJson(io, { file: options.out, format: options.format, ...summary });
    else
      printLine(
        io,
        `${summary.records} records (${summary.decided} with a final decision) written to ${options.out} (${options.format})`,
      );
  });
}
