import {
  dedupMarkNotDuplicate,
  dedupMerge,
  dedupUnmarkNotDuplicate,
  dedupUnmerge,
} from './handlers/dedup-answers.js';
import { dedupMergeAboveScore, dedupUndoMergeBatch } from './handlers/dedup-batch.js';
import { dedupRun } from './handlers/dedup-run.js';
import { importRecords } from './handlers/import-records.js';
import { recordsRemoveBeforeScreening, recordsRestoreForScreening } from './handlers/record-removals.js';
import { searchCreate, searchUpdate } from './handlers/search.js';

/** Handlers of the identification commands (searches, imports, deduplication). */
export const IDENTIFICATION_HANDLERS = {
  'search.create': searchCreate,
  'search.update': searchUpdate,
  'import.records': importRecords,
  'dedup.run': dedupRun,
  'dedup.merge': dedupMerge,
  'dedup.unmerge': dedupUnmerge,
  'dedup.mark-not-duplicate': dedupMarkNotDuplicate,
  'dedup.unmark-not-duplicate': dedupUnmarkNotDuplicate,
  'dedup.merge-above-score': dedupMergeAboveScore,
  'dedup.undo-merge-batch': dedupUndoMergeBatch,
  'records.remove-before-screening': recordsRemoveBeforeScreening,
  'records.restore-for-screening': recordsRestoreForScreening,
};
