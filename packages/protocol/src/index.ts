export * from './api.js';
export * from './commands.js';
