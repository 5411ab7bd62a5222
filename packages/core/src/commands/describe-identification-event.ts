import type { ProjectEvent } from './command.js';
import { type EventNames, idsOf, titleOf } from './event-names.js';
import { eventWords } from './event-words.js';

/**
 * Activity-feed sentences for identification events; undefined for any other event. With `names`
 * a merge names its records: the count and the first title.
 */
export function describeIdentificationEvent(event: ProjectEvent, names?: EventNames): string | undefined {
  const { who, str, count, payload } = eventWords(event);
  const ids = idsOf(payload.recordIds);
  const first = titleOf(
    names,
    typeof payload.primaryRecordId === 'string' ? payload.primaryRecordId : ids[0],
  );
  const withFirst = first ? ` (${first}${ids.length > 1 ? ` and ${ids.length - 1} more` : ''})` : '';
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
      return `${who} merged ${count('recordIds', 'record')} as duplicates${withFirst}`;
    case 'duplicates.unmerged':
      return `${who} undid a merge of ${count('recordIds', 'record')}${withFirst}`;
    case 'duplicates.marked-distinct': {
      const [a, b] = ids.map((id) => titleOf(names, id));
      return a && b
        ? `${who} marked ${a} and ${b} as not duplicates`
        : `${who} marked two records as not duplicates`;
    }
    case 'duplicates.distinct-answer-withdrawn':
      return `${who} took back a “not a duplicate” answer: the pair is back in the queue`;
    case 'duplicates.bulk-merged': {
      const minScore = typeof payload.minScore === 'number' ? Math.round(payload.minScore * 100) : 0;
      return `${who} accepted ${count('pairsMerged', 'pair')} scoring ${minScore}% or more as duplicates (${count('groupsCreated', 'group')})`;
    }
    case 'records.removed-before-screening':
      return `${who} removed ${count('recordIds', 'record')} before screening ${payload.kind === 'automation' ? 'as marked ineligible by an automation tool' : 'for another reason'}: “${str('reason')}”${withFirst}`;
    case 'records.restored-for-screening':
      return `${who} restored ${count('recordIds', 'record')} removed before screening: back in the screening pool${withFirst}`;
    case 'duplicates.bulk-merge-undone':
      return `${who} undid a bulk merge: ${count('pairsReturned', 'pair')} back in the queue`;
    default:
      return undefined;
  }
}
