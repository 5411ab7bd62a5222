import { ANNOTATION_MAX, MEMO_LINK_KINDS, MEMO_TARGET_KINDS, MEMO_TITLE_MAX } from '@weft/core';
import { z } from 'zod';

/*
 * Payload schemas of the memo and annotation commands. Memo content is a rich-text document
 * (ProseMirror JSON, as the editor writes it); the server keeps only core's whitelist of it
 * (`sanitizeRichDoc`). Ids may be chosen by the client so an interface can refer to them at once.
 */

const content = z.looseObject({ type: z.literal('doc'), content: z.array(z.unknown()).optional() });
const title = z.string().max(MEMO_TITLE_MAX * 2);
const link = { kind: z.enum(MEMO_LINK_KINDS), targetId: z.uuid() };
const version = z.number().int().min(1);
const annotation = z
  .string()
  .min(1)
  .max(ANNOTATION_MAX * 2);

export const MEMO_COMMAND_PAYLOADS = {
  'memo.create': z.object({
    memoId: z.uuid().optional(),
    title: title.default(''),
    content,
    targetKind: z.enum(MEMO_TARGET_KINDS),
    /** Absent or null for a memo on the project. */
    targetId: z.uuid().nullable().optional(),
    links: z.array(z.object(link)).max(100).default([]),
  }),
  /** Replaces the title and/or content; refused (409) when the memo changed since `expectedVersion`. */
  'memo.edit': z.object({
    memoId: z.uuid(),
    expectedVersion: version,
    title: title.optional(),
    content: content.optional(),
  }),
  'memo.delete': z.object({ memoId: z.uuid() }),
  'memo.restore': z.object({ memoId: z.uuid() }),
  'memo.link': z.object({ memoId: z.uuid(), ...link }),
  'memo.unlink': z.object({ memoId: z.uuid(), ...link }),
  'annotation.add': z.object({ annotationId: z.uuid().optional(), codingId: z.uuid(), text: annotation }),
  'annotation.edit': z.object({ annotationId: z.uuid(), expectedVersion: version, text: annotation }),
  'annotation.remove': z.object({ annotationId: z.uuid() }),
} as const;

export interface MemoCommandResults {
  'memo.create': { memoId: string; version: number };
  'memo.edit': { memoId: string; version: number };
  'memo.delete': { memoId: string };
  'memo.restore': { memoId: string };
  'memo.link': { memoId: string };
  'memo.unlink': { memoId: string };
  'annotation.add': { annotationId: string };
  'annotation.edit': { annotationId: string; version: number };
  'annotation.remove': { annotationId: string };
}
