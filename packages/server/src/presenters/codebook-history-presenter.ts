import {
  applyCodingChange,
  type CodingChange,
  type CodingState,
  emptyCodingState,
  isCodingChange,
} from '@weft/core';
import type { CodebookHistoryEntry } from '@weft/protocol';

/** An event as the history reads it (a `ProjectEvent` fits). */
export interface HistoryEvent {
  seq: number;
  at: string;
  actorName: string;
  eventType: string;
  payload: unknown;
}

const FIELD_WORDS: Record<string, string> = {
  description: 'description',
  inclusion: '“use when” guidance',
  exclusion: '“do not use when” guidance',
  example: 'example',
  colour: 'colour',
  shortcut: 'shortcut',
};

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function list(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** What one codebook change did, in words, with the names the codes had just before it. */
export function describeCodebookChange(
  state: CodingState,
  change: CodingChange,
): { summary: string; codeIds: string[] } {
  const name = (id: string | null | undefined) => `“${(id && state.codes[id]?.name) || 'a removed code'}”`;
  switch (change.eventType) {
    case 'code.created': {
      const { code } = change.payload;
      return {
        summary: `created “${code.name}”${code.parentId ? ` under ${name(code.parentId)}` : ''}`,
        codeIds: [code.id],
      };
    }
    case 'code.renamed':
      return {
        summary: `renamed “${change.payload.from}” to “${change.payload.name}”`,
        codeIds: [change.payload.codeId],
      };
    case 'code.edited': {
      // In a fixed order: a jsonb payload does not keep its keys' order.
      const fields = Object.keys(FIELD_WORDS)
        .filter((k) => k in change.payload.to)
        .map((k) => FIELD_WORDS[k] as string);
      return {
        summary: `changed the ${list(fields)} of ${name(change.payload.codeId)}`,
        codeIds: [change.payload.codeId],
      };
    }
    case 'code.moved': {
      const { codeId, from, to } = change.payload;
      const summary =
        from.parentId === to.parentId
          ? `reordered ${name(codeId)}`
          : to.parentId
            ? `moved ${name(codeId)} under ${name(to.parentId)}`
            : `moved ${name(codeId)} to the top level`;
      return { summary, codeIds: [codeId] };
    }
    case 'code.merged':
    case 'code.unmerged': {
      const { targetId, sources } = change.payload;
      const moved = sources.reduce((sum, s) => sum + s.codingIds.length, 0);
      const names = list(sources.map((s) => name(s.codeId)));
      return {
        summary:
          change.eventType === 'code.merged'
            ? `merged ${names} into ${name(targetId)} (${plural(moved, 'coding')} moved)`
            : `unmerged ${names} from ${name(targetId)} (${plural(moved, 'coding')} back)`,
        codeIds: [targetId, ...sources.map((s) => s.codeId)],
      };
    }
    case 'code.split':
      return {
        summary: `split ${plural(change.payload.codingIds.length, 'coding')} off ${name(change.payload.sourceId)} into the new code “${change.payload.code.name}”`,
        codeIds: [change.payload.code.id, change.payload.sourceId],
      };
    case 'code.deleted':
    case 'code.restored': {
      const { codeId, codeIds } = change.payload;
      const others = codeIds.filter((id) => id !== codeId).length;
      const verb = change.eventType === 'code.deleted' ? 'deleted' : 'restored';
      return {
        summary: `${verb} ${name(codeId)}${others > 0 ? ` with ${plural(others, 'code')} under it` : ''}`,
        codeIds,
      };
    }
    default:
      return { summary: '', codeIds: [] };
  }
}

/**
 * The codebook's history from the project's coding and import events (oldest first in, newest
 * first out). Coding events are folded too, since a merge moves codings, but only codebook
 * changes and imports become entries.
 */
export function codebookHistory(events: readonly HistoryEvent[]): CodebookHistoryEntry[] {
  let state = emptyCodingState();
  const entries: CodebookHistoryEntry[] = [];
  for (const event of events) {
    const undoStep = ((event.payload as { undoStep?: 'undo' | 'redo' }).undoStep ?? null) as
      | 'undo'
      | 'redo'
      | null;
    const base = {
      seq: event.seq,
      at: event.at,
      actorName: event.actorName,
      eventType: event.eventType,
      undoStep,
    };
    if (event.eventType === 'codebook.imported') {
      const p = event.payload as {
        fileName?: string;
        created?: number;
        skipped?: number;
        codeIds?: string[];
      };
      const skipped = p.skipped ?? 0;
      entries.push({
        ...base,
        summary: `imported ${plural(p.created ?? 0, 'code')} from “${p.fileName ?? 'a file'}”${skipped > 0 ? ` (${skipped} already there)` : ''}`,
        codeIds: p.codeIds ?? [],
      });
      continue;
    }
    if (!isCodingChange(event)) continue;
    const change = { eventType: event.eventType, payload: event.payload } as CodingChange;
    if (change.eventType.startsWith('code.'))
      entries.push({ ...base, ...describeCodebookChange(state, change) });
    state = applyCodingChange(state, change);
  }
  return entries.reverse();
}
