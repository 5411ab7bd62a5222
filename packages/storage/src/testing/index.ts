export * from './seed-project.js';
export * from './test-stores.js';
