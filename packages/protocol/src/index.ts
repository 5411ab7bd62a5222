export * from './api.js';
export * from './commands.js';
export * from './identification-api.js';
export * from './identification-commands.js';
export * from './reporting-api.js';
export * from './reporting-commands.js';
export * from './screening-api.js';
export * from './screening-commands.js';
