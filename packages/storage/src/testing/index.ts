export * from './test-stores.js';
