export * from './memo-rules.js';
export * from './memo-target.js';
export * from './rich-doc.js';
