import { access, constants, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { WeftError } from '@weft/core';
import type { Command } from 'commander';
import { addJsonOption, type GlobalOptions } from '../cli-context.js';
import { type CliIo, printJson, printLine } from '../cli-io.js';
import { formatTable } from '../format-table.js';
import { createProgressBar } from '../progress-bar.js';
import { readLabelledFile } from '../simulate/read-labelled-file.js';
import { renderRecallPlot } from '../simulate/recall-plot.js';
import { checkSimulationInput, meanRecallCurve, runSimulation } from '../simulate/run-simulation.js';

interface SimulateOptions extends GlobalOptions {
  seeds: number;
  priorIncluded: number;
  priorExcluded: number;
  plot?: string;
}

const HELP = `
Replays a screening with the model the app uses (core's default settings), one record at a
time from the prior records until every relevant record is found, once per seed (0, 1, …).
The prior records are drawn at random per seed and left out of every metric:
  WSS@95, WSS@100  work saved over sampling at 95 % and 100 % recall (Cohen et al. 2006)
  RRF@10           recall after 10 % of the records were screened
  ATD              average time to discovery: mean fraction of records screened before each
                   relevant record was found (lower is better)
The file is any table @weft/formats reads (CSV, TSV, XLSX) with a title and/or abstract column
and a label_included or included column (1 = relevant, 0 = irrelevant) filled for every record.`;

/** A commander option parser for a whole number of at least `min`, failing with one clear line. */
function wholeNumber(option: string, min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < min) {
      throw new WeftError(
        'validation',
        `${option} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, not "${value}".`,
      );
    }
    return n;
  };
}

const percent = (v: number | null, digits = 1) => (v === null ? '–' : `${(100 * v).toFixed(digits)} %`);

async function checkWritable(file: string): Promise<void> {
  try {
    await access(dirname(resolve(file)), constants.W_OK);
  } catch {
    throw new WeftError('bad-input', `Cannot write ${file}: its folder does not exist or is not writable.`);
  }
}

export function registerSimulate(program: Command, io: CliIo): void {
  const command = program
    .command('simulate')
    .description('Simulate prioritised screening on a labelled file and report WSS, RRF and ATD')
    .argument('<file>', 'a labelled screening set, e.g. an ASReview CSV with label_included')
    .option('--seeds <n>', 'how many runs, with seeds 0 .. n-1', wholeNumber('--seeds', 1), 5)
    .option(
      '--prior-included <n>',
      'relevant records known at the start',
      wholeNumber('--prior-included', 1),
      1,
    )
    .option(
      '--prior-excluded <n>',
      'irrelevant records known at the start',
      wholeNumber('--prior-excluded', 1),
      1,
    )
    .option('--plot <file.svg>', 'write the recall curve against random screening as SVG')
    .addHelpText('after', HELP);
  addJsonOption(command);
  command.action(async (file: string, options: SimulateOptions) => {
    if (options.plot !== undefined) await checkWritable(options.plot);
    const data = await readLabelledFile(file);
    const { fileName, labels } = data;
    checkSimulationInput(labels, options.priorIncluded, options.priorExcluded, fileName);

    const progress = createProgressBar(io, `simulating ${fileName}`);
    let summary: ReturnType<typeof runSimulation>;
    try {
      summary = runSimulation({
        texts: data.texts,
        labels,
        seeds: options.seeds,
        priorIncluded: options.priorIncluded,
        priorExcluded: options.priorExcluded,
        // The bar counts records over all seeds; it moves once per seed (a seed runs in one go).
        onSeed: (done, total) => progress.update(done * labels.length, total * labels.length),
      });
    } finally {
      progress.finish();
    }

    if (options.plot !== undefined) {
      const svg = renderRecallPlot({
        // Long names would run off the 880-pixel canvas.
        title: `Recall curve: ${fileName.length > 64 ? `${fileName.slice(0, 63)}…` : fileName}`,
        subtitle: [
          `${summary.records.toLocaleString('en')} records, ${summary.relevant.toLocaleString('en')} relevant; ` +
            `${options.priorIncluded} relevant + ${options.priorExcluded} irrelevant prior per seed (left out of the curve); ` +
            `${options.seeds} seed${options.seeds === 1 ? '' : 's'}`,
          `${options.seeds === 1 ? '' : 'Means: '}WSS@95 ${percent(summary.wss95)}, WSS@100 ${percent(summary.wss100)}, ` +
            `RRF@10 ${percent(summary.rrf10)}, ATD ${percent(summary.atd, 2)}, ${summary.seconds.toFixed(2)} s per seed`,
        ],
        pool: summary.pool,
        poolRelevant: summary.poolRelevant,
        seedCurves: summary.perSeed.map((s) => s.recall),
        meanCurve: meanRecallCurve(
          summary.perSeed.map((s) => s.recall),
          summary.pool,
        ),
      });
      try {
        await writeFile(options.plot, svg);
      } catch (error) {
        throw new WeftError('bad-input', `Cannot write ${options.plot}: ${(error as Error).message}.`);
      }
    }

    if (options.json) {
      printJson(io, {
        file: resolve(file),
        labelColumn: data.labelColumn,
        records: summary.records,
        relevant: summary.relevant,
        seeds: options.seeds,
        priorIncluded: options.priorIncluded,
        priorExcluded: options.priorExcluded,
        wss95: summary.wss95,
        wss100: summary.wss100,
        rrf10: summary.rrf10,
        atd: summary.atd,
        seconds: summary.seconds,
        recordsPerSecond: summary.recordsPerSecond,
        perSeed: summary.perSeed.map(({ recall: _recall, priors, ...seed }) => ({
          ...seed,
          priorLines: priors.map((row) => data.lines[row]),
        })),
        settings: summary.settings,
        ...(options.plot !== undefined ? { plot: resolve(options.plot) } : {}),
        warnings: data.warnings,
      });
      return;
    }

    printLine(
      io,
      `${fileName}: ${summary.records} records, ${summary.relevant} relevant (${data.labelColumn}); ` +
        `${options.priorIncluded} relevant + ${options.priorExcluded} irrelevant prior per seed, metrics exclude them.`,
    );
    for (const warning of data.warnings) {
      printLine(
        io,
        `  warning: ${warning.line !== undefined ? `line ${warning.line}: ` : ''}${warning.message}`,
      );
    }
    const row = (name: string, s: (typeof summary.perSeed)[number] | typeof summary, screened: string) => [
      name,
      percent(s.wss95),
      percent(s.wss100),
      percent(s.rrf10),
      percent(s.atd, 2),
      screened,
      s.seconds.toFixed(2),
      Math.round(s.recordsPerSecond).toLocaleString('en'),
    ];
    const meanScreened =
      summary.perSeed.reduce((sum, s) => sum + s.screened, 0) / Math.max(1, summary.perSeed.length);
    printLine(io);
    printLine(
      io,
      formatTable(
        ['seed', 'WSS@95', 'WSS@100', 'RRF@10', 'ATD', 'screened', 'seconds', 'records/s'],
        [
          ...summary.perSeed.map((s) => row(String(s.seed), s, String(s.screened))),
          row('mean', summary, meanScreened.toFixed(0)),
        ],
      ),
    );
    if (options.plot !== undefined) {
      printLine(io);
      printLine(io, `Wrote the recall curve to ${resolve(options.plot)}.`);
    }
  });
}
