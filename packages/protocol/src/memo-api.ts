import { MEMO_TARGET_KINDS, type MemoLinkKind, type MemoTargetKind, type RichDoc } from '@weft/core';
import { z } from 'zod';

/** Response shapes of the memo and annotation read routes. */

/** What a memo is on, or a link points at, in words; `missing` once that thing is deleted or removed. */
export interface MemoTargetView {
  kind: MemoTargetKind;
  id: string | null;
  /** The project's, document's, case's or code's name; a segment's quote. */
  label: string;
  /** For a segment: its document's name and id (to open it there). */
  documentName?: string;
  documentId?: string;
  missing: boolean;
}

export interface MemoSummary {
  id: string;
  title: string;
  /** The start of the memo's plain text. */
  excerpt: string;
  target: MemoTargetView;
  authorId: string;
  authorName: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  status: 'active' | 'deleted';
  linkCount: number;
}

export interface MemosResponse {
  memos: MemoSummary[];
}

export interface MemoLinkView {
  kind: MemoLinkKind;
  targetId: string;
  /** A memo's title, a segment's quote, a document's or code's name. */
  label: string;
  documentName?: string;
  documentId?: string;
  missing: boolean;
}

export interface MemoResponse {
  memo: MemoSummary & { content: RichDoc; plainText: string };
  links: MemoLinkView[];
  /** Other memos that link to this one. */
  backlinks: { id: string; title: string; status: 'active' | 'deleted' }[];
}

export interface AnnotationView {
  id: string;
  codingId: string;
  text: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface AnnotationsResponse {
  annotations: AnnotationView[];
}

export const memosQuerySchema = z.object({
  targetKind: z.enum(MEMO_TARGET_KINDS).optional(),
  targetId: z.uuid().optional(),
  /** Words searched in titles and plain text (case-insensitive, every word must appear). */
  q: z.string().max(200).optional(),
  status: z.enum(['active', 'deleted']).default('active'),
});
export type MemosQuery = z.input<typeof memosQuerySchema>;
