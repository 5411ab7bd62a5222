export * from '../memos-schema.js';
export * from './annotations.js';
export * from './memo-links.js';
export * from './memo-targets.js';
export * from './memos.js';
