import { codebookImport } from './handlers/codebook-import.js';
import { codingAddCase } from './handlers/coding-add-case.js';
import {
  codeCreate,
  codeDelete,
  codeEdit,
  codeMerge,
  codeMove,
  codeRename,
  codeRestore,
  codeSplit,
  codeUnmerge,
} from './handlers/coding-codebook.js';
import { codingAdd, codingRecode, codingRemove, codingResize } from './handlers/coding-codings.js';
import { documentAdd, documentEdit } from './handlers/coding-documents.js';
import { codingRedo, codingUndo } from './handlers/coding-undo.js';

/** Handlers of the qualitative coding commands (documents, the codebook, codings). */
export const CODING_HANDLERS = {
  'document.add': documentAdd,
  'document.edit': documentEdit,
  'code.create': codeCreate,
  'code.rename': codeRename,
  'code.edit': codeEdit,
  'code.move': codeMove,
  'code.delete': codeDelete,
  'code.restore': codeRestore,
  'code.merge': codeMerge,
  'code.unmerge': codeUnmerge,
  'code.split': codeSplit,
  'codebook.import': codebookImport,
  'coding.add': codingAdd,
  'coding.remove': codingRemove,
  'coding.recode': codingRecode,
  'coding.resize': codingResize,
  'coding.add-case': codingAddCase,
  'coding.undo': codingUndo,
  'coding.redo': codingRedo,
};
