export * from './place-selections.js';
export * from './qde-model.js';
export { parseQde } from './qde-parse.js';
export * as qdpxFixtures from './qdpx-fixtures.js';
export * from './read-qdpx.js';
export * from './write-qde.js';
