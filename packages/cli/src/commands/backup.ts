import { resolve } from 'node:path';
import { restoreBackup, writeBackup } from '@weft/storage';
import type { Command } from 'commander';
import { addJsonOption, addStoreOption, type GlobalOptions, withStore } from '../cli-context.js';
import { type CliIo, printJson, printLine } from '../cli-io.js';
import { createProgressBar } from '../progress-bar.js';

const FORMAT_NOTE = `
A backup is one gzip'd JSON-lines file: a header (format, version, schema version, row count
per table), then one line per row of every table (users, projects, members, the command
ledger, every project's event log and data, audit entries), then an end marker. Sessions are
not backed up: after a restore everyone signs in again.`;

function describeCounts(tables: Record<string, number>): string {
  const total = Object.values(tables).reduce((sum, n) => sum + n, 0);
  const each = Object.entries(tables)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${table.replaceAll('_', ' ')} ${n}`)
    .join(', ');
  return `${total} rows${each ? ` (${each})` : ''}`;
}

export function registerBackup(program: Command, io: CliIo): void {
  const backup = program
    .command('backup')
    .description('Write every project, account, membership, command and event to one file')
    .argument('<file>', 'the backup file to write (e.g. weft-2025-01-31.weft-backup.gz)')
    .option('--force', 'replace the file if it exists')
    .addHelpText('after', FORMAT_NOTE);
  addStoreOption(backup);
  addJsonOption(backup);
  backup.action(async (file: string, options: GlobalOptions & { force?: boolean }) => {
    const target = resolve(file);
    const progress = createProgressBar(io, 'Backing up');
    const result = await withStore(
      options,
      async (store) => {
        const summary = await writeBackup(store, target, {
          overwrite: options.force === true,
          onProgress: progress.update,
        }).finally(progress.finish);
        return { ...summary, kind: store.kind, location: store.location };
      },
      io,
    );
    if (options.json) printJson(io, result);
    else printLine(io, `Backed up ${describeCounts(result.tables)} from ${result.location} to ${target}.`);
  });

  const restore = program
    .command('restore')
    .description('Restore a backup into a new, empty store (embedded or PostgreSQL)')
    .argument('<file>', 'a file written by `weft backup`')
    .addHelpText(
      'after',
      `\nThe target store must be empty; a damaged or cut-off file restores nothing.\n${FORMAT_NOTE}`,
    );
  addStoreOption(restore);
  addJsonOption(restore);
  restore.action(async (file: string, options: GlobalOptions) => {
    const source = resolve(file);
    const progress = createProgressBar(io, 'Restoring');
    const result = await withStore(
      options,
      async (store) => {
        const summary = await restoreBackup(store, source, { onProgress: progress.update }).finally(
          progress.finish,
        );
        return { ...summary, kind: store.kind, location: store.location };
      },
      io,
    );
    if (options.json) printJson(io, result);
    else printLine(io, `Restored ${describeCounts(result.tables)} from ${source} into ${result.location}.`);
  });
}
