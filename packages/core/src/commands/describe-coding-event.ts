import type { ProjectEvent } from './command.js';
import { eventWords } from './event-words.js';

/** Activity-feed sentences for qualitative coding events; undefined for any other event. */
export function describeCodingEvent(event: ProjectEvent): string | undefined {
  const { who, str, count, payload } = eventWords(event);
  const code = (payload.code ?? {}) as { name?: string };
  const sources = Array.isArray(payload.sources) ? payload.sources : [];
  const reanchored = (payload.reanchored ?? {}) as { orphan?: number };
  switch (event.eventType) {
    case 'document.added':
      return `${who} added the document “${str('name')}”`;
    case 'document.edited': {
      const orphans = reanchored.orphan ?? 0;
      const tail = orphans > 0 ? ` (${orphans} coding${orphans === 1 ? '' : 's'} to review)` : '';
      return `${who} edited “${str('name')}” (version ${String(payload.version ?? '')})${tail}`;
    }
    case 'code.created':
      return `${who} created the code “${code.name ?? ''}”`;
    case 'code.renamed':
      return `${who} renamed the code “${str('from')}” to “${str('name')}”`;
    case 'code.edited':
      return `${who} edited a code's description`;
    case 'code.moved':
      return `${who} moved a code`;
    case 'code.merged':
      return `${who} merged ${sources.length} code${sources.length === 1 ? '' : 's'} into another`;
    case 'code.unmerged':
      return `${who} undid a merge of codes`;
    case 'code.split':
      return `${who} split ${count('codingIds', 'coding')} off into the new code “${code.name ?? ''}”`;
    case 'code.deleted':
      return `${who} deleted ${count('codeIds', 'code')}`;
    case 'code.restored':
      return `${who} restored ${count('codeIds', 'code')}`;
    case 'codebook.imported':
      return `${who} imported ${count('created', 'code')} from “${str('fileName')}”`;
    case 'coding.added':
      return `${who} coded a passage`;
    case 'case.coded':
      return `${who} coded ${count('codingIds', 'document')} of the case “${str('caseName')}” in full`;
    case 'coding.removed':
      return `${who} removed a coding`;
    case 'coding.recoded':
      return `${who} moved a coding to another code`;
    case 'coding.resized':
      return `${who} changed the extent of a coding`;
    default:
      return undefined;
  }
}
