import type { ProjectEvent } from './command.js';
import { eventWords } from './event-words.js';

/** Activity-feed sentences for case and attribute events; undefined for any other event. */
export function describeCasesEvent(event: ProjectEvent): string | undefined {
  const { who, str, count, payload } = eventWords(event);
  switch (event.eventType) {
    case 'case.created':
      return `${who} added the ${str('classification')} case “${str('name')}”`;
    case 'case.edited':
      return str('from') && str('from') !== str('name')
        ? `${who} renamed the case “${str('from')}” to “${str('name')}”`
        : `${who} edited the case “${str('name')}”`;
    case 'case.deleted':
      return `${who} deleted the case “${str('name')}”`;
    case 'case.restored':
      return `${who} restored the case “${str('name')}”`;
    case 'case.studies-synced':
      return `${who} updated the study cases from the included studies (${count('created', 'new case')}, ${count('updated', 'updated case')})`;
    case 'attribute.defined':
      return `${who} added the ${str('valueType')} attribute “${str('name')}” to ${str('classification')}`;
    case 'attribute.edited':
      return str('from') && str('from') !== str('name')
        ? `${who} renamed the attribute “${str('from')}” to “${str('name')}”`
        : `${who} edited the attribute “${str('name')}”`;
    case 'attribute.removed':
      return `${who} removed the attribute “${str('name')}”`;
    case 'attribute.set':
      return payload.value === null
        ? `${who} cleared “${str('attributeName')}” of “${str('targetName')}”`
        : `${who} set “${str('attributeName')}” of “${str('targetName')}” to “${str('value')}”`;
    case 'classification.imported':
      return `${who} imported ${str('fileName')} into ${str('classification')} (${count('created', 'new case')}, ${count('values', 'value')})`;
    case 'document.assigned':
      return `${who} changed where the document “${str('name')}” belongs`;
    default:
      return undefined;
  }
}
