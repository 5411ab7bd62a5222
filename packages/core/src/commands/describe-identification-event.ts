import type { ProjectEvent } from './command.js';
import { eventWords } from './event-words.js';

/** Activity-feed sentences for identification events; undefined for any other event. */
export function describeIdentificationEvent(event: ProjectEvent): string | undefined {
  const { who, str, count } = eventWords(event);
  switch (event.eventType) {
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
      return undefined;
  }
}
