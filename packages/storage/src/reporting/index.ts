export * from '../reporting-schema.js';
export * from './prisma-flow-counts.js';
export * from './prisma-flow-input.js';
export * from './prisma-settings.js';
export * from './report-files.js';
export * from './report-files-schema.js';
export * from './reports.js';
