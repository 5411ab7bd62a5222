export * from './anchor.js';
export * from './reanchor.js';
