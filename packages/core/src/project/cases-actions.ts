import type { Role } from './role.js';

/**
 * The least role for each case and attribute action (part of the one policy table,
 * PROJECT_ACTIONS). Cases and attributes are analysis work like coding: reviewers and up shape
 * the classification sheets (every change is attributed, deletions are reversible); viewers read.
 */
export const CASES_ACTIONS = {
  'cases.read': 'viewer',
  'case.create': 'reviewer',
  'case.edit': 'reviewer',
  'case.delete': 'reviewer',
  'case.restore': 'reviewer',
  'case.sync-studies': 'reviewer',
  'attribute.define': 'reviewer',
  'attribute.edit': 'reviewer',
  'attribute.remove': 'reviewer',
  'attribute.set': 'reviewer',
  'classification.import': 'reviewer',
  'document.assign': 'reviewer',
} as const satisfies Record<string, Role>;
