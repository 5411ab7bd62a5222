export * from './api.js';
export * from './commands.js';
export * from './identification-api.js';
