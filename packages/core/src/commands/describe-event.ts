import type { ProjectEvent } from './command.js';

/**
 * A human sentence for an event, as the activity feed shows it ("Ana created the project").
 * Unknown event types still read sensibly so an older client never shows a blank line.
 */
export function describeEvent(event: ProjectEvent): string {
  const who = event.actorName;
  const p = (event.payload ?? {}) as Record<string, unknown>;
  const str = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : '');
  // A number, or the length of a list, with the noun agreeing: "1 record", "24 records".
  const count = (key: string, noun: string) => {
    const value = p[key];
    const n = Array.isArray(value) ? value.length : typeof value === 'number' ? value : 0;
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
  };
  switch (event.eventType) {
    case 'project.created':
      return `${who} created the project “${str('name')}”`;
    case 'project.renamed':
      return `${who} renamed the project from “${str('from')}” to “${str('name')}”`;
    case 'project.described':
      return `${who} edited the project description`;
    case 'project.archived':
      return `${who} archived the project`;
    case 'project.unarchived':
      return `${who} restored the project from the archive`;
    case 'member.added':
      return `${who} added ${str('displayName') || str('username')} as ${str('role')}`;
    case 'member.role-changed':
      return `${who} made ${str('displayName') || str('username')} ${str('role')} (was ${str('from')})`;
    case 'member.removed':
      return `${who} removed ${str('displayName') || str('username')} from the project`;
    case 'search.created':
      return `${who} recorded the search “${str('name')}”`;
    case 'search.updated':
      return `${who} edited the search “${str('name')}”`;
    case 'records.imported':
      return `${who} imported ${count('recordCount', 'record')} from ${str('fileName')} into “${str('searchName')}”`;
    case 'duplicates.detected':
      return `${who} ran deduplication: ${count('recordsMergedAutomatically', 'duplicate')} merged automatically, ${count('pairsQueued', 'pair')} to review`;
    case 'duplicates.merged':
      return `${who} merged ${count('recordIds', 'record')} as duplicates`;
    case 'duplicates.unmerged':
      return `${who} undid a merge of ${count('recordIds', 'record')}`;
    case 'duplicates.marked-distinct':
      return `${who} marked two records as not duplicates`;
    default:
      return `${who}: ${event.eventType.replace(/[.-]/g, ' ')}`;
  }
}
