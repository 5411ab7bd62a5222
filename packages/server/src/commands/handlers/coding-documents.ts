import { randomUUID } from 'node:crypto';
import { carryUnconfirmed, makeAnchor, type ReanchorStatus, reanchor, WeftError } from '@weft/core';
import { documentProblems, extractDocument } from '@weft/extract';
import type { ReanchorCounts } from '@weft/protocol';
import {
  addDocumentVersion,
  documentCodings,
  getDocument,
  getDocumentVersion,
  insertDocument,
  type ReanchoredCoding,
  readUpload,
  saveReanchoredCodings,
} from '@weft/storage';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction, staleVersion } from '../require.js';

/* Documents: added from an upload (extracted to canonical text), and edited as new versions. */

export const documentAdd = defineHandler({
  type: 'document.add',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'document.add'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const upload = await readUpload(trx, project.id, payload.uploadId);
    if (!upload)
      throw new WeftError('not-found', 'That upload does not exist in this project: upload the file again.');
    // Extraction errors are bad-input WeftErrors that already name the file and the problem.
    const doc = await extractDocument({ fileName: upload.fileName, bytes: upload.bytes });
    const problems = documentProblems(doc);
    if (problems.length > 0)
      throw new WeftError('bad-input', `${upload.fileName}: ${problems.slice(0, 3).join('; ')}`, {
        problems,
      });
    const documentId = randomUUID();
    const versionId = randomUUID();
    // A file name says less than the title its author wrote (Markdown front matter or first h1,
    // HTML <title>); the file name stays in meta. Plain-text first lines and PDF metadata are too
    // often not a title to name a document by.
    const authoredTitle =
      (doc.kind === 'markdown' || doc.kind === 'html') && typeof doc.meta.title === 'string'
        ? doc.meta.title.trim().slice(0, 200)
        : '';
    const name =
      payload.name && payload.name !== upload.fileName ? payload.name : authoredTitle || upload.fileName;
    await insertDocument(
      trx,
      {
        id: documentId,
        projectId: project.id,
        name,
        kind: doc.kind,
        folder: payload.folder,
        versionId,
        text: doc.text,
        structure: doc.structure,
        pages: doc.pages ? { pages: doc.pages, items: doc.items ?? [] } : null,
        meta: { ...doc.meta, warnings: doc.warnings, fileName: upload.fileName, uploadId: upload.id },
      },
      context.actor.id,
      at,
    );
    return {
      result: { documentId, versionId, kind: doc.kind, length: doc.text.length, warnings: doc.warnings },
      event: {
        projectId: project.id,
        eventType: 'document.added',
        payload: {
          documentId,
          versionId,
          name,
          kind: doc.kind,
          folder: payload.folder,
          fileName: upload.fileName,
        },
      },
    };
  },
});

/** Blocks (headings, paragraphs, utterances) carried to the new text; those whose text is gone drop out. */
function carrySpans<T extends { start: number; end: number }>(
  oldText: string,
  newText: string,
  spans: T[],
): T[] {
  const usable = spans.filter((s) => s.start < s.end && s.end <= oldText.length);
  const placed = reanchor(
    oldText,
    newText,
    usable.map((s) => makeAnchor(oldText, s.start, s.end)),
  );
  return usable.flatMap((span, i) => {
    const at = placed[i];
    return at && at.status !== 'orphan' && at.start < at.end
      ? [{ ...span, start: at.start, end: at.end }]
      : [];
  });
}

export const documentEdit = defineHandler({
  type: 'document.edit',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'document.edit'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const document = await getDocument(trx, project.id, payload.documentId);
    if (!document) throw new WeftError('not-found', 'That document does not exist in this project.');
    const current = await getDocumentVersion(trx, document.id);
    if (!current || current.version !== payload.expectedVersion)
      throw staleVersion(`document “${document.name}”`, { version: current?.version });
    // Canonical text has LF line endings, like extraction gives.
    const text = payload.text.replace(/\r\n?/g, '\n');
    if (text === current.text) throw new WeftError('validation', `“${document.name}” is unchanged.`);

    const versionId = randomUUID();
    const structure = carrySpans(current.text, text, current.structure as { start: number; end: number }[]);
    const oldPages = current.pages as { pages: { start: number; end: number }[] } | null;
    // Text item boxes cannot follow an edit: an edited PDF keeps its pages but not the overlay.
    const pages = oldPages ? { pages: carrySpans(current.text, text, oldPages.pages), items: [] } : null;
    const version = await addDocumentVersion(
      trx,
      {
        id: versionId,
        documentId: document.id,
        text,
        structure,
        pages,
        meta: { ...current.meta, editedFrom: current.version },
      },
      payload.expectedVersion,
      context.actor.id,
      at,
    );
    if (version === false) throw staleVersion(`document “${document.name}”`, { version: current.version });

    const rows = await documentCodings(trx, document.id);
    const anchors = rows.map((row) => ({
      position: { type: 'text-position' as const, start: row.start_offset, end: row.end_offset },
      quote: { type: 'text-quote' as const, exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    }));
    const placed = reanchor(current.text, text, anchors);
    const counts: ReanchorCounts = { kept: 0, moved: 0, fuzzy: 0, orphan: 0 };
    const updates: ReanchoredCoding[] = rows.map((row, i) => {
      const found = placed[i] ?? { status: 'orphan' as ReanchorStatus, start: 0, end: 0, score: 0 };
      const result =
        row.anchor_status === 'fuzzy'
          ? carryUnconfirmed({ status: 'fuzzy', score: row.score }, found)
          : found;
      counts[result.status]++;
      // What was coded, for whoever confirms an approximate placement: the words before the
      // first approximate placement, however many edits it has been carried across since.
      const codedExact =
        row.anchor_status === 'fuzzy' || row.anchor_status === 'orphan'
          ? (row.coded_exact ?? row.exact)
          : row.exact;
      const base = { id: row.id, versionId, status: result.status, score: result.score, codedExact: null };
      if (result.status === 'orphan' || result.start >= result.end) {
        // Kept for review with its old quote; the offsets are only a guess of where it was.
        const start = Math.min(result.start, text.length);
        return {
          ...base,
          codedExact: row.coded_exact,
          status: 'orphan',
          start,
          end: Math.max(start, Math.min(result.end, text.length)),
          exact: row.exact,
          prefix: row.prefix,
          suffix: row.suffix,
        };
      }
      const { quote } = makeAnchor(text, result.start, result.end);
      return {
        ...base,
        codedExact: result.status === 'fuzzy' ? codedExact : null,
        start: result.start,
        end: result.end,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
      };
    });
    await saveReanchoredCodings(trx, updates);
    return {
      result: { versionId, version, reanchored: counts },
      event: {
        projectId: project.id,
        eventType: 'document.edited',
        payload: {
          documentId: document.id,
          name: document.name,
          versionId,
          version,
          reanchored: counts,
          codings: updates.map((u) => ({
            codingId: u.id,
            status: u.status,
            start: u.start,
            end: u.end,
            score: u.score,
          })),
        },
      },
    };
  },
});
