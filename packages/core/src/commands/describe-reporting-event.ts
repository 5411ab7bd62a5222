import type { ProjectEvent } from './command.js';
import { eventWords } from './event-words.js';

/** Activity-feed sentences for reporting events; undefined for any other event. */
export function describeReportingEvent(event: ProjectEvent): string | undefined {
  const { who, count, payload, str } = eventWords(event);
  switch (event.eventType) {
    case 'report.retrieval-set':
      if (payload.retrieval === 'not-retrieved') return `${who} marked a report as not retrieved`;
      if (payload.retrieval === 'retrieved') return `${who} marked a report as retrieved`;
      return `${who} cleared a report's retrieval status`;
    case 'report.study-linked':
      return `${who} linked ${count('recordIds', 'report')} as one study`;
    case 'report.study-unlinked':
      return `${who} took a report out of its study`;
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
