import type { Role } from './role.js';

/**
 * The least role for each qualitative coding action (part of the one policy table,
 * PROJECT_ACTIONS). Coding is analysis work like screening: reviewers and up may code, edit
 * documents and shape the codebook (every change is attributed and reversible); viewers read.
 */
export const CODING_ACTIONS = {
  'coding.read': 'viewer',
  'document.add': 'reviewer',
  'document.edit': 'reviewer',
  'code.create': 'reviewer',
  'code.rename': 'reviewer',
  'code.edit': 'reviewer',
  'code.move': 'reviewer',
  'code.delete': 'reviewer',
  'code.restore': 'reviewer',
  'code.merge': 'reviewer',
  'code.unmerge': 'reviewer',
  'code.split': 'reviewer',
  'codebook.import': 'reviewer',
  'coding.add': 'reviewer',
  'coding.remove': 'reviewer',
  'coding.recode': 'reviewer',
  'coding.resize': 'reviewer',
  'coding.add-case': 'reviewer',
  'coding.undo': 'reviewer',
  'coding.redo': 'reviewer',
} as const satisfies Record<string, Role>;
