export * from './methods-record.js';
export * from './prisma-flow.js';
export * from './prisma-flow-input.js';
export * from './prisma-svg.js';
export * from './prisma-template.js';
