export * from '../qdpx-schema.js';
export * from './insert-rows.js';
export * from './qdpx-export-read.js';
export * from './qdpx-uploads.js';
