export * from './anchor.js';
export * from './reanchor.js';
export { diffTexts, type EqualRun, type TextDiff } from './text-diff.js';
