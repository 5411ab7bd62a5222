import type { ProjectEvent } from './command.js';
import { eventWords } from './event-words.js';

const TARGET_WORDS: Record<string, string> = {
  project: 'the project',
  document: 'a document',
  case: 'a case',
  code: 'a code',
  coding: 'a coded passage',
};

const LINK_WORDS: Record<string, string> = {
  coding: 'a coded passage',
  memo: 'another memo',
  document: 'a document',
  code: 'a code',
};

/** Activity-feed sentences for memo and annotation events; undefined for any other event. */
export function describeMemoEvent(event: ProjectEvent): string | undefined {
  const { who, str } = eventWords(event);
  const title = `“${str('title')}”`;
  switch (event.eventType) {
    case 'memo.created':
      return `${who} wrote the memo ${title} on ${TARGET_WORDS[str('targetKind')] ?? 'the project'}`;
    case 'memo.edited':
      return `${who} edited the memo ${title}`;
    case 'memo.deleted':
      return `${who} deleted the memo ${title}`;
    case 'memo.restored':
      return `${who} restored the memo ${title}`;
    case 'memo.linked':
      return `${who} linked the memo ${title} to ${LINK_WORDS[str('kind')] ?? 'something'}`;
    case 'memo.unlinked':
      return `${who} removed a link from the memo ${title}`;
    case 'annotation.added':
      return `${who} annotated a coded passage`;
    case 'annotation.edited':
      return `${who} edited an annotation`;
    case 'annotation.removed':
      return `${who} removed an annotation`;
    default:
      return undefined;
  }
}
