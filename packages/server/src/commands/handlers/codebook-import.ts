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
import { appendEvent, loadCodingState, saveCodingState } from '@weft/storage';
import { defineHandler } from '../command-handler.js';
import { derivedCommandId } from '../follow-up.js';
import { projectOf, requireProjectAction } from '../require.js';

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
    const before = await loadCodingState(trx, project.id, 'none');
    let state = before;
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
    await saveCodingState(trx, project.id, before, state, context.actor.id, at);
    const importId = context.commandId ?? randomUUID();
    for (const [index, change] of changes.entries()) {
      await appendEvent(trx, {
        projectId: project.id,
        commandId: derivedCommandId(importId, `code-${index}`),
        actorId: context.actor.id,
        actorName: context.actor.displayName,
        eventType: change.eventType,
        payload: change.payload,
        at,
      });
    }
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
