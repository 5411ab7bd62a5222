export * from './agreement/index.js';
export * from './anchoring/index.js';
export * from './commands/index.js';
export * from './dedup/index.js';
export * from './errors.js';
export * from './project/index.js';
export * from './records/index.js';
export * from './screening/index.js';
