import type { PrismaFlow } from '@weft/core';

/**
 * Everything the diagram and its exports show, for comparing two flows (the counted one and the
 * record-by-record one). Exclusion reasons are listed in the order the excluded reports come,
 * which neither reader defines, so they are compared by name.
 */
export function shownPrismaFlow(flow: PrismaFlow) {
  return {
    counts: Object.fromEntries(Object.entries(flow.counts).map(([key, box]) => [key, box.count])),
    lists: Object.fromEntries(
      Object.entries(flow.lists).map(([key, entries]) => {
        const listed = entries.map((e) => [e.name, e.count] as const);
        return [key, key.endsWith('_excluded') ? listed.sort(([a], [b]) => a.localeCompare(b)) : listed];
      }),
    ),
    warnings: flow.warnings.map((w) => [w.code, w.count, w.message]),
    notes: flow.notes.map((n) => [n.code, n.count, n.message]),
    isUpdate: flow.isUpdate,
    hasOtherMethods: flow.hasOtherMethods,
  };
}
