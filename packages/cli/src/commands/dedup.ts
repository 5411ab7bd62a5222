import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type BibliographicRecord, findDuplicates, WeftError } from '@weft/core';
import { parseFile } from '@weft/formats';
import type { Command } from 'commander';
import { addJsonOption, type GlobalOptions } from '../cli-context.js';
import { type CliIo, printJson, printLine } from '../cli-io.js';
import { createProgressBar } from '../progress-bar.js';

interface DedupOptions extends GlobalOptions {
  groups: string;
}

interface FileRecord {
  id: string;
  record: BibliographicRecord;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const reason = (error as { code?: string }).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new WeftError('bad-input', `Cannot read ${file}: ${reason}.`);
  }
}

/**
 * Records of one file with their ids: the file's own id (RIS ID, PMID, BibTeX key, the CSV
 * `ID`/`id`/`record_id` column), else the record's position. With several files the id is
 * prefixed by the file name, since two exports number their records independently.
 */
async function readRecords(file: string, prefixed: boolean): Promise<FileRecord[]> {
  const parsed = await parseFile(await readInput(file), file);
  const seen = new Map<string, number>();
  return parsed.records.map((item) => {
    const own = item.record.sourceId?.trim() || String(item.index);
    const earlier = seen.get(own);
    if (earlier !== undefined) {
      throw new WeftError(
        'bad-input',
        `${file}, line ${item.line}: record id "${own}" is used twice (first on line ${earlier}).`,
      );
    }
    seen.set(own, item.line);
    return { id: prefixed ? `${basename(file)}:${own}` : own, record: item.record };
  });
}

export function registerDedup(program: Command, io: CliIo): void {
  const command = program
    .command('dedup')
    .description(
      'Find duplicate records in files, without a project, and write which records belong together',
    )
    .argument('<files...>', 'reference files in any supported format')
    .requiredOption(
      '--groups <out.csv>',
      'write record_id,group_id for every record (duplicates share a group id)',
    )
    .addHelpText(
      'after',
      '\nOnly certain duplicates share a group; possible ones are counted but kept apart. Record ids\n' +
        'come from the file (for CSV the ID, id or record_id column), else the position in the file;\n' +
        'with several files they are prefixed with the file name (refs.ris:12).',
    );
  addJsonOption(command);
  command.action(async (files: string[], options: DedupOptions) => {
    const started = performance.now();
    const records: FileRecord[] = [];
    const reading = createProgressBar(io, 'reading');
    for (const [i, file] of files.entries()) {
      records.push(...(await readRecords(file, files.length > 1)));
      reading.update(i + 1, files.length);
    }
    reading.finish();
    const ids = new Set<string>();
    for (const record of records) {
      if (ids.has(record.id))
        throw new WeftError('bad-input', `Record id "${record.id}" appears in two files.`);
      ids.add(record.id);
    }
    if (io.stderr.isTTY) io.stderr.write(`comparing ${records.length} records…\r`);
    const result = findDuplicates(records);
    if (io.stderr.isTTY) io.stderr.write('\x1b[K');

    const groupOf = new Map<string, number>();
    let next = 0;
    const grouped = new Map<string, string[]>();
    for (const group of result.groups) for (const id of group.ids) grouped.set(id, group.ids);
    const lines = ['record_id,group_id'];
    for (const { id } of records) {
      let group = groupOf.get(id);
      if (group === undefined) {
        next += 1;
        group = next;
        for (const member of grouped.get(id) ?? [id]) groupOf.set(member, group);
      }
      lines.push(`${csvField(id)},${group}`);
    }
    try {
      await writeFile(options.groups, `${lines.join('\n')}\n`);
    } catch (error) {
      throw new WeftError('bad-input', `Cannot write ${options.groups}: ${(error as Error).message}.`);
    }

    const duplicateRecords = result.groups.reduce((sum, group) => sum + group.ids.length, 0);
    const summary = {
      files: files.length,
      records: records.length,
      groups: result.groups.length,
      recordsInGroups: duplicateRecords,
      duplicatesRemoved: duplicateRecords - result.groups.length,
      unique: records.length - (duplicateRecords - result.groups.length),
      possiblePairs: result.pairs.filter((pair) => pair.decision === 'possible').length,
      output: options.groups,
      seconds: Math.round((performance.now() - started) / 10) / 100,
    };
    if (options.json) {
      printJson(io, summary);
      return;
    }
    printLine(
      io,
      `${summary.records} records in ${summary.files} file${summary.files === 1 ? '' : 's'}: ` +
        `${summary.groups} duplicate groups (${summary.duplicatesRemoved} duplicates), ${summary.unique} unique records, ` +
        `${summary.possiblePairs} possible pairs kept apart for review.`,
    );
    printLine(io, `Wrote ${summary.output} in ${summary.seconds} s.`);
  });
}
