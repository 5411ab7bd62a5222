import { randomUUID } from 'node:crypto';
import {
  applyCodingChange,
  type CodingChange,
  childrenOf,
  createCode,
  isWeftError,
  nameKey,
  WeftError,
} from '@weft/core';
import { type CodebookDraft, readCodebookFile } from '@weft/formats';
import { type Database, loadCodingState } from '@weft/storage';
import type { Transaction } from 'kysely';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';
import { appendChangeEvents } from './coding-change.js';

/*
 * Imports a codebook file in one transaction. Every code it adds is an ordinary `code.created`
 * event (under a command id derived from the import's), so the codebook history, the codebook
 * as of a date and each importer's undo see imported codes like codes made by hand; the
 * import's own event records the summary. Codes already in the codebook under the same path are
 * kept as they are (their children in the file are still added under them). Any problem (a bad
 * file, a clashing shortcut) refuses the whole file.
 */
export const codebookImport = defineHandler({
  type: 'codebook.import',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'codebook.import'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const drafts = readCodebookFile(payload.text, payload.fileName, payload.format);
    let state = await loadCodingState(trx, project.id, 'none');
    const changes: CodingChange[] = [];
    let skipped = 0;
    const add = (nodes: readonly CodebookDraft[], parentId: string | null) => {
      for (const draft of nodes) {
        const existing = childrenOf(state, parentId).find((c) => nameKey(c.name) === nameKey(draft.name));
        if (existing) {
          skipped++;
          add(draft.children, existing.id);
          continue;
        }
        const id = randomUUID();
        const { line: _line, children, ...details } = draft;
        let change: CodingChange;
        try {
          change = createCode(state, { ...details, id, parentId });
        } catch (error) {
          if (!isWeftError(error)) throw error;
          throw new WeftError(error.code, `${payload.fileName}, line ${draft.line}: ${error.message}`, {
            fileName: payload.fileName,
            line: draft.line,
          });
        }
        state = applyCodingChange(state, change);
        changes.push(change);
        add(children, id);
      }
    };
    add(drafts, null);
    await insertCodes(trx, project.id, changes, context.actor.id, at);
    await appendChangeEvents(trx, project.id, changes, context, at, 'code');
    const codeIds = changes.map((c) => (c.eventType === 'code.created' ? c.payload.code.id : ''));
    const created = changes.length;
    return {
      result: { created, skipped, codeIds },
      event: {
        projectId: project.id,
        eventType: 'codebook.imported',
        payload: { fileName: payload.fileName, format: payload.format ?? null, created, skipped, codeIds },
      },
    };
  },
});

/** Rows per insert: well under PostgreSQL's 65,535 parameters per statement. */
const BATCH = 250;

type Created = Extract<CodingChange, { eventType: 'code.created' }>;

/* A codebook of a thousand codes is written in a few statements, not a few thousand. */

async function insertCodes(
  trx: Transaction<Database>,
  projectId: string,
  changes: readonly CodingChange[],
  by: string,
  at: Date,
): Promise<void> {
  const codes = (changes as Created[]).map((c) => c.payload.code);
  for (let i = 0; i < codes.length; i += BATCH) {
    await trx
      .insertInto('codes')
      .values(
        codes.slice(i, i + BATCH).map((code) => ({
          id: code.id,
          project_id: projectId,
          parent_id: code.parentId,
          name: code.name,
          description: code.description,
          inclusion: code.inclusion,
          exclusion: code.exclusion,
          example: code.example,
          colour: code.colour,
          shortcut: code.shortcut,
          position: code.position,
          status: code.status,
          deleted_with: null,
          merge: null,
          created_at: at,
          created_by: by,
        })),
      )
      .execute();
  }
}
