import type { ProjectEvent } from './command.js';
import { describeCasesEvent } from './describe-cases-event.js';
import { describeCodingEvent } from './describe-coding-event.js';
import { describeIdentificationEvent } from './describe-identification-event.js';
import { describeMemoEvent } from './describe-memo-event.js';
import { describeQdpxEvent } from './describe-qdpx-event.js';
import { describeReportingEvent } from './describe-reporting-event.js';
import { describeScreeningEvent } from './describe-screening-event.js';
import type { EventNames } from './event-names.js';
import { eventWords } from './event-words.js';

/**
 * A human sentence for an event, as the activity feed shows it ("Ana created the project").
 * Unknown event types still read sensibly so an older client never shows a blank line. `names`
 * (record titles, when the caller has them) lets a sentence say which record it was about.
 */
export function describeEvent(event: ProjectEvent, names?: EventNames): string {
  const { who, str } = eventWords(event);
  const byCapability =
    describeIdentificationEvent(event, names) ??
    describeScreeningEvent(event) ??
    describeReportingEvent(event, names) ??
    describeCodingEvent(event) ??
    describeCasesEvent(event) ??
    describeMemoEvent(event) ??
    describeQdpxEvent(event);
  if (byCapability !== undefined) return byCapability;
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
    default:
      return `${who}: ${event.eventType.replace(/[.-]/g, ' ')}`;
  }
}
