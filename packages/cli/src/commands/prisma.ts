import { prismaFlowJson } from '@weft/core';
import { loadPrismaReport, prismaCsv, prismaPdf, prismaPdfWarnings, prismaPng } from '@weft/server';
import type { Command } from 'commander';
import { addStoreOption, type GlobalOptions, withStore } from '../cli-context.js';
import { type CliIo, printJson, printLine } from '../cli-io.js';
import { findProjectId } from '../find-project.js';
import { writeFileAtomically } from '../write-file-atomically.js';

interface PrismaOptions extends GlobalOptions {
  svg?: string;
  png?: string;
  pdf?: string;
  csv?: string;
  json?: boolean;
}

export function registerPrisma(program: Command, io: CliIo): void {
  const command = program
    .command('prisma')
    .description(
      "The project's PRISMA 2020 flow diagram, computed from its searches, duplicates and decisions",
    )
    .argument('<project>', 'project id or name (see `weft project list`)')
    .option('--svg <file>', 'write the diagram as SVG')
    .option('--png <file>', 'write the diagram as PNG at 300 dpi')
    .option('--pdf <file>', 'write the diagram as vector PDF')
    .option('--csv <file>', 'write the counts in the PRISMA2020 R package / Shiny app template layout')
    .option('--json', 'print the counts as one JSON object with the template keys')
    .addHelpText(
      'after',
      '\nWithout an option it prints the boxes and any arithmetic warnings (records not yet screened…).\n' +
        'Box labels and the previous version of an updated review are set in the app.',
    );
  addStoreOption(command);
  command.action(async (project: string, options: PrismaOptions) => {
    await withStore(
      options,
      async (store) => {
        const projectId = await findProjectId(store, project);
        const report = await loadPrismaReport(store.db, projectId);
        const files: Array<[string | undefined, () => Promise<string | Uint8Array> | string | Uint8Array]> = [
          [options.svg, () => report.svg],
          [options.png, () => prismaPng(report.svg)],
          [options.pdf, () => prismaPdf(report.svg)],
          [options.csv, () => prismaCsv(report)],
        ];
        for (const [file, make] of files) if (file) await writeFileAtomically(file, await make());
        const json = prismaFlowJson(report.flow);
        if (options.json) {
          printJson(io, json);
          return;
        }
        for (const [key, value] of Object.entries(json)) {
          const shown =
            typeof value === 'number'
              ? String(value)
              : Object.entries(value)
                  .map(([name, n]) => `${name}, ${n}`)
                  .join('; ') || '—';
          printLine(io, `${key.padEnd(28)} ${shown}`);
        }
        for (const warning of report.flow.warnings) printLine(io, `warning: ${warning.message}`);
        if (options.pdf)
          for (const warning of prismaPdfWarnings(report.svg)) printLine(io, `warning: ${warning}`);
        for (const [file] of files) if (file) printLine(io, `wrote ${file}`);
      },
      io,
    );
  });
}
