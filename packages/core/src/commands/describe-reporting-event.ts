import type { ProjectEvent } from './command.js';
import { type EventNames, titleOf } from './event-names.js';
import { eventWords } from './event-words.js';

/**
 * Activity-feed sentences for reporting events; undefined for any other event. With `names` they
 * say which report ("marked “Aspirin after stroke…” as retrieved").
 */
export function describeReportingEvent(event: ProjectEvent, names?: EventNames): string | undefined {
  const { who, count, payload, str } = eventWords(event);
  switch (event.eventType) {
    case 'report.retrieval-set': {
      const report = titleOf(names, payload.recordId) ?? 'a report';
      if (payload.retrieval === 'not-retrieved') return `${who} marked ${report} as not retrieved`;
      if (payload.retrieval === 'retrieved') return `${who} marked ${report} as retrieved`;
      return `${who} cleared the retrieval status of ${report}`;
    }
    case 'report.study-linked': {
      const study = titleOf(names, payload.studyId);
      return `${who} linked ${count('recordIds', 'report')} as one study${study ? `, named after ${study}` : ''}`;
    }
    case 'report.study-unlinked': {
      const report = titleOf(names, payload.recordId);
      const study = titleOf(names, payload.previousStudyId);
      return `${who} took ${report ?? 'a report'} out of its study${study && study !== report ? ` (${study})` : ''}`;
    }
    case 'report.file-attached':
      return `${who} attached the full text ${str('fileName')}`;
    case 'report.files-attached':
      return `${who} attached ${count('attached', 'full text')} from a bulk upload`;
    case 'report.file-detached':
      return `${who} detached the full text ${str('fileName')}`;
    case 'prisma.configured':
      return `${who} edited the PRISMA diagram settings`;
    default:
      return undefined;
  }
}
