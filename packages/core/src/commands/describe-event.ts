import type { ProjectEvent } from './command.js';

/**
 * A human sentence for an event, as the activity feed shows it ("Ana created the project").
 * Unknown event types still read sensibly so an older client never shows a blank line.
 */
export function describeEvent(event: ProjectEvent): string {
  const who = event.actorName;
  const p = (event.payload ?? {}) as Record<string, unknown>;
  const str = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : '');
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
    case 'demo.seeded':
      return `${who} filled the demo project with example material`;
    default:
      return `${who}: ${event.eventType.replace(/[.-]/g, ' ')}`;
  }
}
