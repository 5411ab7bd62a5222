import type { ProjectEvent } from './command.js';
import { eventWords } from './event-words.js';

/** Activity-feed sentences for identification events; undefined for any other event. */
export function describeIdentificationEvent(event: ProjectEvent): string | undefined {
  const { who, str, count, payload } = eventWords(event);
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
    case 'duplicates.distinct-answer-withdrawn':
      return `${who} took back a “not a duplicate” answer: the pair is back in the queue`;
    case 'duplicates.bulk-merged': {
      const minScore = typeof payload.minScore === 'number' ? Math.round(payload.minScore * 100) : 0;
      return `${who} accepted ${count('pairsMerged', 'pair')} scoring ${minScore}% or more as duplicates (${count('groupsCreated', 'group')})`;
    }
    case 'duplicates.bulk-merge-undone':
      return `${who} undid a bulk merge: ${count('pairsReturned', 'pair')} back in the queue`;
    default:
      return undefined;
  }
}
