export * from '../coding-schema.js';
export * from './coding-events.js';
export * from './coding-state.js';
export * from './documents.js';
