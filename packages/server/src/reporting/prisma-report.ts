import {
  computePrismaFlow,
  PRISMA_TEMPLATE_COLUMNS,
  type PrismaCountKey,
  type PrismaFlow,
  type PrismaListKey,
  prismaFlowJson,
  prismaTemplateRows,
  renderPrismaSvg,
} from '@weft/core';
import { formatCsvText } from '@weft/formats';
import type { PrismaResponse } from '@weft/protocol';
import {
  type Database,
  gatherPrismaFlowCounts,
  gatherPrismaFlowInput,
  getPrismaSettings,
  type PrismaSettings,
} from '@weft/storage';
import type { Kysely } from 'kysely';

/** The project's PRISMA 2020 flow with its settings and diagram: one computation for the app, the exports and the CLI. */
export interface PrismaReport {
  flow: PrismaFlow;
  settings: PrismaSettings;
  svg: string;
}

/** The flow's numbers, counted in the store (the ids in its boxes do not name records: see `loadPrismaFlowRecords`). */
export async function loadPrismaReport(
  db: Kysely<Database>,
  projectId: string,
  title?: string,
): Promise<PrismaReport> {
  const [input, settings] = await Promise.all([
    gatherPrismaFlowCounts(db, projectId),
    getPrismaSettings(db, projectId),
  ]);
  const flow = computePrismaFlow(input);
  return { flow, settings, svg: renderPrismaSvg(flow, { labels: settings.labels, title }) };
}

/** The flow with the records behind every box (one row per record read: for opening a box, not for drawing). */
export async function loadPrismaFlowRecords(db: Kysely<Database>, projectId: string): Promise<PrismaFlow> {
  return computePrismaFlow(await gatherPrismaFlowInput(db, projectId));
}

/** The PRISMA2020 package's template layout (no BOM: R's read.csv would take it into the first column's name). */
export function prismaCsv(report: PrismaReport): string {
  const rows = prismaTemplateRows(report.flow, report.settings.labels);
  return formatCsvText(
    PRISMA_TEMPLATE_COLUMNS,
    rows.map((row) => PRISMA_TEMPLATE_COLUMNS.map((column) => row[column])),
  );
}

/** Numbers only: the records behind each box are fetched one box at a time. */
export function presentPrismaReport(report: PrismaReport): PrismaResponse {
  const { flow, settings, svg } = report;
  const counts = Object.fromEntries(
    Object.entries(flow.counts).map(([key, box]) => [key, box.count]),
  ) as Record<PrismaCountKey, number>;
  const lists = Object.fromEntries(
    Object.entries(flow.lists).map(([key, entries]) => [
      key,
      entries.map((e) => ({ name: e.name, count: e.count })),
    ]),
  ) as PrismaResponse['lists'];
  return {
    counts,
    lists,
    json: prismaFlowJson(flow),
    isUpdate: flow.isUpdate,
    hasOtherMethods: flow.hasOtherMethods,
    warnings: flow.warnings.map((w) => ({ code: w.code, message: w.message, count: w.count })),
    notes: flow.notes.map((n) => ({ code: n.code, message: n.message, count: n.count })),
    settings,
    svg,
  };
}

/** The record ids behind a box, a list entry of a box, a warning or a note; undefined for an unknown key. */
export function recordIdsBehind(flow: PrismaFlow, box: string, name?: string): string[] | undefined {
  if (box in flow.counts) return flow.counts[box as PrismaCountKey].recordIds;
  if (box in flow.lists) {
    const entries = flow.lists[box as PrismaListKey];
    return name === undefined
      ? entries.flatMap((e) => e.recordIds)
      : (entries.find((e) => e.name === name)?.recordIds ?? []);
  }
  return (flow.warnings.find((w) => w.code === box) ?? flow.notes.find((n) => n.code === box))?.recordIds;
}
