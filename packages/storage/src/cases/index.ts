export * from '../cases-schema.js';
export * from './attributes.js';
export * from './cases.js';
export * from './document-links.js';
export * from './included-studies.js';
