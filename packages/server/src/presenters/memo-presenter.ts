import type { RichDoc } from '@weft/core';
import type { AnnotationView, MemoLinkView, MemoSummary, MemoTargetView } from '@weft/protocol';
import {
  type AnnotationRowWithAuthor,
  type MemoRowWithAuthor,
  type ResolvedTarget,
  targetKey,
} from '@weft/storage';

const EXCERPT_MAX = 240;
const iso = (d: Date | string) => new Date(d).toISOString();

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_MAX ? `${flat.slice(0, EXCERPT_MAX - 1)}…` : flat;
}

/** A target the lookup did not find (not in the project any more): named by kind, marked missing. */
const unknown = (kind: string): ResolvedTarget => ({
  label: `(a ${kind} no longer in the project)`,
  missing: true,
});

export function presentTarget(row: MemoRowWithAuthor, names: Map<string, ResolvedTarget>): MemoTargetView {
  const found = names.get(targetKey(row.target_kind, row.target_id)) ?? unknown(row.target_kind);
  return { kind: row.target_kind, id: row.target_id, ...found };
}

export function presentMemoSummary(row: MemoRowWithAuthor, names: Map<string, ResolvedTarget>): MemoSummary {
  return {
    id: row.id,
    title: row.title,
    excerpt: excerpt(row.plain_text),
    target: presentTarget(row, names),
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    version: row.version,
    status: row.status,
    linkCount: row.link_count,
  };
}

export function presentMemo(row: MemoRowWithAuthor, names: Map<string, ResolvedTarget>) {
  return {
    ...presentMemoSummary(row, names),
    content: (typeof row.content === 'string' ? JSON.parse(row.content) : row.content) as RichDoc,
    plainText: row.plain_text,
  };
}

export function presentLink(
  link: { kind: MemoLinkView['kind']; targetId: string },
  names: Map<string, ResolvedTarget>,
): MemoLinkView {
  return {
    kind: link.kind,
    targetId: link.targetId,
    ...(names.get(targetKey(link.kind, link.targetId)) ?? unknown(link.kind)),
  };
}

export function presentAnnotation(row: AnnotationRowWithAuthor): AnnotationView {
  return {
    id: row.id,
    codingId: row.coding_id,
    text: row.text,
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    version: row.version,
  };
}
